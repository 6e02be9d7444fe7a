"""/sitemap.xml lists every public page a crawler should find; /robots.txt points at it."""
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # well-formed XML in the sitemap namespace
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return {url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
            for url in root.findall("sm:url", NS)}


def test_sitemap_lists_articles_with_lastmod_and_their_pages(client, peninsula):
    urls = sitemap(client)
    article = "http://testserver/the-peninsula/north-korea-looking-abroad/"
    assert urls[article] == peninsula.updated_at.date().isoformat()
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
        with CaptureQueriesContext(connection) as ctx:
            client.get("/sitemap.xml")
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
