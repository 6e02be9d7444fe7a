"""Bad hosts get a 400, a busy database a 503 with Retry-After: never a 500 for either."""
from unittest import mock

import html5lib
import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def strict_html(response):
    html = response.content.decode()
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    return html


@pytest.mark.parametrize("path", ["/the-peninsula/", "/subscribe/", "/no-such-page/", "/feed/", "/sitemap.xml"])
def test_a_host_outside_allowed_hosts_gets_the_400_page(path):
    response = Client(raise_request_exception=False).get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = strict_html(response)
    assert "Bad request" in html and "evil.example" not in html


@pytest.mark.parametrize("message", ["database is locked", "database table is locked",
                                     "canceling statement due to lock timeout"])
def test_a_busy_database_answers_503_with_retry_after(settings, message):
    client = Client(raise_request_exception=False)
    with mock.patch("archive.mailing_list.request_subscription", side_effect=OperationalError(message)):
        response = client.post("/subscribe/", {"email": "reader@example.org"})
    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.BUSY_RETRY_AFTER_SECONDS)
    html = strict_html(response)
    assert "try again" in html and message not in html


def test_a_busy_database_after_the_view_is_a_503_too():
    # On a 404 the legacy-redirect middleware looks the path up, after the view has answered.
    client = Client(raise_request_exception=False)
    with mock.patch("archive.middleware.LegacyURL.objects.filter", side_effect=OperationalError("database is locked")):
        response = client.get("/no-such-page/")
    assert response.status_code == 503 and response.has_header("Retry-After")


def test_other_database_errors_stay_500():
    client = Client(raise_request_exception=False)
    with mock.patch("archive.mailing_list.request_subscription", side_effect=OperationalError("no such table: x")):
        response = client.post("/subscribe/", {"email": "reader@example.org"})
    assert response.status_code == 500 and "no such table" not in response.content.decode()


def test_sqlite_writers_wait_for_the_lock_before_giving_up(settings):
    from archive import settings as site_settings

    options = site_settings.DATABASES["default"].get("OPTIONS", {})
    if site_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the busy timeout is a SQLite setting; this pass runs on PostgreSQL")
    assert options["timeout"] >= 10 and options["transaction_mode"] == "IMMEDIATE"


# django-axes behind proxies

@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("guarded", "g@example.org", "correct horse", is_staff=True)


def login_from(client, forwarded, password="guess"):
    return client.post("/admin/login/?next=/admin/", {"username": "guarded", "password": password},
                       REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_a_proxy_the_lockout_keys_on_the_visitor_not_the_proxy(settings, editor):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker, editor_client = Client(), Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        login_from(attacker, "203.0.113.66")
    assert login_from(attacker, "203.0.113.66", "correct horse").status_code == 429
    # The editor comes through the same proxy (same REMOTE_ADDR) from their own address.
    assert login_from(editor_client, "198.51.100.7", "correct horse").status_code == 302


def test_a_forged_forwarded_entry_does_not_escape_the_lockout(settings, editor):
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT + 1):
        login_from(client, f"1.2.3.{n}, 203.0.113.66")  # the client writes the left part; our proxy the right
    assert login_from(client, "9.9.9.9, 203.0.113.66", "correct horse").status_code == 429
