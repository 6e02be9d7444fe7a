"""RSS 2.0 and Atom feeds, validated with feedparser, and the pages that link to them."""
import feedparser
import pytest
from bs4 import BeautifulSoup

from articles.models import EntityRedirect
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db

OWNERS = {"": None, "/category/north-korea": "North Korea", "/tag/kim-jong-un": "Kim Jong-un",
          "/author/matthew-nitkoski": "Matthew Nitkoski"}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.mark.parametrize("page", OWNERS)
@pytest.mark.parametrize("flavour, version", [("feed/", "rss20"), ("feed/atom/", "atom10")])
def test_every_feed_is_valid_and_carries_the_article(client, peninsula, page, flavour, version):
    response, feed = parse(client, f"{page}/{flavour}")
    assert feed.version == version
    if OWNERS[page]:
        assert OWNERS[page] in feed.feed.title
    [entry] = feed.entries
    assert entry.title == "North Korea Looking Abroad"
    assert entry.link == "http://testserver/the-peninsula/north-korea-looking-abroad/"
    assert entry.published_parsed[:3] == (2015, 2, 18)
    assert entry.author == "Matthew Nitkoski"
    terms = [tag.term for tag in entry.tags]
    assert terms[0] == "North Korea" and "Kim Jong-un" in terms and len(terms) == len(set(terms))
    assert entry.summary.startswith("Nearly six years ago")
    if version == "atom10":
        [content] = entry.content
        assert content.type == "text/html"
        assert "debilitating sanctions" in content.value and content.value.count("<p>") > 5
    assert response.has_header("Last-Modified")


@pytest.mark.parametrize("flavour", ["feed/", "feed/atom/"])
def test_series_feeds_are_valid_and_name_the_series_for_authorless_articles(client, flavour):
    series = make_series("Korea View", slug="korea-view")
    make_article("Weekly briefing", series=series)
    _response, feed = parse(client, f"/series/korea-view/{flavour}")
    assert feed.feed.title.startswith("Korea View")
    assert [(e.title, e.author) for e in feed.entries] == [("Weekly briefing", "Korea View")]


def test_atom_lists_every_author_and_rss_joins_them(client):
    make_article("Two hands", authors=[make_author("Ann Lee"), make_author("Bo Kim")])
    _response, atom = parse(client, "/feed/atom/")
    assert [a.name for a in atom.entries[0].authors] == ["Ann Lee", "Bo Kim"]
    _response, rss = parse(client, "/feed/")
    assert rss.entries[0].author == "Ann Lee and Bo Kim"


def test_feeds_hold_only_public_articles_newest_first(client):
    category = make_category(slug="economy")
    make_article("Older", categories=[category], days_ago=5)
    make_article("Newer", categories=[category], days_ago=1)
    make_article("Draft", categories=[category], status="draft")
    make_article("Scheduled", categories=[category], days_ago=-2)
    for url in ["/feed/", "/feed/atom/", "/category/economy/feed/", "/category/economy/feed/atom/"]:
        _response, feed = parse(client, url)
        assert [e.title for e in feed.entries] == ["Newer", "Older"], url


def test_feed_content_is_the_sanitised_body(client):
    make_article("Unsafe", body='<p onclick="steal()">Text<script>alert(1)</script></p>')
    _response, feed = parse(client, "/feed/atom/")
    content = feed.entries[0].content[0].value
    assert "Text" in content and "script" not in content and "onclick" not in content


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/category/cat/feed/", "/tag/ent/feed/atom/",
                                 "/author/ann/feed/atom/"])
def test_control_characters_in_any_field_are_dropped_not_a_500(client, url):
    # Pasted or imported text can carry characters XML 1.0 forbids (vertical tab, form feed, escape...).
    make_article("Vertical\x0btab\x1b", body="<p>Form\x0cfeed</p>", excerpt="Bell\x07 here",
                 authors=[make_author("Ann\x08 Lee", slug="ann")], categories=[make_category("Eco\x01", slug="cat")],
                 entities=[make_entity("Trade\x1f", slug="ent")])
    _response, feed = parse(client, url)
    [entry] = feed.entries
    assert entry.title == "Verticaltab" and entry.summary == "Bell here"
    assert entry.author == "Ann Lee"
    assert {"Eco", "Trade"} <= {tag.term for tag in entry.tags}
    if "atom" in url:
        assert "Formfeed" in entry.content[0].value


def test_a_merged_or_renamed_entitys_old_feed_urls_redirect_to_its_feeds(client):
    entity = make_entity("Laos", kind="place", slug="laos")
    EntityRedirect.objects.create(old_slug="lao-pdr", entity=entity)
    for suffix in ("feed/", "feed/atom/"):
        response = client.get(f"/tag/lao-pdr/{suffix}")
        assert response.status_code == 301 and response["Location"] == f"/tag/laos/{suffix}"


def test_feed_of_an_unknown_parent_is_a_404(client):
    assert client.get("/category/nowhere/feed/").status_code == 404
    assert client.get("/tag/nobody/feed/atom/").status_code == 404


@pytest.mark.parametrize("page, own", [("/the-peninsula/", None), ("/the-peninsula/north-korea-looking-abroad/", None),
                                       ("/category/north-korea/", "/category/north-korea/feed/"),
                                       ("/tag/kim-jong-un/", "/tag/kim-jong-un/feed/"),
                                       ("/author/matthew-nitkoski/", "/author/matthew-nitkoski/feed/")])
def test_pages_link_the_feeds_they_follow(client, peninsula, page, own):
    links = BeautifulSoup(client.get(page).content, "html.parser").select("head link[rel=alternate]")
    hrefs = {link["href"]: link["type"] for link in links}
    assert hrefs["/feed/"] == "application/rss+xml" and hrefs["/feed/atom/"] == "application/atom+xml"
    if own:
        assert hrefs[own] == "application/rss+xml" and hrefs[f"{own}atom/"] == "application/atom+xml"
    for href in hrefs:
        parse(client, href)


def test_series_and_entity_feeds_are_linked_from_their_pages(client):
    series = make_series(slug="korea-view")
    entity = make_entity("Trade", slug="trade")
    make_article(series=series, entities=[entity])
    for page in ["/series/korea-view/", "/tag/trade/"]:
        hrefs = [link["href"] for link in BeautifulSoup(client.get(page).content, "html.parser")
                 .select("head link[rel=alternate]")]
        assert f"{page}feed/" in hrefs and f"{page}feed/atom/" in hrefs


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/category/cat/feed/", "/tag/ent/feed/atom/",
                                 "/author/ann/feed/", "/series/ser/feed/atom/"])
def test_a_feed_costs_the_same_queries_for_one_article_as_for_ten(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    author, category = make_author(slug="ann"), make_category(slug="cat")
    entity, series = make_entity(slug="ent"), make_series(slug="ser")

    def add(count):
        for _ in range(count):
            make_article(authors=[author, make_author()], categories=[category, make_category()],
                         entities=[entity, make_entity()], series=series)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    assert add(1) == add(9)
