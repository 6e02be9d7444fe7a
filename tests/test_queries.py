"""List pages cost the same number of SQL queries for 1 article as for 10."""
import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.caching.generation import content_generation
from articles.caching.middleware import forget_page
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db


LIST_URLS = ["/the-peninsula/", "/the-peninsula/?theme=ent", "/category/cat/", "/tag/ent/", "/author/ann/",
             "/series/ser/", "/tags/", "/search/?q=peninsula", "/the-peninsula/{year}/",
             "/the-peninsula/{year}/{month:02d}/", "/the-peninsula/?category=cat"]


def build(count):
    author = make_author(slug="ann")
    category = make_category(slug="cat")
    entity = make_entity(slug="ent")
    series = make_series(slug="ser")
    for i in range(count):
        make_article(authors=[author, make_author()], categories=[category, make_category()],
                     entities=[entity, make_entity()], series=series, days_ago=i + 1)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", LIST_URLS)
@time_machine.travel("2024-06-20 15:00Z", tick=False)  # the ten articles, 1-10 days back, share a month and year
def test_list_page_query_count_does_not_grow_with_articles(client, url, django_db_blocker):
    url = url.format(year=2024, month=6)
    build(1)
    one = count_queries(client, url)
    build_more = 9
    from articles.models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity, Series

    for model in (ArticleAuthor, ArticleCategory, ArticleEntity, Article, Author, Category, Entity, Series):
        model.objects.all().delete()
    build(1 + build_more)
    ten = count_queries(client, url)
    assert one == ten, f"{url}: {one} queries for 1 article, {ten} for 10"


def fresh_render_queries(client, url):
    """Queries for `url` rendered afresh in a new content generation (the page cache emptied)."""
    cache.clear()  # pages and the generation: a new one, so this process's derived values go too
    client.get("/the-peninsula/")  # another page warms the generation's summary
    return count_queries(client, url)


def test_article_page_costs_at_most_seven_queries_and_five_once_its_related_articles_are_kept(client):
    entity = make_entity(slug="ent")
    article = make_article(authors=[make_author()], categories=[make_category()], entities=[entity])
    for _ in range(10):
        make_article(entities=[entity, make_entity()], authors=[make_author()])
    # article, authors, categories, entity links, related links, related articles (one query once the
    # generation's entity counts are known: another article page asked for them), next and previous
    client.get(make_article(entities=[entity]).get_absolute_url())
    generation = content_generation()
    assert count_queries(client, article.get_absolute_url()) <= 7
    assert content_generation() == generation
    forget_page(RequestFactory().get(article.get_absolute_url()), generation)
    # related articles, next and previous kept for the generation
    assert count_queries(client, article.get_absolute_url()) == 5


@time_machine.travel("2024-06-20 15:00Z", tick=False)
def test_next_and_previous_links_cost_the_same_whatever_the_category_holds_and_are_kept(client, monkeypatch):
    """Ten articles or one on each side: the same cost; looked up once (one query: test_reader_page) on a
    fresh render, then kept for the generation like related articles."""
    from articles.models import ArticleQuerySet

    lookups, neighbours = [], ArticleQuerySet.neighbours
    monkeypatch.setattr(ArticleQuerySet, "neighbours", lambda *args: lookups.append(1) or neighbours(*args))
    fresh_render_queries(client, make_article().get_absolute_url())  # what a process looks up once (PostgreSQL)
    costs = []
    for size in (1, 10):
        category = make_category()
        articles = [make_article(categories=[category], days_ago=20 + day) for day in range(2 * size + 1)]
        url = articles[size].get_absolute_url()
        lookups.clear()
        costs.append(fresh_render_queries(client, url))
        forget_page(RequestFactory().get(url), content_generation())
        costs.append(count_queries(client, url))
        assert len(lookups) == 1
        links = BeautifulSoup(client.get(url).content, "html.parser").select("nav.neighbours a")
        assert [a["href"] for a in links] == [articles[size + 1].get_absolute_url(),
                                              articles[size - 1].get_absolute_url()]
    assert costs[:2] == costs[2:] and costs[1] == 5


def test_article_page_query_count_is_fixed_in_a_new_generation(client):
    entity = make_entity(slug="ent")
    article = make_article(authors=[make_author()], categories=[make_category()], entities=[entity])
    for _ in range(10):
        make_article(entities=[entity, make_entity()], authors=[make_author()])
    # the seven above and the new generation's entity counts (the index page asked for the summary)
    assert fresh_render_queries(client, article.get_absolute_url()) <= 8


def test_tags_page_counts_once_per_generation(client):
    build(3)
    assert fresh_render_queries(client, "/tags/") <= 2  # entity counts, entity names
    forget_page(RequestFactory().get("/tags/"), content_generation())
    assert count_queries(client, "/tags/") == 0


def test_entity_page_keeps_its_year_chart_and_co_mentions_per_generation(client):
    build(3)
    first = fresh_render_queries(client, "/tag/ent/")
    forget_page(RequestFactory().get("/tag/ent/"), content_generation())
    assert count_queries(client, "/tag/ent/") == first - 2


def test_a_repeated_search_reuses_its_facet_counts_until_content_changes(client):
    build(3)
    first = count_queries(client, "/search/?q=peninsula")
    assert count_queries(client, "/search/?q=peninsula") == 0  # the page itself, kept for anonymous readers
    again = count_queries(client, "/search/?q=peninsula&page=1")  # another page of it: the facets are the same
    # the generation's summary, the unpublished articles' ids and the four facet counts kept; the cards
    # kept too, their two queries (rows, then bylines and categories) replaced by one check that they are public
    assert again == first - 7
    # asked differently: its facets are counted; the summary, the unpublished ids and the cards are kept
    assert count_queries(client, "/search/?q=peninsula&sort=date") == first - 3
    make_article(entities=[make_entity()])
    assert count_queries(client, "/search/?q=peninsula") == first  # a new generation: counted again


def test_did_you_mean_reads_the_names_once_per_generation(client):
    build(3)
    first = count_queries(client, "/search/?q=zzyzx")
    again = count_queries(client, "/search/?q=zzyzx&sort=date")  # not the same page: rendered afresh
    assert again == first - 4  # the generation's summary, the unpublished ids and the entity and author names, kept
    make_article(entities=[make_entity()])
    assert count_queries(client, "/search/?q=zzyzx") == first  # a new generation: read again
