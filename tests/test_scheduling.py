"""Scheduling without a scheduler: an article published with a future date appears on every
public page at that moment and not a second before (frozen clock; no process runs)."""
from datetime import datetime, timedelta, timezone as dt_timezone

import pytest
import time_machine
from django.test import Client

from articles.models import Article
from tests.factories import make_article, make_author, make_category, make_entity

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=dt_timezone.utc)
RELEASE = NOW + timedelta(hours=2)
TITLE = "Embargoed briefing on sanctions"
PUBLIC_PAGES = ["/the-peninsula/", "/the-peninsula/2026/", "/the-peninsula/2026/03/", "/category/cat/",
                "/tag/ent/", "/tags/", "/author/ann/", "/search/?q=embargoed", "/feed/", "/feed/atom/",
                "/category/cat/feed/", "/tag/ent/feed/", "/author/ann/feed/"]
SLUG = "embargoed-briefing"


@pytest.fixture
def scheduled():
    with time_machine.travel(NOW, tick=False):
        author, category, entity = make_author(slug="ann"), make_category(slug="cat"), make_entity("Sanctions", slug="ent")
        make_article("Already out", authors=[author], categories=[category], entities=[entity])
        return make_article(TITLE, authors=[author], categories=[category], entities=[entity],
                            published_at=RELEASE, body="<p>Embargoed text about sanctions.</p>", slug=SLUG)


def visible_everywhere(client, article):
    pages = {url: client.get(url) for url in PUBLIC_PAGES}
    on_lists = {url: TITLE in r.content.decode() for url, r in pages.items() if url != "/tags/"}
    on_lists["/sitemap.xml"] = f"/the-peninsula/{SLUG}/" in client.get("/sitemap-articles.xml").content.decode()
    tags_html = pages["/tags/"].content.decode()
    return {
        "page": client.get(article.get_absolute_url()).status_code == 200,
        "lists": on_lists,
        "total_index": "Total Index: 2 publications." in pages["/the-peninsula/"].content.decode(),
        "published_count": Article.objects.published().count() == 2,
        "tag_count": '>Sanctions</a> <span class="count">(2)</span>' in tags_html,
    }


def test_scheduled_article_is_nowhere_public_before_its_time(scheduled):
    with time_machine.travel(RELEASE - timedelta(seconds=1), tick=False):
        seen = visible_everywhere(Client(), scheduled)
    assert not seen["page"] and not any(seen["lists"].values())
    assert not seen["total_index"] and not seen["published_count"] and not seen["tag_count"]


def test_scheduled_article_is_everywhere_public_at_its_time(scheduled):
    with time_machine.travel(RELEASE, tick=False):
        seen = visible_everywhere(Client(), scheduled)
    assert seen["page"] and all(seen["lists"].values()), seen["lists"]
    assert seen["total_index"] and seen["published_count"] and seen["tag_count"]


def test_related_lists_flip_with_the_clock(scheduled):
    with time_machine.travel(NOW, tick=False):
        sibling = Article.objects.exclude(pk=scheduled.pk).get()
        assert TITLE not in Client().get(sibling.get_absolute_url()).content.decode()
    with time_machine.travel(RELEASE + timedelta(minutes=1), tick=False):
        assert TITLE in Client().get(sibling.get_absolute_url()).content.decode()


def test_old_slug_redirect_waits_for_the_release_too(scheduled):
    scheduled.legacy_urls.create(path="/2026/03/embargoed/")
    with time_machine.travel(NOW, tick=False):
        assert Client().get("/2026/03/embargoed/").status_code == 404
    with time_machine.travel(RELEASE, tick=False):
        assert Client().get("/2026/03/embargoed/").status_code == 301


def test_pages_cached_before_the_release_do_not_hide_it_after(scheduled):
    client = Client()
    with time_machine.travel(RELEASE - timedelta(minutes=1), tick=False):
        assert not any(visible_everywhere(client, scheduled)["lists"].values())  # now cached without it
    with time_machine.travel(RELEASE, tick=False):
        seen = visible_everywhere(client, scheduled)
    assert seen["page"] and all(seen["lists"].values()), seen["lists"]
    assert seen["total_index"] and seen["tag_count"]
