"""Pages a CDN can keep: compressed, with no per-visitor cookie; the sign-up form refuses cross-site posts."""
import gzip

import pytest
from django.test import Client

from archive.models import Subscriber
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/the-peninsula/", "/the-peninsula/first/", "/category/cat/", "/tag/ent/", "/tags/", "/author/ann/",
                "/series/ser/", "/the-peninsula/2020/", "/the-peninsula/2020/03/", "/search/?q=story", "/subscribe/",
                "/no-such-page/"]


@pytest.fixture
def article():
    from datetime import datetime, timezone

    return make_article("First story", slug="first", authors=[make_author("Ann", slug="ann")],
                        categories=[make_category("Economy", slug="cat")], entities=[make_entity("Trade", slug="ent")],
                        series=make_series("Weekly", slug="ser"),
                        published_at=datetime(2020, 3, 4, 12, 0, 1, 123456, tzinfo=timezone.utc))


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_set_no_cookie_and_carry_no_csrf_token(article, url):
    response = Client().get(url)
    assert response.status_code in (200, 404)
    assert not response.cookies, response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


@pytest.mark.parametrize("url", ["/the-peninsula/", "/the-peninsula/first/", "/search/?q=story"])
def test_html_is_compressed_for_clients_that_accept_gzip(article, url):
    response = Client().get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip" and "Accept-Encoding" in response["Vary"]
    assert b"First story" in gzip.decompress(response.content)


def post(headers):
    return Client().post("/subscribe/", {"email": "reader@example.org"}, **headers)


@pytest.mark.parametrize("headers", [
    {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
    {"HTTP_ORIGIN": "http://testserver"},  # a browser without Fetch Metadata
    {"HTTP_SEC_FETCH_SITE": "none"},  # typed in, not sent from any page
    {"HTTP_REFERER": "http://testserver/the-peninsula/"},
    {},  # no browser at all: nobody's cookies, so nothing to forge
])
def test_sign_ups_from_this_site_go_through(headers):
    assert post(headers).status_code == 302
    assert Subscriber.objects.filter(email="reader@example.org").exists()


@pytest.mark.parametrize("headers", [
    {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
    {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
    {"HTTP_ORIGIN": "https://evil.example"},
    {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a data: page
    {"HTTP_SEC_FETCH_SITE": "same-site"},  # a sibling subdomain is another site for a form post
    {"HTTP_REFERER": "https://evil.example/page"},
])
def test_cross_site_sign_ups_are_refused_and_store_nothing(headers):
    response = post(headers)
    assert response.status_code == 403 and b"Please try again" in response.content
    assert not Subscriber.objects.exists()


def test_a_trusted_origin_may_post(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.example.org"]
    assert post({"HTTP_ORIGIN": "https://www.example.org"}).status_code == 302


CACHED_PAGES = ["/the-peninsula/", "/the-peninsula/first/", "/category/cat/", "/tag/ent/", "/tags/", "/author/ann/",
                "/series/ser/", "/the-peninsula/2020/", "/the-peninsula/2020/03/"]


def vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize("url", CACHED_PAGES)
def test_pages_for_anonymous_readers_vary_only_on_encoding_whatever_cookies_they_carry(article, url):
    for cookies in ({}, {"_ga": "GA1.1.123", "csrftoken": "x" * 32}):
        reader = Client()
        for name, value in cookies.items():
            reader.cookies[name] = value
        for _ in range(2):  # rendered, then served from the page cache
            response = reader.get(url, HTTP_ACCEPT_ENCODING="gzip")
            assert response.status_code == 200
            assert vary(response) == {"accept-encoding"} and "public" in cache_control(response)


@pytest.mark.parametrize("url", CACHED_PAGES)
def test_pages_for_signed_in_staff_are_private_and_vary_on_cookie(article, staff_client, url):
    staff_client.get(url)  # whatever an anonymous visit kept is not what staff get
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "cookie" in vary(response) and {"private", "no-cache"} <= cache_control(response)
    assert "public" not in cache_control(response) and not response.has_header("Last-Modified")


def test_a_draft_staff_preview_on_the_public_address_is_never_shared(article, staff_client):
    draft = make_article("Secret draft", slug="secret", status="draft")
    preview = staff_client.get(draft.get_absolute_url())
    assert b"Secret draft" in preview.content
    assert {"private", "no-store"} <= cache_control(preview) and "cookie" in vary(preview)
    anonymous = Client().get(draft.get_absolute_url())
    assert anonymous.status_code == 404 and "public" not in cache_control(anonymous)


def test_a_page_carrying_a_flash_message_is_private(article):
    reader = Client()
    reader.post("/subscribe/", {"email": "new@example.org"})
    response = reader.get("/the-peninsula/")
    assert "confirm your subscription" in response.content.decode()
    assert "private" in cache_control(response) and "public" not in cache_control(response)
