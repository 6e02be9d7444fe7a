"""Content-Security-Policy on every page, no inline script or style to need it loosened, admin login lockout."""
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

PUBLIC_PAGES = [
    "/the-peninsula/",
    "/the-peninsula/north-korea-looking-abroad/",
    "/tags/",
    "/search/?q=korea",
    "/subscribe/",
    "/the-peninsula/no-such-article/",
    "/admin/login/",
]
STAFF_PAGES = ["/admin/", "/admin/articles/article/", "/admin/articles/article/add/"]


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def site(peninsula):
    entity = peninsula.entities.first()
    return {"entity_url": reverse("articles:tag", args=[entity.slug])}


def assert_strict_csp(response):
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]


def assert_no_inline_code(html, url):
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/ld+json", f"inline script on {url}"
    for tag in soup.find_all(True):
        assert "style" not in tag.attrs, f"inline style attribute on <{tag.name}> at {url}"
        handlers = [name for name in tag.attrs if name.startswith("on")]
        assert not handlers, f"inline event handler {handlers} on <{tag.name}> at {url}"
    assert not soup.find_all("style"), f"<style> element on {url}"


@pytest.mark.django_db
def test_public_pages_send_a_strict_csp_and_carry_no_inline_code(client, site):
    for url in [*PUBLIC_PAGES, site["entity_url"]]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert_strict_csp(response)
        assert_no_inline_code(response.content.decode(), url)


@pytest.mark.django_db
def test_admin_pages_send_the_same_strict_csp(staff_client, peninsula):
    for url in [*STAFF_PAGES, reverse("admin:articles_article_change", args=[peninsula.pk])]:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert_strict_csp(response)


@pytest.mark.django_db
def test_json_ld_data_block_is_allowed_as_data_not_script(client, peninsula):
    """The article's structured data is a data block: browsers never execute it, so CSP has nothing to allow."""
    response = client.get(peninsula.get_absolute_url())
    soup = BeautifulSoup(response.content, "html.parser")
    for script in soup.find_all("script", src=False):
        assert script.get("type") == "application/ld+json"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("guarded", "g@example.org", "correct horse", is_staff=True)


def admin_login(client, password, username="guarded"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


@pytest.mark.django_db
def test_admin_login_with_the_right_password_gets_in(client, editor):
    response = admin_login(client, "correct horse")
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_admin_login_locks_out_after_repeated_wrong_passwords(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = admin_login(client, "guess")
        assert response.status_code == 200  # the form again, with its error
    response = admin_login(client, "guess")
    assert response.status_code == 429
    # Locked out: even the right password is refused now, and no session is opened.
    response = admin_login(client, "correct horse")
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_lockout_is_per_username_so_other_editors_can_still_log_in(client, editor, django_user_model):
    django_user_model.objects.create_user("other", "o@example.org", "other pass", is_staff=True)
    for _ in range(5):
        admin_login(client, "guess")
    assert admin_login(client, "other pass", username="other").status_code == 302


@pytest.mark.django_db
def test_force_login_still_works_for_tests_and_staff(staff_client):
    assert staff_client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_refused_form_gets_a_styled_page_that_says_to_reload_with_no_inline_code():
    import html5lib
    from django.test import Client

    from archive.models import Subscriber

    response = Client(enforce_csrf_checks=True).post("/subscribe/", {"email": "reader@example.org"})
    assert response.status_code == 403
    html = response.content.decode()
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert_strict_csp(response)
    assert_no_inline_code(html, "/subscribe/ (CSRF failure)")
    page = BeautifulSoup(html, "html.parser")
    assert page.find("h1").get_text() == "Please try again" and "reload the page" in page.get_text()
    assert "Stay Informed" in page.get_text() and page.select_one(".subscribe-box input[name=csrfmiddlewaretoken]")
    assert not Subscriber.objects.exists()


@pytest.mark.django_db
def test_server_error_page_sends_the_strict_csp_and_carries_no_inline_code(client, peninsula, monkeypatch):
    def broken(links):
        raise RuntimeError("a bug in the article page")

    monkeypatch.setattr("articles.pages.views.entity_groups", broken)
    client.raise_request_exception = False  # answer as production does: the 500 page, not the exception
    response = client.get(peninsula.get_absolute_url())
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert_strict_csp(response)
    assert_no_inline_code(response.content.decode(), "500 page")
