"""What pages tell crawlers and social sites: canonical URLs, rel next/prev, OpenGraph, JSON-LD."""
import json

import pytest
from bs4 import BeautifulSoup

from articles.models import ArticleEntity
from tests.factories import make_article, make_author, make_category, make_entity

pytestmark = pytest.mark.django_db

PAGES = ["/the-peninsula/", "/the-peninsula/north-korea-looking-abroad/", "/category/north-korea/",
         "/tag/kim-jong-un/", "/tags/", "/author/matthew-nitkoski/", "/the-peninsula/2015/",
         "/the-peninsula/2015/02/", "/subscribe/", "/search/?q=korea", "/series/korea-view/"]


@pytest.fixture
def peninsula(peninsula):
    """The reference article, also in a series so the series page has something to show."""
    from articles.models import Series

    peninsula.series = Series.objects.create(name="Korea View", slug="korea-view")
    peninsula.save()
    return peninsula


def head(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def meta(page, prop):
    tag = page.find("meta", attrs={"property": prop}) or page.find("meta", attrs={"name": prop})
    return tag["content"] if tag else None


def canonical(page):
    [link] = page.select("link[rel=canonical]")
    return link["href"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_one_canonical_url_and_social_tags(client, peninsula, url):
    page = head(client, url)
    assert canonical(page) == f"http://testserver{url.split('?')[0]}"
    for prop in ["og:site_name", "og:type", "og:title", "og:description", "og:url", "og:image",
                 "twitter:card", "twitter:title", "twitter:description", "description"]:
        assert meta(page, prop), prop
    assert meta(page, "og:url") == canonical(page)
    assert meta(page, "og:image").startswith("http://testserver/")


def test_tracking_parameters_never_make_a_second_canonical(client, peninsula):
    plain = canonical(head(client, "/the-peninsula/north-korea-looking-abroad/"))
    tracked = canonical(head(client, "/the-peninsula/north-korea-looking-abroad/?utm_source=x&utm_medium=y&fbclid=z"))
    assert tracked == plain == "http://testserver/the-peninsula/north-korea-looking-abroad/"


def test_paginated_lists_put_the_page_in_the_canonical_and_link_next_and_prev(client):
    for i in range(25):
        make_article(days_ago=i + 1)
    first = head(client, "/the-peninsula/?utm_campaign=spring")
    assert canonical(first) == "http://testserver/the-peninsula/"
    assert not first.select("link[rel=prev]")
    assert first.select_one("link[rel=next]")["href"] == "http://testserver/the-peninsula/?page=2"
    second = head(client, "/the-peninsula/?page=2&utm_source=mail")
    assert canonical(second) == "http://testserver/the-peninsula/?page=2"
    assert second.select_one("link[rel=prev]")["href"] == "http://testserver/the-peninsula/"
    assert second.select_one("link[rel=next]")["href"] == "http://testserver/the-peninsula/?page=3"
    last = head(client, "/the-peninsula/?page=3")
    assert not last.select("link[rel=next]")
    assert canonical(head(client, "/the-peninsula/?page=1")) == "http://testserver/the-peninsula/"


def test_index_filters_are_part_of_the_canonical(client):
    category = make_category(slug="economy")
    make_article(categories=[category])
    page = head(client, "/the-peninsula/?utm_source=x&category=economy")
    assert canonical(page) == "http://testserver/the-peninsula/?category=economy"


def test_article_page_has_article_open_graph_tags(client, peninsula):
    page = head(client, peninsula.get_absolute_url())
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "North Korea Looking Abroad"
    assert meta(page, "article:published_time").startswith("2015-02-18T")
    assert meta(page, "article:section") == "North Korea"
    assert meta(page, "article:author") == "http://testserver/author/matthew-nitkoski/"


def json_ld(page):
    [script] = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_article_page_has_blog_posting_json_ld(client, peninsula):
    data = json_ld(head(client, peninsula.get_absolute_url()))
    assert data["@context"] == "https://schema.org" and data["@type"] == "BlogPosting"
    assert data["headline"] == "North Korea Looking Abroad"
    assert data["datePublished"].startswith("2015-02-18T")
    assert data["dateModified"]
    assert data["author"] == [{"@type": "Person", "name": "Matthew Nitkoski",
                               "url": "http://testserver/author/matthew-nitkoski/"}]
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"]
    assert data["image"].startswith("http://testserver/")
    assert data["articleSection"] == "North Korea"
    links = list(peninsula.entity_links.select_related("tag"))
    assert [thing["name"] for thing in data["about"]] == [link.tag.name for link in links if link.is_main]
    assert [thing["name"] for thing in data["mentions"]] == [link.tag.name for link in links if not link.is_main]
    kim = next(thing for thing in data["about"] + data["mentions"] if thing["name"] == "Kim Jong-un")
    assert kim["@type"] == "Person" and kim["url"] == "http://testserver/tag/kim-jong-un/"


def test_json_ld_cannot_break_out_of_its_script_block(client):
    article = make_article("</script><script>alert(1)</script> & more", authors=[make_author("A <b>")],
                           categories=[make_category()])
    response = client.get(article.get_absolute_url())
    assert b"</script><script>alert(1)" not in response.content
    data = json_ld(BeautifulSoup(response.content, "html.parser").head)
    assert data["headline"] == "</script><script>alert(1)</script> & more"
    assert data["author"][0]["name"] == "A <b>"


def test_main_subjects_are_about_and_the_rest_are_mentions(client):
    main, passing = make_entity("Sanctions"), make_entity("Laos", kind="place")
    article = make_article(entities=[passing, main])
    ArticleEntity.objects.filter(tag=main).update(is_main=True)
    data = json_ld(head(client, article.get_absolute_url()))
    assert [t["name"] for t in data["about"]] == ["Sanctions"]
    assert [(t["name"], t["@type"]) for t in data["mentions"]] == [("Laos", "Place")]


def test_no_json_ld_on_a_staff_preview_of_a_draft(staff_client):
    draft = make_article(status="draft")
    page = head(staff_client, draft.get_absolute_url())
    assert not page.find_all("script", type="application/ld+json")
    assert meta(page, "robots") == "noindex, nofollow"


def test_no_other_inline_script_on_any_page(client, peninsula):
    for url in PAGES:
        scripts = BeautifulSoup(client.get(url).content, "html.parser").find_all("script", src=False)
        assert all(script.get("type") == "application/ld+json" for script in scripts), url


@pytest.mark.parametrize("url", ["/category/cat/", "/tag/ent/", "/author/ann/", "/series/ser/", "/the-peninsula/2020/",
                                 "/the-peninsula/2020/03/"])
def test_every_paginated_list_links_next_and_prev_with_a_clean_canonical(client, url):
    from datetime import datetime, timezone

    from tests.factories import make_series

    common = dict(authors=[make_author(slug="ann")], categories=[make_category(slug="cat")],
                  entities=[make_entity(slug="ent")], series=make_series(slug="ser"))
    for day in range(1, 22):
        make_article(published_at=datetime(2020, 3, day, 12, tzinfo=timezone.utc), **common)
    first = head(client, url + "?utm_source=x")
    assert canonical(first) == f"http://testserver{url}" and not first.select("link[rel=prev]")
    assert first.select_one("link[rel=next]")["href"] == f"http://testserver{url}?page=2"
    second = head(client, url + "?page=2&fbclid=y")
    assert canonical(second) == f"http://testserver{url}?page=2"
    assert second.select_one("link[rel=prev]")["href"] == f"http://testserver{url}"
    assert second.select_one("link[rel=next]")["href"] == f"http://testserver{url}?page=3"
    last = head(client, url + "?page=3")
    assert not last.select("link[rel=next]")


TITLES = {
    "/the-peninsula/": "The Peninsula",
    "/the-peninsula/north-korea-looking-abroad/": "North Korea Looking Abroad | The Peninsula",
    "/category/north-korea/": "Category: North Korea | The Peninsula",
    "/tag/kim-jong-un/": "Tag Archive: Kim Jong-un | The Peninsula",
    "/tags/": "All topics | The Peninsula",
    "/author/matthew-nitkoski/": "Matthew Nitkoski | The Peninsula",
    "/the-peninsula/2015/": "Archive: 2015 | The Peninsula",
    "/the-peninsula/2015/02/": "Archive: February 2015 | The Peninsula",
    "/subscribe/": "Subscribe | The Peninsula",
    "/search/?q=korea": "Search: korea | The Peninsula",
    "/series/korea-view/": "Korea View | The Peninsula",
}


def test_every_title_names_the_page_then_the_site_once_and_og_title_names_the_page(client, peninsula):
    descriptions = {}
    for url, title in TITLES.items():
        page = head(client, url)
        assert page.title.string == title
        assert meta(page, "og:title") == (title.removesuffix(" | The Peninsula"))
        descriptions[url] = meta(page, "description")
    # Each page type says what it holds; only pages about one thing may share its description.
    assert len(set(descriptions.values())) >= len(descriptions) - 2, descriptions


def test_the_tag_page_keeps_the_publishers_heading(client, peninsula):
    page = BeautifulSoup(client.get("/tag/kim-jong-un/").content, "html.parser")
    assert page.h1.get_text() == 'Tag Archive | "Kim Jong-un"'


def test_error_pages_and_later_pages_of_a_list_are_named_too(client, peninsula):
    for i in range(12):
        make_article(days_ago=i + 1)
    assert head(client, "/the-peninsula/?page=2").title.string == "Page 2 | The Peninsula"
    missing = BeautifulSoup(client.get("/no-such-page/").content, "html.parser")
    assert missing.title.string == "Page not found | The Peninsula"


def test_every_page_links_a_favicon_and_a_touch_icon(client, peninsula):
    page = head(client, "/the-peninsula/")
    assert page.select_one("link[rel=icon]") and page.select_one("link[rel=apple-touch-icon]")
    from django.contrib.staticfiles import finders

    for link in page.select("link[rel=icon], link[rel=apple-touch-icon]"):
        assert finders.find(link["href"].removeprefix("/static/")), link["href"]
