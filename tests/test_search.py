"""/search/: ranking, stemming, phrases, exclusions, facets, snippets and garbage input, on
whichever database runs the suite (SQLite FTS5, or PostgreSQL in the second pass)."""
import re
from datetime import datetime, timedelta
from datetime import timezone as dt_timezone

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.search import search
from tests.factories import make_article, make_author, make_category, make_entity

pytestmark = pytest.mark.django_db


def titles(text, **kwargs):
    return [article.title for article in search(text, **kwargs)[:50]]


def page(client, query_string):
    response = client.get(f"/search/?{query_string}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(soup):
    return [h.get_text() for h in soup.select(".search-result .card-title")]


def test_title_match_ranks_above_name_match_above_body_match():
    make_article("Ports and shipping", body="<p>Tariffs, tariffs and more tariffs on every route.</p>")
    make_article("Shipping news", entities=[make_entity("Tariffs")], body="<p>Nothing else.</p>")
    make_article("Tariffs in the Yellow Sea", body="<p>A short note.</p>")
    assert titles("tariffs") == ["Tariffs in the Yellow Sea", "Shipping news", "Ports and shipping"]


def test_stemming_case_and_diacritics_are_ignored():
    make_article("Economic Sanctions Revisited")
    make_article("A Café in Pyongyang")
    assert titles("sanction") == ["Economic Sanctions Revisited"]
    assert titles("SANCTIONED") == ["Economic Sanctions Revisited"]
    assert titles("cafe pyongyang") == ["A Café in Pyongyang"]


def test_quoted_phrase_needs_the_words_together():
    make_article("Trade agreement signed", body="<p>Both sides welcomed it.</p>")
    make_article("Agreement on fishing", body="<p>Trade was not discussed.</p>")
    assert titles('"trade agreement"') == ["Trade agreement signed"]
    assert set(titles("trade agreement")) == {"Trade agreement signed", "Agreement on fishing"}


def test_excluded_words_and_phrases_remove_articles():
    make_article("Nuclear talks with Iran")
    make_article("Nuclear talks in Seoul")
    assert titles("nuclear -iran") == ["Nuclear talks in Seoul"]
    assert titles('nuclear -"in Seoul"') == ["Nuclear talks with Iran"]
    assert titles("-nuclear") == []  # nothing to look for, only things to leave out


def test_last_word_matches_as_a_prefix():
    make_article("Pyongyang looks abroad")
    make_article("Pyongsan county report")
    assert set(titles("pyong")) == {"Pyongyang looks abroad", "Pyongsan county report"}
    assert titles("pyong looks") == []  # only the last word is a prefix
    assert titles("looks pyongy") == ["Pyongyang looks abroad"]


def test_last_word_typed_in_full_still_finds_longer_words_and_highlights_alike():
    make_article("Nuclear talks resume", body="<p>Envoys met on nuclear issues.</p>")
    make_article("Denuclearisation roadmap", body="<p>Nuclearisation is the worry.</p>")
    make_article("Nuclearisation debate")
    # "nuclear" is an indexed word, and longer indexed words start with it: both kinds match.
    assert set(titles("nuclear")) == {"Nuclear talks resume", "Denuclearisation roadmap", "Nuclearisation debate"}
    # "talks" has no longer indexed word: typed last it matches, ranks and highlights as a whole word.
    typed, whole = search("nuclear talks")[:10], search("nuclear talks ")[:10]
    assert [(a.title, a.search_title, a.search_snippet) for a in typed] == \
        [(a.title, a.search_title, a.search_snippet) for a in whole]
    assert [a.title for a in typed] == ["Nuclear talks resume"]
    assert "<mark>" in typed[0].search_title


def test_author_and_entity_names_are_searched():
    make_article("Weekly briefing", authors=[make_author("Matthew Nitkoski")])
    make_article("Another briefing", entities=[make_entity("Kaesong", kind="place", aliases=["Gaeseong"])])
    assert titles("nitkoski") == ["Weekly briefing"]
    assert titles("gaeseong") == ["Another briefing"]


def test_drafts_review_and_scheduled_articles_are_not_found():
    make_article("Visible embargo note")
    make_article("Draft embargo note", status="draft")
    make_article("Review embargo note", status="review")
    make_article("Scheduled embargo note", days_ago=-1)
    assert titles("embargo") == ["Visible embargo note"]


def test_counts_leave_out_exactly_the_unpublished_articles():
    from articles.models import Article

    make_article("Visible embargo note")
    make_article("Draft embargo note", status="draft")
    make_article("Review embargo note", status="review")
    make_article("Scheduled embargo note", days_ago=-1)
    undated = make_article("Undated embargo note")
    Article.objects.filter(pk=undated.pk).update(published_at=None)
    from articles.search.backends.compiler import unpublished_article_ids

    assert sorted(unpublished_article_ids()) == sorted(Article.objects.unpublished().values_list("pk", flat=True))
    assert len(unpublished_article_ids()) == 4 and search("embargo").count() == 1


def test_scheduled_article_enters_results_when_its_time_comes(client):
    make_article("Tomorrow's embargo piece", published_at=timezone.now() + timedelta(hours=2))
    assert result_titles(page(client, "q=embargo")) == []
    with time_machine.travel(timezone.now() + timedelta(hours=3)):
        assert result_titles(page(client, "q=embargo")) == ["Tomorrow's embargo piece"]


def test_page_shows_count_highlighted_snippet_and_escapes_everything_else(client):
    make_article("<script>alert(1)</script> Sanctions & ships",
                 body="<p>Before &lt;b&gt;bold&lt;/b&gt; new sanctions on shipping &amp; more.</p>")
    soup = page(client, "q=sanctions")
    assert soup.select_one(".result-count").get_text().startswith("1 result for")
    snippet = soup.select_one(".search-snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["sanctions"]
    assert "<b>bold</b>" in snippet.get_text()  # the text's angle brackets shown, not obeyed
    assert snippet.select("b") == [] and soup.select(".search-result script") == []
    title = soup.select_one(".search-result .card-title a")
    assert title.select_one("mark").get_text() == "Sanctions"
    assert "<script>alert(1)</script>" in title.get_text()


def test_pagination_and_date_sort(client):
    for day in range(12):
        make_article(f"Monsoon report {day}", days_ago=day + 1)
    soup = page(client, "q=monsoon&sort=date")
    assert result_titles(soup) == [f"Monsoon report {day}" for day in range(10)]
    assert soup.select_one(".pagination a[rel=next]")["href"] == "?q=monsoon&sort=date&page=2"
    assert result_titles(page(client, "q=monsoon&sort=date&page=2")) == ["Monsoon report 10", "Monsoon report 11"]
    assert len(result_titles(page(client, "q=monsoon"))) == 10


@pytest.mark.parametrize("narrow_limit", [20000, 0], ids=["listed-candidates", "too-many-to-list"])
def test_facets_count_and_link_to_a_narrower_search(client, monkeypatch, narrow_limit):
    monkeypatch.setattr("articles.search.backends.compiler.NARROW_LIMIT", narrow_limit)
    make_article("Trade draft with Russia", status="draft", entities=[make_entity("Moscow", slug="moscow")])
    russia = make_entity("Russia", kind="place", slug="russia")
    trade_cat = make_category("Trade", slug="trade")
    ann = make_author("Ann Lee", slug="ann-lee")
    make_article("Trade with Russia", entities=[russia], categories=[trade_cat], authors=[ann],
                 published_at=datetime(2015, 6, 15, 12, tzinfo=dt_timezone.utc))
    make_article("Trade with Japan", categories=[trade_cat],
                 published_at=datetime(2016, 6, 15, 12, tzinfo=dt_timezone.utc))
    make_article("Trade in Russia again", entities=[russia],
                 published_at=datetime(2016, 3, 15, 12, tzinfo=dt_timezone.utc))
    soup = page(client, "q=trade")
    facets = {a.get_text(): a.find_next_sibling("span").get_text() for a in soup.select(".facets a")}
    assert facets["Russia"] == "(2)" and facets["Trade"] == "(2)" and facets["Ann Lee"] == "(1)"
    assert facets["2016"] == "(2)" and facets["2015"] == "(1)"
    place_heading = soup.find("h3", string="Place")
    assert place_heading.find_next("a").get_text() == "Russia"
    russia_link = soup.find("a", string="Russia")["href"]
    assert russia_link == "?q=trade&entity=russia"
    assert sorted(result_titles(page(client, russia_link[1:]))) == ["Trade in Russia again", "Trade with Russia"]
    assert result_titles(page(client, "q=trade&entity=russia&year=2015")) == ["Trade with Russia"]
    assert result_titles(page(client, "q=trade&category=trade&author=ann-lee")) == ["Trade with Russia"]
    assert result_titles(page(client, "q=trade&entity=no-such-entity")) == []
    assert "Moscow" not in soup.get_text()  # the draft's entity is not a facet
    sorted_by_date = page(client, "q=trade&category=trade&sort=date")
    assert result_titles(sorted_by_date) == ["Trade with Japan", "Trade with Russia"]
    assert sorted_by_date.select_one(".result-count").get_text().startswith("2 results")


def test_empty_query_shows_help(client):
    soup = page(client, "q=")
    assert "quotes" in soup.select_one(".search-help").get_text()
    assert soup.select(".result-count") == []


def test_no_match_suggests_a_close_entity_or_author_name(client):
    make_article("Something", entities=[make_entity("Pyongyang", kind="place")], authors=[make_author("Matthew Nitkoski")])
    soup = page(client, "q=pyongyanh")
    assert soup.select_one(".did-you-mean a").get_text() == "Pyongyang"
    assert soup.select_one(".did-you-mean a")["href"] == "?q=Pyongyang"
    assert page(client, "q=nitkowski").select_one(".did-you-mean a").get_text() == "Matthew Nitkoski"


GARBAGE = [
    '"unbalanced', 'trade"', '"', "-", "--", "- -", "*", "trade*", "NEAR(a b)", "a AND OR NOT b", "title:trade",
    "{title}: x", "(((", "^trade", "trade OR", "' OR 1=1 --", "\x00\x01\x1f", "\u0000trade", "😀🇰🇷", "трейд",
    "貿易", "ـــ", "x" * 10_000, "word " * 2_000, "%s %(q)s {0}", "\ue000mark\ue001", "\\", "NOT", "near/3",
]


@pytest.mark.parametrize("text", GARBAGE)
def test_any_input_gives_a_normal_page(client, text):
    make_article("Trade and sanctions")
    response = client.get("/search/", {"q": text, "sort": text[:20], "year": text[:10], "page": "1"})
    assert response.status_code == 200


def test_very_long_input_is_echoed_and_linked_only_in_part(client):
    make_article("Trade and sanctions")
    response = client.get("/search/", {"q": "trade " + "x" * 10_000})
    assert response.status_code == 200 and len(response.content) < 60_000


@pytest.mark.parametrize("query_string", ["q=trade&page=abc", "q=trade&page=99", "q=trade&year=abc&category=%%%"])
def test_bad_page_or_filter_values_never_give_a_500(client, query_string):
    make_article("Trade and sanctions")
    assert client.get(f"/search/?{query_string}").status_code in (200, 404)


def test_search_page_query_count_does_not_grow_with_results(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    entity, author, category = make_entity(), make_author(), make_category()

    def queries_for_page():
        with CaptureQueriesContext(connection) as ctx:
            soup = page(client, "q=harbour")
        return len(ctx.captured_queries), len(result_titles(soup))

    make_article("Harbour report", entities=[entity, make_entity()], authors=[author, make_author()], categories=[category])
    one, shown = queries_for_page()
    assert shown == 1
    for n in range(11):
        make_article(f"Harbour report {n}", entities=[entity, make_entity()], authors=[author, make_author()],
                     categories=[category])
    twelve, shown = queries_for_page()
    assert shown == 10
    assert one == twelve <= 15


def test_many_matches_rank_title_matches_first_then_latest_added(monkeypatch):
    monkeypatch.setattr("articles.search.backends.compiler.RANK_LIMIT", 3)
    for day in range(4):
        make_article(f"Note {day}", body="<p>about fisheries</p>", days_ago=day + 1)
    make_article("Draft note", body="<p>about fisheries</p>", status="draft")
    make_article("Fisheries policy", days_ago=30)
    assert titles("fisheries") == ["Fisheries policy", "Note 3", "Note 2", "Note 1", "Note 0"]
    results = search("fisheries")
    assert results.count() == 5
    assert [a.title for a in results[1:3]] == ["Note 3", "Note 2"]
    assert [a.title for a in results[4:5]] == ["Note 0"]
    assert titles("fisheries -policy") == ["Note 3", "Note 2", "Note 1", "Note 0"]
    assert titles("fisheries policy") == ["Fisheries policy"]


def kelp_farms_and_a_seaweed_note(monkeypatch, first_ranked):
    """Five title matches for "kelp" and one body match, with the title/name tier ranked apart in
    batches of `first_ranked`."""
    monkeypatch.setattr("articles.search.backends.compiler.RANK_LIMIT", 2)
    monkeypatch.setattr("articles.search.backends.compiler.FIRST_RANKED", first_ranked)
    for words in range(5):
        make_article(" ".join(["Kelp"] + ["farm"] * words), body="<p>Nothing here.</p>")
    make_article("Seaweed note", body="<p>About kelp.</p>")


def test_title_matches_beyond_the_first_ranked_batch_page_on_in_rank_order(monkeypatch):
    kelp_farms_and_a_seaweed_note(monkeypatch, first_ranked=2)
    ranked = titles("kelp")  # one ranking query for them all
    assert sorted(ranked[:5]) == ["Kelp", "Kelp farm", "Kelp farm farm", "Kelp farm farm farm",
                                  "Kelp farm farm farm farm"]
    assert ranked[5:] == ["Seaweed note"]
    results = search("kelp")
    assert results.count() == 6
    assert [a.title for a in results[0:1] + results[1:3] + results[3:5] + results[5:6]] == ranked


@pytest.mark.parametrize("rank_limit", [5000, 2], ids=["all-ranked", "title-tier-ranked"])
def test_search_page_ranks_once_for_the_results_and_the_facets(client, rank_limit, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("articles.search.backends.compiler.RANK_LIMIT", rank_limit)
    category = make_category("Fisheries", slug="fish")
    for n in range(6):  # more than a page
        make_article(f"Kelp note {n}", categories=[category])
        make_article(f"Seaweed note {n}", body="<p>About kelp.</p>", categories=[category])
    with CaptureQueriesContext(connection) as ctx:
        soup = page(client, "q=kelp")
    assert len(result_titles(soup)) == 10 and soup.select_one(".facets") is not None
    assert sum("bm25(" in q["sql"] or "ts_rank(" in q["sql"] for q in ctx.captured_queries) == 1


@pytest.mark.parametrize("count_limit, shown", [(3, "More than 3 results"), (4, "4 results"), (None, "4 results")])
def test_a_backend_may_stop_counting_and_the_page_says_more_than(client, monkeypatch, count_limit, shown):
    from articles.search.backends import PostgresSearchBackend, SQLiteSearchBackend

    for backend in (SQLiteSearchBackend, PostgresSearchBackend):
        monkeypatch.setattr(backend, "COUNT_LIMIT", count_limit)
    for n in range(4):
        make_article(f"Kelp note {n}", days_ago=n + 1)
    for n in range(2):  # matching drafts are counted by the index, never shown
        make_article(f"Kelp draft {n}", status="draft")
    soup = page(client, "q=kelp")
    assert soup.select_one(".result-count").get_text().startswith(shown)
    assert len(result_titles(soup)) == (3 if count_limit == 3 else 4)
    results = search("kelp")
    assert (results.count(), results.exact_total) == ((3, False) if count_limit == 3 else (4, True))


def test_large_counts_are_written_with_thousands_separators(client, monkeypatch):
    monkeypatch.setattr("articles.search.backends.compiler.BaseSearchQueryCompiler.total", 12345)
    make_article("Kelp note")
    assert page(client, "q=kelp").select_one(".result-count").get_text().startswith("12,345 results")


def test_snippet_html_escapes_everything_but_marks():
    from articles.search.marks import START, STOP, to_html

    assert to_html(f"a <i>&{START}x<y{STOP} {START}z") == "a &lt;i&gt;&amp;<mark>x&lt;y</mark> z"


def test_facets_of_many_matches_count_a_sample_and_say_so(client, monkeypatch):
    monkeypatch.setattr("articles.search.backends.results.FACET_SAMPLE", 2)
    category = make_category("Fisheries", slug="fish")
    for n in range(3):
        make_article(f"Fisheries note {n}", categories=[category])
    soup = page(client, "q=fisheries")
    assert soup.select_one(".result-count").get_text().startswith("3 results")
    assert soup.select_one(".facet-note") is not None
    assert soup.select_one(".facets").find("a", string="Fisheries").find_next_sibling("span").get_text() == "(2)"


@pytest.mark.parametrize("zone, dates, expected", [
    # New York is behind UTC: a New Year's Eve evening is already 1 January in UTC.
    ("America/New_York", [(2015, 12, 31, 23, 30), (2016, 1, 1, 0, 30), (2016, 7, 1, 12, 0)], {2015: 1, 2016: 2}),
    # Seoul is ahead: a New Year's morning is still 31 December in UTC.
    ("Asia/Seoul", [(2016, 1, 1, 3, 0), (2015, 12, 31, 20, 0), (2015, 1, 1, 0, 5)], {2016: 1, 2015: 2}),
], ids=["behind-utc", "ahead-of-utc"])
def test_year_facet_counts_years_in_the_sites_time_zone(zone, dates, expected):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from articles.search.facets import year_counts

    tz = ZoneInfo(zone)
    ids = [make_article(f"Harbour {n}", published_at=datetime(*d, tzinfo=tz)).pk for n, d in enumerate(dates)]
    with timezone.override(tz):
        assert year_counts(ids) == sorted(expected.items(), reverse=True)


def test_facet_values_come_most_linked_first_then_by_name_up_to_the_limit():
    from articles.models import ArticleCategory
    from articles.search.facets import top

    zebra, apple, mango, kiwi = (make_category(name, slug=name.lower()) for name in ("Zebra", "Apple", "Mango", "Kiwi"))
    ids = [make_article(categories=cats).pk for cats in ([zebra, apple, mango], [zebra, mango], [kiwi], [apple])]
    make_article(categories=[kiwi, apple])  # not among the counted articles
    assert top(ArticleCategory, "article", "category", ids, 3) == [
        ("apple", "Apple", 2), ("mango", "Mango", 2), ("zebra", "Zebra", 2)]
    assert top(ArticleCategory, "article", "category", ids, 10)[-1] == ("kiwi", "Kiwi", 1)
    assert top(ArticleCategory, "article", "category", [], 3) == []


def test_sqlite_searches_a_last_word_without_longer_indexed_words_as_a_plain_word():
    from django.db import connection

    from articles.search import get_search_backend
    from articles.search.query import parse

    if connection.vendor != "sqlite":
        pytest.skip("the prefix lookup in the fts5vocab table is SQLite's; PostgreSQL keeps :* prefixes")
    make_article("Nuclear talks resume", body="<p>Nuclearisation is the worry.</p>")
    sqlite = get_search_backend()
    with connection.cursor() as cursor:
        assert [t.prefix for t in sqlite.resolved(cursor, parse("nuclear talks")).terms] == [False, False]
        assert sqlite.resolved(cursor, parse("talks nuclear")).terms[-1].prefix  # "nuclearis" exists
        assert sqlite.resolved(cursor, parse("Talks")).fts5() == '"Talks"'
        assert sqlite.resolved(cursor, parse("tal")).terms[-1].prefix


@pytest.mark.parametrize("query_string", ["q=trade", "q=trade+%26+aid&sort=date", "q=%22x%22&category=old&year=2015",
                                          "q=caf%C3%A9&entity=b%C3%A9&author=ann&page=3", "q=a%00b&category=%%%"])
def test_facet_links_are_the_search_with_that_filter_set(query_string):
    from django.http import QueryDict

    from articles.search.forms import SearchForm

    form = SearchForm(QueryDict(query_string))
    link = form.filter_links()
    for name, value in [("category", "trade & aid"), ("entity", "séoul"), ("author", "ann-lee"), ("year", 2016),
                        ("category", "a/b?c=d#e"), ("entity", "x+y z")]:
        assert link(name, value) == form.url_with(**{name: value})


def test_a_page_asked_alone_finds_only_its_rows_and_the_same_ones(monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("articles.search.backends.compiler.RANK_LIMIT", 2)  # title matches ranked, then body-only ones
    for day in range(8):
        make_article(f"Note {day}", body="<p>about fisheries</p>", days_ago=day + 1)
    make_article("Fisheries policy", days_ago=30)
    with CaptureQueriesContext(connection) as ctx:
        alone = [a.title for a in search("fisheries")[0:3]]
    # The body-only matches (no score: newest first) are found for the page, not the facets' batch of 1,000.
    body_only = [q["sql"] for q in ctx.captured_queries if "NOT" in q["sql"] and "DESC LIMIT" in q["sql"]]
    assert len(body_only) == 1 and int(re.search(r"LIMIT (\d+)", body_only[0]).group(1)) < 10
    results = search("fisheries")
    results.ids(0, 1000)  # as the facets ask first, on a page that counts them
    assert [a.title for a in results[0:3]] == alone == ["Fisheries policy", "Note 7", "Note 6"]


def test_a_first_page_within_the_ranked_title_matches_does_not_count_the_rest(monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kelp_farms_and_a_seaweed_note(monkeypatch, first_ranked=3)
    with CaptureQueriesContext(connection) as ctx:
        shown = [a.title for a in search("kelp")[0:3]]
    assert sum("count(" in q["sql"].lower() for q in ctx.captured_queries) == 1  # the total, not the title tier's
    assert shown == titles("kelp")[:3]
    assert [a.title for a in search("kelp")[3:6]] == titles("kelp")[3:6]  # past the batch: counted, as before


@pytest.mark.parametrize("rank_limit", [5000, 0], ids=["ranked-together", "title-and-name-tier-first"])
def test_titles_and_entity_names_match_with_the_same_stemming_as_bodies(monkeypatch, rank_limit):
    """"semiconductor" and "semiconductors" find the same articles whether the word is in the title,
    an entity's name or the body, on every tier (typed last, as a prefix, or followed by a space)."""
    monkeypatch.setattr("articles.search.backends.compiler.RANK_LIMIT", rank_limit)
    make_article("Why Semiconductors Matters Now", days_ago=3)
    make_article("Chip supply notes", entities=[make_entity("Semiconductors", kind="topic")], days_ago=2)
    make_article("Factory notes", body="<p>The semiconductor plant opened.</p>", days_ago=1)
    make_article("Missile notes", body="<p>Nothing about chips.</p>")
    expected = ["Why Semiconductors Matters Now", "Chip supply notes", "Factory notes"]
    for typed in ("semiconductor", "semiconductors", "semiconductor ", "Semiconductors ", '"semiconductor"'):
        assert titles(typed) == expected, typed
        assert search(typed).count() == 3, typed
