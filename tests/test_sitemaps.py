"""/sitemap.xml is an index of sections that list every public page a crawler should find, each page
kept per content generation; /robots.txt points at it."""
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import pytest
import time_machine
from django.test import Client
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(client, url, root_tag, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # well-formed XML in the sitemap namespace
    assert root.tag == f"{{http://www.sitemaps.org/schemas/sitemap/0.9}}{root_tag}"
    return root


def index(client, **headers):
    """{section page URL: lastmod} from /sitemap.xml."""
    root = xml(client, "/sitemap.xml", "sitemapindex", **headers)
    return {entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
            for entry in root.findall("sm:sitemap", NS)}


def section(client, url, **headers):
    """{page URL: lastmod} from one section page."""
    root = xml(client, url.removeprefix("http://testserver"), "urlset", **headers)
    return {url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
            for url in root.findall("sm:url", NS)}


def sitemap(client):
    """{page URL: lastmod} from every section page the index lists."""
    urls = {}
    for page in index(client):
        urls.update(section(client, page))
    return urls


def test_sitemap_lists_articles_with_lastmod_and_their_pages(client, peninsula):
    urls = sitemap(client)
    article = "http://testserver/the-peninsula/north-korea-looking-abroad/"
    # A fixture's article was never edited here: its last change is its publication (tests/test_catalogue_data.py)
    assert urls[article] == peninsula.last_modified.date().isoformat() == "2015-02-18"
    for page in ["/the-peninsula/", "/tags/", "/category/north-korea/", "/tag/kim-jong-un/", "/tag/trade/",
                 "/author/matthew-nitkoski/"]:
        assert f"http://testserver{page}" in urls, page


def test_sitemap_leaves_out_drafts_scheduled_articles_and_empty_pages(client):
    shown = make_category(slug="shown")
    hidden = make_category(slug="hidden")
    lonely = make_entity(slug="lonely")
    make_article(slug="public", categories=[shown], series=make_series(slug="weekly"))
    make_article(slug="draft", status="draft", categories=[hidden], entities=[lonely], authors=[make_author(slug="ghost")])
    make_article(slug="soon", days_ago=-1, categories=[hidden])
    paths = {url.removeprefix("http://testserver") for url in sitemap(client)}
    assert {"/the-peninsula/public/", "/category/shown/", "/series/weekly/"} <= paths
    assert not paths & {"/the-peninsula/draft/", "/the-peninsula/soon/", "/category/hidden/", "/tag/lonely/",
                        "/author/ghost/"}


def test_sitemap_costs_the_same_queries_for_one_article_as_for_twenty(client):
    def queries():
        cache.clear()  # rendered afresh
        with CaptureQueriesContext(connection) as ctx:
            sitemap(client)
        return len(ctx.captured_queries)

    make_article(authors=[make_author()], categories=[make_category()], entities=[make_entity()])
    one = queries()
    for _ in range(19):
        make_article(authors=[make_author()], categories=[make_category()], entities=[make_entity()])
    assert queries() == one


def test_robots_txt_points_at_the_sitemap_and_keeps_admin_and_previews_out(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()
    assert response["Content-Type"].startswith("text/plain")
    assert {"Disallow: /admin/", "Disallow: /preview/"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_index_lists_each_section_with_its_latest_change(client):
    with time_machine.travel(datetime(2024, 3, 1, 12, tzinfo=timezone.utc), tick=False):
        old = make_article(slug="old", categories=[make_category(slug="cat")], days_ago=30)
    with time_machine.travel(datetime(2024, 5, 2, 12, tzinfo=timezone.utc), tick=False):
        make_article(slug="new", authors=[make_author(slug="ann")], days_ago=1)
        sections = index(client)
    root = "http://testserver/sitemap-{}.xml"
    assert set(sections) == {root.format(name) for name in
                             ("pages", "articles", "categories", "entities", "authors", "series", "archives")}
    assert sections[root.format("articles")].startswith("2024-05-02")  # the newest article's edit
    assert sections[root.format("categories")].startswith("2024-03-01")  # the category's only article
    with time_machine.travel(datetime(2024, 5, 2, 12, tzinfo=timezone.utc), tick=False):
        categories = section(client, root.format("categories"))
    assert categories == {"http://testserver/category/cat/": old.modified_at.date().isoformat()}


def test_sections_are_paginated_and_the_index_lists_every_page(client, settings):
    settings.SITEMAP_PAGE_SIZE = 2
    for n in range(5):
        make_article(slug=f"a{n}", days_ago=n + 1)
    make_article(slug="draft", status="draft")
    pages = [url for url in index(client) if "sitemap-articles.xml" in url]
    assert pages == ["http://testserver/sitemap-articles.xml", "http://testserver/sitemap-articles.xml?p=2",
                     "http://testserver/sitemap-articles.xml?p=3"]
    listed = [list(section(client, page)) for page in pages]
    assert [len(urls) for urls in listed] == [2, 2, 1]
    assert listed[0] == ["http://testserver/the-peninsula/a0/", "http://testserver/the-peninsula/a1/"]
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.parametrize("url", ["/sitemap.xml", "/sitemap-articles.xml", "/sitemap-entities.xml?p=1"])
def test_a_sitemap_page_asked_again_costs_at_most_two_queries(client, url, django_assert_max_num_queries):
    for _ in range(3):
        make_article(authors=[make_author()], categories=[make_category()], entities=[make_entity()])
    first = client.get(url)
    assert first.status_code == 200
    with_session = Client()
    with_session.cookies["sessionid"] = "not-a-session"
    for reader in (Client(), with_session):  # from the page as sent; through the view's cached page
        with django_assert_max_num_queries(2):
            again = reader.get(url)
        assert again.content == first.content
    make_article(slug="newest")  # a new generation: rendered afresh
    assert b"newest" in client.get("/sitemap-articles.xml").content


def test_sitemap_urls_come_from_site_url_not_the_request(client, settings):
    settings.SITE_URL = "https://www.example.org"
    make_article(slug="public")
    forged = {"HTTP_HOST": "localhost", "HTTP_X_FORWARDED_PROTO": "http"}
    pages = index(client, **forged)
    assert pages and all(url.startswith("https://www.example.org/sitemap-") for url in pages)
    urls = section(client, "/sitemap-articles.xml", **forged)
    assert list(urls) == ["https://www.example.org/the-peninsula/public/"]
    robots = client.get("/robots.txt", **forged).content.decode()
    assert "Sitemap: https://www.example.org/sitemap.xml" in robots.splitlines()
