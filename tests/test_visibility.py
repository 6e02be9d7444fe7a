"""Drafts and scheduled articles reach no public page; staff can preview them."""
import pytest
import time_machine

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


@pytest.mark.parametrize("url", ["/series/ser/", "/the-peninsula/{year}/", "/the-peninsula/{year}/{month:02d}/",
                                 "/feed/", "/feed/atom/", "/category/cat/feed/", "/tag/ent/feed/atom/",
                                 "/author/ann/feed/", "/series/ser/feed/atom/", "/sitemap-articles.xml"])
@time_machine.travel("2024-06-20 15:00Z")  # the archive's month is the site's (New York), not UTC's
def test_hidden_articles_are_in_no_archive_feed_or_sitemap(client, url):
    from tests.factories import make_series

    author, category, entity = make_author(slug="ann"), make_category(slug="cat"), make_entity(slug="ent")
    common = dict(authors=[author], categories=[category], entities=[entity], series=make_series(slug="ser"),
                  days_ago=0)
    make_article("Public piece", slug="public-piece", **common)
    for status in ("draft", "review"):
        make_article(f"Secret {status}", slug=f"secret-{status}", status=status, **common)
    make_article("Secret scheduled", slug="secret-scheduled", **{**common, "days_ago": -2})
    response = client.get(url.format(year=2024, month=6))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Public piece" in text or "public-piece" in text
    assert "Secret" not in text and "secret-" not in text


def test_hidden_articles_count_nowhere_and_bring_no_co_mentions(client):
    from bs4 import BeautifulSoup

    entity, draft_only = make_entity("Shown", slug="ent"), make_entity("Only in drafts", slug="draft-only")
    make_article("Public piece", entities=[entity])
    make_article("Secret draft", status="draft", entities=[entity, draft_only])
    make_article("Secret scheduled", days_ago=-2, entities=[entity, draft_only])
    tags = BeautifulSoup(client.get("/tags/").content, "html.parser")
    assert [li.get_text(" ", strip=True) for li in tags.select(".entity-list li")] == ["Shown (1)"]
    assert "Total Index: 1 publications." in tags.get_text(" ", strip=True)
    entity_page = client.get("/tag/ent/").content.decode()
    assert "Only in drafts" not in entity_page
    # The entity exists, but only drafts and scheduled articles use it: its name must not show yet.
    assert client.get("/tag/draft-only/").status_code == 404
    assert "Only in drafts" not in client.get("/tag/draft-only/").content.decode()


def test_a_logged_in_reader_who_is_not_staff_cannot_see_drafts(client, hidden_articles, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", "reader@example.org", "pw"))
    for article in hidden_articles:
        assert client.get(article.get_absolute_url()).status_code == 404
    assert "Secret" not in client.get("/the-peninsula/").content.decode()
