"""Conditional requests (ETag, Last-Modified, 304) and the page cache with its invalidation."""
from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db

CACHED_PAGES = ["/the-peninsula/", "/the-peninsula/{slug}/", "/category/cat/", "/tag/ent/", "/author/ann/",
                "/series/ser/", "/tags/", "/the-peninsula/{year}/", "/search/?q=story"]


@pytest.fixture
def article():
    return make_article("First story", slug="first", authors=[make_author("Ann", slug="ann")],
                        categories=[make_category("Economy", slug="cat")], entities=[make_entity("Trade", slug="ent")],
                        series=make_series("Weekly", slug="ser"))


def url_for(template, article):
    return template.format(slug=article.slug, year=article.published_at.year)


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    return response, len(ctx.captured_queries)


@pytest.mark.parametrize("template", CACHED_PAGES)
def test_a_repeat_visit_is_served_from_the_cache_and_a_revalidation_gets_304(client, article, template):
    url = url_for(template, article)
    first, _ = queries(client, url)
    assert first.status_code == 200
    assert first["ETag"].startswith('W/"') and first.has_header("Last-Modified")
    assert {"public", "no-cache"} <= {part.strip() for part in first["Cache-Control"].split(",")}
    assert not first.cookies  # nothing per visitor, so a CDN may keep it for everyone

    again, count = queries(Client(), url)
    assert count == 0 and again["ETag"] == first["ETag"]
    assert "Total Index: 1 publications." in again.content.decode()

    by_etag, count = queries(client, url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304 and count == 0 and by_etag.content == b""
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304


def test_head_requests_get_the_same_validators(client, article):
    get = client.get("/the-peninsula/")
    head = client.head("/the-peninsula/")
    assert head.status_code == 200 and head["ETag"] == get["ETag"]


def test_editing_an_article_refreshes_every_page_that_shows_it(client, article):
    pages = [url_for(template, article) for template in CACHED_PAGES if template != "/tags/"]  # no titles there
    before = {url: client.get(url)["ETag"] for url in pages}
    article.title = "Renamed story"
    article.save()
    for url in pages:
        response = client.get(url, HTTP_IF_NONE_MATCH=before[url])
        assert response.status_code == 200, url
        assert response["ETag"] != before[url]
    assert "Renamed story" in client.get("/the-peninsula/").content.decode()
    assert "<h1 id=\"article-title\">Renamed story</h1>" in client.get("/the-peninsula/first/").content.decode()


def rename(objects, **fields):
    for obj in objects:
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()


@pytest.mark.parametrize("edit, url, before, after", [
    (lambda a: rename(a.authors.all(), name="Ann Renamed"), "/the-peninsula/first/", "Ann", "Ann Renamed"),
    (lambda a: rename(a.categories.all(), name="Economics"), "/the-peninsula/first/", "Economy", "Economics"),
    (lambda a: rename(a.entities.all(), description="Goods across borders."), "/tag/ent/", "Trade",
     "Goods across borders."),
    (lambda a: rename([a.series], name="Weekly Briefing"), "/the-peninsula/", "Weekly", "Weekly Briefing"),
    (lambda a: a.authors.add(make_author("Bo Kim"), through_defaults={"position": 2}), "/the-peninsula/first/",
     "Ann", "Bo Kim"),
    (lambda a: make_article("Second story", entities=list(a.entities.all())), "/tag/ent/", "First story",
     "Second story"),
    (lambda a: a.delete(), "/the-peninsula/", "First story", "Total Index: 0 publications."),
])
def test_changes_to_what_a_page_shows_refresh_it(client, article, edit, url, before, after):
    assert before in client.get(url).content.decode()
    assert after not in client.get(url).content.decode()
    edit(article)
    assert after in client.get(url).content.decode()


def test_the_sign_up_box_on_a_cached_page_works_for_every_visitor_and_holds_no_token(article):
    pages = []
    for n in range(2):
        visitor = Client()
        response = visitor.get("/the-peninsula/")
        pages.append(response.content)
        assert not response.cookies
        page = BeautifulSoup(response.content, "html.parser")
        assert not page.select("input[name=csrfmiddlewaretoken]")
        form = page.select_one(".subscribe-box form")
        data = {field["name"]: field.get("value", "") for field in form.select("input")}
        response = visitor.post(form["action"], dict(data, email=f"v{n}@example.org"),
                                HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
        assert response.status_code == 302
    assert pages[0] == pages[1]


def test_cached_pages_may_be_kept_by_a_cdn_for_the_configured_time(client, article, settings):
    settings.CDN_CACHE_SECONDS = 60
    response = client.get("/the-peninsula/")
    assert {"public", "s-maxage=60"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_staff_pages_and_previews_are_never_cached(staff_client):
    client = Client()
    draft = make_article("Secret draft", status="draft")
    preview = staff_client.get(draft.get_absolute_url())
    assert "Secret draft" in preview.content.decode() and not preview.has_header("Last-Modified")
    staff_client.get("/the-peninsula/")
    assert client.get(draft.get_absolute_url()).status_code == 404
    _response, count = queries(client, "/the-peninsula/")
    assert count > 0  # the staff visit stored nothing


def test_a_search_is_kept_as_the_form_reads_it_whatever_the_parameter_order_or_stray_parameters(client, article):
    client.get("/search/?q=story&sort=date&category=cat")
    for again in ["/search/?category=cat&q=story&sort=date", "/search/?q=story&sort=date&category=cat&utm=x"]:
        response, count = queries(client, again)
        assert count == 0 and "First story" in response.content.decode()
    for other in ["/search/?q=story", "/search/?q=story&sort=date", "/search/?q=story&sort=date&category=cat&page=2"]:
        assert queries(client, other)[1] > 0, other


def test_a_search_page_kept_in_the_cache_shows_a_new_article_at_once(client, article):
    client.get("/search/?q=story")
    make_article("Second story")
    response, count = queries(client, "/search/?q=story")
    assert count > 0 and "Second story" in response.content.decode()


def test_staff_searches_are_neither_served_from_nor_stored_in_the_cache(staff_client, article):
    staff_client.get("/search/?q=story")
    assert queries(staff_client, "/search/?q=story")[1] > 0
    assert queries(Client(), "/search/?q=story")[1] > 0


def test_a_page_with_a_flash_message_is_neither_served_from_nor_stored_in_the_cache(article):
    reader, other = Client(), Client()
    reader.get("/the-peninsula/")
    reader.post("/subscribe/", {"email": "new@example.org"})
    assert "confirm your subscription" in reader.get("/the-peninsula/").content.decode()
    assert "confirm your subscription" not in other.get("/the-peninsula/").content.decode()


def test_a_scheduled_article_appears_on_time_without_any_write(client, article):
    make_article("Tomorrow's story", published_at=timezone.now() + timedelta(hours=1))
    page = client.get("/the-peninsula/").content.decode()
    assert "Tomorrow" not in page and "Total Index: 1 publications." in page
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        page = client.get("/the-peninsula/").content.decode()
    assert "Tomorrow" in page and "Total Index: 2 publications." in page


def test_bulk_imports_refresh_cached_pages(client, article):
    from django.core.management import call_command

    client.get("/the-peninsula/")
    call_command("make_corpus", "3", verbosity=0)
    assert f"Total Index: {Article.objects.published().count()} publications." in client.get(
        "/the-peninsula/").content.decode()


def test_feeds_and_sitemap_answer_conditional_requests(client, article):
    for url in ["/feed/", "/feed/atom/", "/sitemap.xml", "/robots.txt"]:
        first = client.get(url)
        assert first.has_header("ETag"), url
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304, url


def test_each_edit_refreshes_the_page_even_when_the_clock_stands_still(client, article):
    """Edits within one tick of the clock (a frozen clock here; a lagging app server in production)."""
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        for title in ("Second take", "Third take"):
            client.get(article.get_absolute_url())  # cached before the edit
            article.title = title
            article.save()
            assert title in client.get(article.get_absolute_url()).content.decode()


def test_a_zero_cache_time_serves_every_page_afresh_with_validators(client, article, settings):
    """PAGE_CACHE_SECONDS=0 keeps nothing: no page, no summary, no derived value is reused."""
    settings.PAGE_CACHE_SECONDS = 0
    assert client.get("/the-peninsula/first/")["ETag"]
    # An edit no signal reports still shows at once.
    Article.objects.filter(pk=article.pk).update(title="Edited elsewhere")
    assert "Edited elsewhere" in client.get("/the-peninsula/first/").content.decode()


def test_gunicorn_keeps_the_page_cache_on_for_several_workers_without_redis(monkeypatch):
    """The default cache is shared by the workers, so gunicorn no longer turns the page cache off."""
    import importlib
    import os

    import archive.gunicorn_conf as conf

    for name in ("REDIS_URL", "CACHE_URL", "PAGE_CACHE_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    importlib.reload(conf)
    assert conf.workers == 3 and "PAGE_CACHE_SECONDS" not in os.environ


def test_the_default_cache_is_on_disk_every_worker_on_the_host_shares(monkeypatch, tmp_path):
    """Without REDIS_URL the settings pick diskcache, which another process opening the same directory
    (another gunicorn worker) reads: the generation one worker moves, the next one sees."""
    import importlib

    import archive.settings as real_settings
    from archive.disk_cache import PersistentDjangoCache as DjangoCache
    from articles.caching import generation as caching

    for name in ("REDIS_URL", "CACHE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CACHE_DIR", str(tmp_path))
    try:
        config = importlib.reload(real_settings).CACHES
    finally:
        monkeypatch.undo()
        importlib.reload(real_settings)
    assert config["default"]["BACKEND"] == "archive.disk_cache.PersistentDjangoCache"
    assert config["default"]["LOCATION"] == str(tmp_path)
    assert config["default"]["OPTIONS"]["eviction_policy"] == "least-recently-used"
    assert config["state"]["OPTIONS"]["eviction_policy"] == "none"  # the generation is never evicted

    state = config["state"]
    worker_a, worker_b = (DjangoCache(state["LOCATION"], state) for _ in range(2))
    monkeypatch.setattr(caching, "state", worker_a)
    before = caching.content_generation()
    caching.bump_generation()
    assert worker_b.get(caching.GENERATION_KEY) > before
    caching.bump_generation()  # its connection kept open between requests, worker B still reads the news
    assert worker_b.get(caching.GENERATION_KEY) > before + 1


def test_a_request_reads_the_generation_once_and_computes_the_summary_once(client, article, monkeypatch):
    from django.core.cache import cache

    from articles.caching import generation as caching

    reads, summaries = [], []
    real_get, real_get_many = cache.get, cache.get_many
    real_summary = Article.objects.publication_summary
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: reads.append(key) or real_get(key, *a, **k))
    monkeypatch.setattr(cache, "get_many", lambda keys, *a, **k: reads.extend(keys) or {
        key: value for key, value in ((key, real_get(key)) for key in keys) if value is not None})
    real_state_get = caching.state.get
    monkeypatch.setattr(caching.state, "get", lambda key, *a, **k: reads.append(key) or real_state_get(key, *a, **k))
    monkeypatch.setattr(Article.objects, "publication_summary", lambda: summaries.append(1) or real_summary())
    client.get("/the-peninsula/first/")
    assert reads.count(caching.GENERATION_KEY) == 1 and len(summaries) == 1
    client.get("/search/?q=story")  # not cached yet, the same generation: the summary is kept
    assert len(summaries) == 1


def test_a_reader_with_no_cookies_gets_the_page_as_sent_before_sessions_and_the_view_run(client, article):
    url = url_for("/the-peninsula/{slug}/", article)
    first = client.get(url)
    assert hasattr(first.wsgi_request, "session")  # rendered: the whole stack ran

    again, count = queries(Client(), url)
    assert count == 0 and not hasattr(again.wsgi_request, "session")  # answered above SessionMiddleware
    assert again.content == first.content
    assert dict(again.items()) == dict(first.items())  # CSP, X-Frame-Options, validators, Vary: all the same
    assert "Cookie" not in again.get("Vary", "")


def test_a_reader_with_a_session_cookie_goes_through_the_whole_stack(client, article):
    url = url_for("/the-peninsula/{slug}/", article)
    first = client.get(url)
    visitor = Client()
    visitor.cookies["sessionid"] = "not-a-session"
    again = visitor.get(url)
    assert hasattr(again.wsgi_request, "session") and again.content == first.content


def test_a_page_sent_in_an_earlier_generation_is_never_replayed(client, article):
    from django.core.cache import cache
    from django.test import RequestFactory

    from articles.caching.generation import content_generation
    from articles.caching.keys import served_key
    from articles.caching.middleware import recent_pages

    url = url_for("/the-peninsula/{slug}/", article)
    client.get(url)
    key = served_key(RequestFactory().get(url))
    sent = cache.get(key)
    # As if a render that began before a change finished after it: kept, but under the old generation.
    cache.set(key, {**sent, "generation": content_generation() - 1, "content": b"stale"})
    recent_pages.forget()  # as in another worker, which has not sent it
    again = Client().get(url)
    assert again.status_code == 200 and b"stale" not in again.content and b"First story" in again.content


def test_a_request_for_an_unknown_host_is_refused_not_served_from_the_cache(client, article):
    url = url_for("/the-peninsula/{slug}/", article)
    client.get(url)
    assert Client().get(url, HTTP_HOST="evil.example").status_code == 400


def test_a_worker_replays_a_page_it_sent_while_its_generation_lasts(client, article):
    from django.core.cache import cache
    from django.test import RequestFactory

    from articles.caching.keys import served_key

    url = url_for("/the-peninsula/{slug}/", article)
    first = client.get(url)
    cache.delete(served_key(RequestFactory().get(url)))  # the shared copy gone: this worker still has its own
    again, count = queries(Client(), url)
    assert count == 0 and not hasattr(again.wsgi_request, "session") and again.content == first.content

    article.title = "Renamed story"
    article.save()  # a new generation: the worker's copy is not replayed
    assert b"Renamed story" in Client().get(url).content


def test_the_pages_a_worker_keeps_are_bounded_least_recently_used_out_first():
    from articles.caching.middleware import RecentPages

    recent = RecentPages(size=2)
    recent.put("a", 1)
    recent.put("b", 2)
    recent.get("a")  # used: "b" is now the oldest
    recent.put("c", 3)
    assert (recent.get("a"), recent.get("b"), recent.get("c")) == (1, None, 3)


@pytest.mark.parametrize("url, stray", [
    ("/the-peninsula/", "?utm_source=x&fbclid=1"),
    ("/the-peninsula/?category=cat", "&utm_x=1"),
    ("/the-peninsula/{slug}/", "?utm_x=1"),
    ("/search/?q=story", "&utm_x=1&nonsense=2"),
])
def test_stray_query_parameters_add_no_copy_of_a_page(client, article, monkeypatch, url, stray):
    from django.core.cache import cache

    url = url_for(url, article)
    first = client.get(url)
    written = []
    real_set = cache.set
    monkeypatch.setattr(cache, "set", lambda key, *a, **k: written.append(key) or real_set(key, *a, **k))
    again, count = queries(Client(), url + stray)
    assert again.status_code == 200 and again.content == first.content
    assert written == [] and count == 0  # the page as sent, under the same key: nothing new kept
    assert b"utm_" not in again.content


def test_page_links_keep_only_the_parameters_the_page_reads(client, article):
    for n in range(11):
        make_article(slug=f"more-{n}", categories=[article.categories.get()])
    html = client.get("/the-peninsula/?category=cat&utm_source=x").content.decode()
    assert "?category=cat&amp;page=2" in html and "utm_source" not in html


def test_the_generation_and_rate_limits_live_apart_from_the_pages_and_survive_their_eviction(client, article):
    from django.core.cache import caches

    from archive.mailing_list import ADDRESS_LIMIT
    from articles.caching import generation as caching

    caching.bump_generation()
    generation = caching.content_generation()
    ADDRESS_LIMIT.hit("reader@example.org")
    count = ADDRESS_LIMIT.hit("reader@example.org")
    counter = ADDRESS_LIMIT.key("reader@example.org")
    pages, state = caches["default"], caches["state"]
    assert (pages.get(caching.GENERATION_KEY), pages.get(counter)) == (None, None)  # not where pages are
    assert (state.get(caching.GENERATION_KEY), state.get(counter)) == (generation, count)
    if "diskcache" in type(pages).__module__:  # Redis: one server, whose own policy evicts
        assert state._cache.eviction_policy == "none"
        pages.clear()  # as if every page and derived value had been evicted
        assert caching.content_generation() == generation
        assert ADDRESS_LIMIT.hit("reader@example.org") == count + 1
