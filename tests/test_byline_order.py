"""Authors appear in byline order (ArticleAuthor.position) everywhere, never alphabetically or by id:
the article page, every kind of card, both feeds, the page metadata and the JSON-LD."""
import json
from datetime import datetime, timezone

import feedparser
import pytest
from bs4 import BeautifulSoup

from articles.models import ArticleAuthor
from tests.factories import make_article, make_author, make_category, make_entity

pytestmark = pytest.mark.django_db

# Byline order, alphabetical order and creation (id) order all differ.
BYLINE = ["Zoe Young", "Adam Baker", "Mia Chen"]


@pytest.fixture(params=["numbered", "unnumbered"])
def article(request):
    """Two articles sharing three authors in different orders; "unnumbered": every link at position 0, as
    the admin's byline rows are saved when the editor leaves the position alone: the order they were added."""
    mia, adam, zoe = make_author("Mia Chen", slug="mia-chen"), make_author("Adam Baker", slug="adam-baker"), \
        make_author("Zoe Young", slug="zoe-young")
    category, entity = make_category("Trade", slug="trade"), make_entity("Tariffs", slug="tariffs")
    when = datetime(2020, 3, 4, 12, tzinfo=timezone.utc)
    article = make_article("Quarterly tariff review", authors=[zoe, adam, mia], categories=[category],
                           entities=[entity], published_at=when)
    make_article("Another piece", authors=[adam, mia, zoe], categories=[category], entities=[entity],
                 published_at=when)
    if request.param == "unnumbered":
        ArticleAuthor.objects.update(position=0)
    return article


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_the_article_page_byline_is_in_byline_order(client, article):
    page = soup(client, article.get_absolute_url())
    assert [a.get_text() for a in page.select(".byline a")] == BYLINE


@pytest.mark.parametrize("url", ["/the-peninsula/", "/category/trade/", "/tag/tariffs/", "/author/adam-baker/",
                                 "/author/zoe-young/", "/the-peninsula/2020/", "/the-peninsula/2020/03/",
                                 "/search/?q=tariff", "/search/?q=quarterly+tariff", "/search/?q=peninsula"])
def test_cards_list_authors_in_byline_order(client, article, url):
    cards = {" ".join(c.select_one(".card-title").get_text().split()): c for c in soup(client, url).select(".card")}
    card = cards["Quarterly tariff review"]
    assert [a.get_text() for a in card.select(".card-meta a[href^='/author/']")] == BYLINE
    meta = " ".join(card.select_one(".card-meta").get_text().split())
    assert meta.startswith("By Zoe Young, Adam Baker and Mia Chen ")
    if "Another piece" in cards:  # the same authors in another order on another card
        assert [a.get_text() for a in cards["Another piece"].select(".card-meta a[href^='/author/']")] == [
            "Adam Baker", "Mia Chen", "Zoe Young"]


@pytest.mark.parametrize("url", ["/feed/", "/category/trade/feed/", "/author/mia-chen/feed/"])
def test_rss_names_the_authors_in_byline_order(client, article, url):
    feed = feedparser.parse(client.get(url).content)
    [entry] = [e for e in feed.entries if e.title == "Quarterly tariff review"]
    assert entry.author == "Zoe Young, Adam Baker and Mia Chen"


@pytest.mark.parametrize("url", ["/feed/atom/", "/tag/tariffs/feed/atom/"])
def test_atom_lists_the_authors_in_byline_order(client, article, url):
    feed = feedparser.parse(client.get(url).content)
    [entry] = [e for e in feed.entries if e.title == "Quarterly tariff review"]
    assert [a.name for a in entry.authors] == BYLINE


def test_json_ld_and_page_metadata_list_the_authors_in_byline_order(client, article):
    page = soup(client, article.get_absolute_url())
    [script] = page.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert [person["name"] for person in data["author"]] == BYLINE
    slugs = [name.lower().replace(" ", "-") for name in BYLINE]
    assert [m["content"] for m in page.select("meta[property='article:author']")] == [
        f"http://testserver/author/{slug}/" for slug in slugs]


def test_the_admin_changelist_lists_authors_and_the_first_category_in_byline_order(staff_client, article):
    from articles.models import ArticleCategory

    ArticleCategory.objects.filter(article=article).delete()
    ArticleCategory.objects.create(article=article, category=make_category("Zinc markets", slug="zinc"), position=0)
    ArticleCategory.objects.create(article=article, category=make_category("Agriculture", slug="agri"), position=1)
    page = soup(staff_client, "/admin/articles/article/")
    [row] = [tr for tr in page.select("#result_list tbody tr") if "Quarterly tariff review" in tr.get_text()]
    assert row.select_one(".field-author_names").get_text() == ", ".join(BYLINE)
    assert row.select_one(".field-primary_category_name").get_text() == "Zinc markets"


def test_the_article_page_names_its_first_category_not_the_alphabetically_first(client, article):
    from articles.models import ArticleCategory

    ArticleCategory.objects.create(article=article, category=make_category("Agriculture", slug="agri"), position=1)
    page = soup(client, article.get_absolute_url())
    assert page.select_one(".category a").get_text() == "Trade"
    assert page.select_one("meta[property='article:section']")["content"] == "Trade"
    assert json.loads(page.find("script", type="application/ld+json").string)["articleSection"] == "Trade"
