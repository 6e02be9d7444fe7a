"""CSRF on every public POST: a POST with no token is refused (403) by every public URL, except the two
documented exceptions, each guarded otherwise: the sign-up box (on pages a CDN keeps, so it holds no
token: archive/origin_check.py refuses cross-site posts) and RFC 8058's one-click unsubscribe (the
signed link is the proof; the unsubscribe page's own button still needs the token)."""
import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from archive import mailing_list
from archive.models import Subscriber
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db

SAMPLE = {"year": "2020", "month": "03", "slug": "x", "token": "abc", "page": "2", "path": "x.jpg", "section": "articles",
          "kind": "tag"}
# The exceptions, tested below (follow by email's in tests/test_follows.py): the sign-up and follow boxes on
# cached pages (checked by Origin) and RFC 8058 one-click unsubscribes.
NOT_CSRF_CHECKED = {"subscribe", "unsubscribe", "follows:follow", "follows:unsubscribe"}


def public_url_names(patterns=None, namespace=""):
    """(name, sample path) of every named URL outside the admin."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                yield from public_url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, reverse(name, kwargs={k: SAMPLE[k] for k in pattern.pattern.regex.groupindex})


PUBLIC_URLS = sorted(public_url_names())


def test_the_scan_covers_the_public_urls_that_change_state():
    names = {name for name, _ in PUBLIC_URLS}
    assert {"subscribe", "subscribe_confirm", "unsubscribe", "articles:preview", "articles:article_detail"} <= names


@pytest.fixture
def content():
    for slug in ("x",):
        make_article("X", slug=slug, authors=[make_author(slug=slug)], categories=[make_category(slug=slug)],
                     entities=[make_entity(slug=slug)], series=make_series(slug=slug))


@pytest.mark.parametrize("name, path", [u for u in PUBLIC_URLS if u[0] not in NOT_CSRF_CHECKED])
def test_a_post_without_a_csrf_token_is_refused(content, name, path):
    response = Client(enforce_csrf_checks=True).post(path, {"email": "reader@example.org"})
    assert response.status_code == 403, (name, path, response.status_code)


def test_the_admin_login_refuses_a_post_without_its_token():
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403


def confirm_path(subscriber):
    return "/" + mailing_list.confirm_url(subscriber).split("://", 1)[1].split("/", 1)[1]


def unsubscribe_path(subscriber):
    return "/" + mailing_list.unsubscribe_url(subscriber).split("://", 1)[1].split("/", 1)[1]


def test_confirming_needs_the_token_its_own_page_carries():
    subscriber = Subscriber.objects.create(email="pending@example.org", status="pending")
    path = confirm_path(subscriber)
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(path).status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"
    form = BeautifulSoup(browser.get(path).content, "html.parser").select_one("main form[method=post]")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert browser.post(path, {"csrfmiddlewaretoken": token}).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "active"


def test_the_unsubscribe_button_needs_its_token_and_only_one_click_posts_go_without():
    subscriber = Subscriber.objects.create(email="active@example.org", status="active")
    path = unsubscribe_path(subscriber)
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(path).status_code == 403
    assert browser.post(path, {"List-Unsubscribe": "Something-Else"}).status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.status == "active"
    form = BeautifulSoup(browser.get(path).content, "html.parser").select_one("main form[method=post]")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert browser.post(path, {"csrfmiddlewaretoken": token}).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_one_click_unsubscribe_goes_without_a_token():
    subscriber = Subscriber.objects.create(email="mailer@example.org", status="active")
    response = Client(enforce_csrf_checks=True).post(unsubscribe_path(subscriber), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


@pytest.mark.parametrize("headers", [{"HTTP_ORIGIN": "https://evil.example"},
                                     {"HTTP_SEC_FETCH_SITE": "cross-site"},
                                     {"HTTP_REFERER": "https://evil.example/page"}])
def test_a_cross_site_sign_up_without_a_token_is_refused(headers):
    response = Client(enforce_csrf_checks=True).post("/subscribe/", {"email": "reader@example.org"}, **headers)
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_the_sign_up_box_from_the_sites_own_page_needs_no_token():
    response = Client(enforce_csrf_checks=True).post(
        "/subscribe/", {"email": "reader@example.org"}, HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="reader@example.org").exists()
    assert re.search(r"/subscribe/$", response["Location"])
