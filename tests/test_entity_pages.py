"""Entity pages show aliases, a year chart with its data, co-mentions; articles show ranked related articles."""
from datetime import datetime, timezone

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.entities.related import rank_related
from articles.models import Article, Entity
from tests.factories import make_article, make_entity

pytestmark = pytest.mark.django_db


def dated(year, entities, **fields):
    return make_article(entities=entities, published_at=datetime(year, 6, 1, tzinfo=timezone.utc), **fields)


def test_entity_page_has_aliases_chart_and_data_table(client):
    laos = make_entity("Laos", kind="place", slug="laos", aliases=["Vientiane"])
    for year in (2014, 2014, 2016):
        dated(year, [laos])
    make_article(entities=[laos], status="draft")
    soup = BeautifulSoup(client.get("/tag/laos/").content, "html.parser")
    assert "Vientiane" in soup.select_one(".entity-aliases").get_text()
    bars = soup.select(".year-chart svg rect.bar")
    assert [bar.title.get_text() for bar in bars] == ["2014: 2", "2015: 0", "2016: 1"]
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in soup.select(".year-chart-data tbody tr")]
    assert rows == [["2014", "2"], ["2015", "0"], ["2016", "1"]]
    assert not soup.select("[style]") and not soup.select("script:not([type='application/ld+json'])")


def test_co_mentioned_entities_are_linked_most_frequent_first(client):
    laos, vietnam, china, draft_only = (make_entity(n, kind="place", slug=n.lower()) for n in
                                        ("Laos", "Vietnam", "China", "Secret"))
    make_article(entities=[laos, vietnam, china])
    make_article(entities=[laos, vietnam])
    make_article(entities=[laos, draft_only], status="draft")
    soup = BeautifulSoup(client.get("/tag/laos/").content, "html.parser")
    links = [(a.get_text(), a["href"]) for a in soup.select(".co-mentioned a")]
    assert links == [("Vietnam", "/tag/vietnam/"), ("China", "/tag/china/")]


def build_entity_archive(count):
    common, rare = make_entity("North Korea", slug="north-korea"), make_entity("Ri Su-yong", slug="ri-su-yong")
    for i in range(count):
        dated(2000 + i % 20, [common, rare, make_entity()])


def test_entity_page_query_count_does_not_grow(client):
    url = "/tag/north-korea/"
    build_entity_archive(1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    Article.objects.all().delete()
    Entity.objects.all().delete()
    build_entity_archive(10)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    assert len(one) == len(ten)


def test_related_articles_prefer_rare_shared_entities_and_give_reasons(client):
    north_korea = make_entity("North Korea", slug="north-korea")
    ri, laos = make_entity("Ri Su-yong", kind="person"), make_entity("Laos", kind="place")
    article = make_article(entities=[north_korea, ri, laos])
    common = [make_article(f"Common {i}", entities=[north_korea], days_ago=1) for i in range(8)]
    rare = make_article("Rare", entities=[north_korea, ri, laos], days_ago=2000)
    make_article("Draft", entities=[ri, laos], status="draft")
    soup = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    items = soup.select(".related-articles li")
    assert len(items) == 5
    assert items[0].a.get_text() == "Rare"
    assert "also about Ri Su-yong, Laos" in items[0].get_text() or "also about Laos, Ri Su-yong" in items[0].get_text()
    assert "Draft" not in soup.select_one(".related-articles").get_text()
    assert {item.a.get_text() for item in items[1:]} <= {a.title for a in common}


def test_recency_breaks_ties_between_equally_related_articles(client):
    laos = make_entity("Laos", kind="place")
    article = make_article(entities=[laos])
    make_article("Old", entities=[laos], days_ago=3000)
    make_article("New", entities=[laos], days_ago=3)
    related = rank_related(article)
    assert [r.article.title for r in related] == ["New", "Old"]


def test_related_articles_query_count_is_constant():
    def ranked_with_queries(count):
        Article.objects.all().delete()
        laos = make_entity(kind="place")
        article = make_article(entities=[laos, make_entity()])
        for _ in range(count):
            make_article(entities=[laos, make_entity()])
        with CaptureQueriesContext(connection) as ctx:
            related = rank_related(article)
        return len(related), len(ctx)

    assert ranked_with_queries(1)[0] == 1
    assert ranked_with_queries(1)[1] == ranked_with_queries(10)[1]
