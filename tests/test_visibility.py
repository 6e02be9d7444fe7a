"""Drafts and scheduled articles reach no public page; staff can preview them."""
import pytest

from tests.factories import make_article, make_author, make_category, make_entity

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = ["/the-peninsula/", "/category/{category}/", "/tag/{entity}/", "/tags/", "/author/{author}/",
                "/search/?q=secret"]


@pytest.fixture
def hidden_articles():
    author, category, entity = make_author(slug="ann"), make_category(slug="cat"), make_entity(slug="ent")
    make_article("Public piece", authors=[author], categories=[category], entities=[entity])
    common = dict(authors=[author], categories=[category], entities=[entity])
    return [
        make_article("Secret draft", status="draft", **common),
        make_article("Secret review", status="review", **common),
        make_article("Secret scheduled", days_ago=-2, **common),
    ]


@pytest.mark.parametrize("url", PUBLIC_LISTS)
def test_hidden_articles_are_on_no_public_list(client, hidden_articles, url):
    html = client.get(url.format(category="cat", entity="ent", author="ann")).content.decode()
    assert "Secret" not in html.replace("secret", "")


def test_hidden_article_pages_are_404_for_the_public(client, hidden_articles):
    for article in hidden_articles:
        assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_preview_a_draft_marked_and_not_indexed(staff_client, hidden_articles):
    response = staff_client.get(hidden_articles[0].get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: this article is draft" in html
    assert 'content="noindex, nofollow"' in html


def test_scheduled_article_appears_when_its_time_comes(client, hidden_articles):
    import time_machine
    from django.utils import timezone
    from datetime import timedelta

    scheduled = hidden_articles[2]
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        assert client.get(scheduled.get_absolute_url()).status_code == 200
        assert "Secret scheduled" in client.get("/the-peninsula/").content.decode()


def test_related_articles_never_include_drafts(client):
    entity = make_entity(slug="shared")
    public = make_article("Public one", entities=[entity])
    make_article("Draft sibling", status="draft", entities=[entity])
    make_article("Public sibling", entities=[entity])
    html = client.get(public.get_absolute_url()).content.decode()
    assert "Public sibling" in html
    assert "Draft sibling" not in html
