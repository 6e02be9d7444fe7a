"""Changing a published article's slug keeps its old address working with a 301."""
import pytest

from articles.models import LegacyURL
from tests.admin_client import form_data, login
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def rename(article, slug):
    client = login(make_user(f"ed-{slug}", "editor"))
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(client, url)
    data["slug"] = slug
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()


def test_renamed_published_article_answers_at_its_old_url(client):
    article = make_article("Talks", slug="old-talks")
    rename(article, "new-talks")
    response = client.get("/the-peninsula/old-talks/")
    assert response.status_code == 301 and response["Location"] == "/the-peninsula/new-talks/"
    assert client.get("/the-peninsula/new-talks/").status_code == 200


def test_renaming_twice_keeps_every_old_url_and_renaming_back_drops_the_stale_one(client):
    article = make_article("Talks", slug="first")
    rename(article, "second")
    rename(article, "third")
    assert client.get("/the-peninsula/first/")["Location"] == "/the-peninsula/third/"
    assert client.get("/the-peninsula/second/")["Location"] == "/the-peninsula/third/"
    rename(article, "first")
    assert client.get("/the-peninsula/first/").status_code == 200
    assert set(LegacyURL.objects.values_list("path", flat=True)) == {"/the-peninsula/second/",
                                                                    "/the-peninsula/third/"}


def test_renaming_a_draft_leaves_no_legacy_url():
    article = make_article("Draft", slug="draft-one", status="draft")
    rename(article, "draft-two")
    assert not LegacyURL.objects.exists()
