"""Search result cards kept per content generation: the same HTML as the card template renders, the
article's changes shown once saved, and never an article that is no longer there."""
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.safestring import mark_safe

from articles.models import Article
from articles.pages.search_cards import card_links, render_card
from tests.factories import make_article, make_author, make_category, make_series

pytestmark = pytest.mark.django_db


def result_cards(client, query_string):
    response = client.get(f"/search/?{query_string}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".search-result")


@pytest.mark.parametrize("shape", ["one author", "three authors", "series", "no byline or category", "undated"])
def test_a_card_is_exactly_what_the_card_template_renders(shape):
    fields = {
        "one author": {"authors": [make_author("Ann <Lee>")], "categories": [make_category("Trade & Aid")]},
        "three authors": {"authors": [make_author(), make_author(), make_author()],
                          "categories": [make_category(), make_category()]},
        "series": {"series": make_series("Weekly \"Brief\""), "authors": [make_author()]},
        "no byline or category": {},
        "undated": {"published_at": None, "status": "draft"},
    }[shape]
    made = make_article('Ships & "ports" <b>here</b>', excerpt="Fish & <chips>", **fields)
    article = Article.objects.filter(pk=made.pk).for_search_cards().get()
    marked = (mark_safe("<mark>Ships</mark> &amp; more"), mark_safe("a <mark>snippet</mark> &lt;b&gt;"))
    authors, categories = card_links([made.pk])
    card = render_card(article, authors[made.pk], categories.get(made.pk))

    # The same template given what the ORM says of the article's byline and first category.
    article = Article.objects.for_cards().get(pk=made.pk)
    context = {"article": article, "authors": list(article.authors.all()), "category": article.primary_category}
    article.search_title, article.search_snippet = marked
    assert card.html(marked) == render_to_string("includes/search_result.html", context)
    article.search_title, article.search_snippet = article.title, article.excerpt  # nothing marked
    assert card.html() == render_to_string("includes/search_result.html", context)
    authors = list(article.authors.all())
    if authors and not article.series:  # the byline written out in the card, as on every other card
        byline = render_to_string("includes/author_links.html", {"authors": authors})
        assert f"By {byline}\n" in card.html()


def test_a_kept_card_shows_the_articles_changes_once_saved(client):
    author = make_author("Ann Lee")
    article = make_article("Lighthouse keepers", authors=[author])
    assert "Ann Lee" in result_cards(client, "q=lighthouse")[0].get_text()
    author.name = "Ann Park"
    author.save()  # a new content generation: kept cards go with it
    card = result_cards(client, "q=lighthouse&sort=date")[0]
    assert "Ann Park" in card.get_text() and "Ann Lee" not in card.get_text()
    article.title = "Lighthouse keepers retire"
    article.save()
    assert result_cards(client, "q=lighthouse")[0].select_one(".card-title").get_text() == "Lighthouse keepers retire"


def test_a_kept_card_of_an_article_deleted_behind_the_sites_back_is_not_shown(client):
    make_article("Lighthouse kept", slug="kept")
    gone = make_article("Lighthouse gone")
    assert len(result_cards(client, "q=lighthouse")) == 2  # both cards kept for this generation
    with connection.cursor() as cursor:  # no signal: neither the index nor the generation hears of it
        cursor.execute("DELETE FROM articles_article WHERE id = %s", [gone.pk])
    cards = result_cards(client, "q=lighthouse&sort=relevance")  # another page: rendered afresh, from kept cards
    assert [card.select_one(".card-title").get_text() for card in cards] == ["Lighthouse kept"]


def test_kept_cards_cost_one_query_instead_of_loading_the_articles(client):
    for n in range(12):
        make_article(f"Harbour report {n}", authors=[make_author()], categories=[make_category()])

    def queries(query_string):
        with CaptureQueriesContext(connection) as ctx:
            assert len(result_cards(client, query_string)) == 10
        return [query["sql"] for query in ctx.captured_queries]

    def loads(sql):  # reads the cards' rows, or their bylines and categories (one query for both)
        return any(part in sql for part in ('"articles_article"."title"', 'FROM "articles_author"',
                                            'FROM "articles_category"', "FROM articles_articleauthor l "))

    assert sum(map(loads, queries("q=harbour"))) == 2  # the rows, then bylines and categories together
    again = queries("q=harbour&sort=relevance")  # the same results asked another way: not the cached page
    assert not any(map(loads, again))
    assert sum('FROM "articles_article"' in sql and '"articles_article"."id" IN' in sql for sql in again) == 1
