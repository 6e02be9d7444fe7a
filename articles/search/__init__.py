"""Search All Site Content: one interface over the database's own full-text engine.

Views call `search()` and never know which backend runs: FTS5 on SQLite, tsvector/GIN on
PostgreSQL, picked from the connection's vendor. The index holds every article whatever its
status; visibility comes from `Article.objects.published()` at query time, so publishing,
unpublishing and scheduled dates need no reindexing and no cron job.
"""
from functools import cached_property

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.models import Article

from . import postgres, sqlite
from .query import Query, parse

__all__ = ["Query", "SearchResults", "backend", "parse", "search"]

TABLE = "articles_search"  # both backends' index table
# Above this many matches, only the articles matching in their title or names are ranked by
# score; the rest follow. Scoring every one of 100,000 matches of a common word costs far more
# than it tells a reader.
RANK_LIMIT = 5000
# How many ranked matches the first ranking query returns: the first pages and the facets' sample,
# from one query. Sorting fewer costs less; later pages rank again from their offset.
FIRST_RANKED = 1000
# Asked for at most this many, before the first FIRST_RANKED are known, a search finds just those.
PAGE_LIMIT = 100
# Filters that leave at most this many candidates are searched by listing their ids.
NARROW_LIMIT = 20000


def backend(conn=None):
    """The search backend module for a database connection (the default one if omitted)."""
    vendor = (conn or connection).vendor
    if vendor == "postgresql":
        return postgres
    if vendor == "sqlite":
        return sqlite
    raise NotImplementedError(f"No search backend for {vendor}.")


def search(text, articles=None, order="relevance"):
    """The published articles (or these `articles`, narrowed by filters) matching the reader's
    text, as a paginator-friendly sequence."""
    if articles is None:
        return SearchResults(parse(text), Article.objects.published(), order, narrowed=False)
    return SearchResults(parse(text), articles, order)


def _sql(queryset):
    return queryset.query.get_compiler(using=queryset.db).as_sql()


class SearchResults:
    """Matching articles, counted and sliced lazily, so a Paginator can page through them.

    Slicing returns Article objects prepared for cards, each with `search_title` and
    `search_snippet`: safe HTML with the matched words in <mark> (or what `cards` makes of them).
    """

    def __init__(self, query, candidates, order="relevance", narrowed=True, cards=None, keep=None):
        """`candidates`: the published articles the search may return; `narrowed`: False when
        they are all of them, so counts can come from the index alone; `cards(ids, marked)`: the
        results a slice returns for these ids, given {id: (title HTML, snippet HTML)} (default:
        `article_cards`); `keep(key, compute)`: compute(), or its value kept while the content and
        the set of public articles stay the same (default: always computed)."""
        self.query, self.candidates, self.order, self.narrowed = query, candidates, order, narrowed
        self.cards = cards or article_cards
        self.keep = keep or (lambda key, compute: compute())
        self.backend = backend()
        if query:
            with connection.cursor() as cursor:
                self.query = self.backend.resolved(cursor, query)
        self._hidden_ids = {}
        # False when the backend stopped counting at its COUNT_LIMIT: `total` is then that limit,
        # and more articles match than can be paged through.
        self.exact_total = True

    def _matching(self, queryset, heading_only=False):
        if not self.query:
            return queryset.none()
        return queryset.filter(pk__in=RawSQL(*self.backend.match_sql(self.query, heading_only)))

    @cached_property
    def matches(self):
        """The matching articles as a QuerySet (for counts and facets)."""
        if self._narrow_ids is not None:
            return Article.objects.filter(pk__in=self._narrow_ranked)
        return self._matching(self.candidates)

    @cached_property
    def total(self):
        if not self.query:
            return 0
        if self._narrow_ids is not None:
            return len(self._narrow_ranked)
        return self._count()

    @cached_property
    def heading_total(self):
        """How many articles match in their title or names (ranked first when matches are many)."""
        if len(self._heading_ranked) < FIRST_RANKED:
            return len(self._heading_ranked)
        return self._count(heading_only=True)

    @cached_property
    def _heading_ranked(self):
        """The best FIRST_RANKED title/name matches, best first, in one query."""
        return self._ranked(0, FIRST_RANKED, heading_only=True)

    def _count(self, heading_only=False):
        if self.narrowed:
            return self._matching(self.candidates, heading_only).count()
        # Every published article may match: count the index's matches and take away the few
        # unpublished ones among them, rather than checking 100,000 matches one by one.
        hidden, limit = len(self._hidden(heading_only)), self.backend.COUNT_LIMIT
        with connection.cursor() as cursor:
            # Counting one past the limit plus the hidden ones tells whether more than the limit show.
            cursor.execute(*self._count_sql(heading_only, None if limit is None else limit + hidden + 1))
            indexed = cursor.fetchone()[0]
        if limit is not None and indexed - hidden > limit:
            self.exact_total = False
            return limit
        return indexed - hidden

    def _count_sql(self, heading_only, stop=None):
        """SQL counting the index's matches, no further than `stop` if given."""
        condition, params = self.backend.match_condition(self.query, heading_only)
        table = self.backend.source(self.query, heading_only)
        if stop is None:
            return f"SELECT count(*) FROM {table} WHERE {condition}", params
        return f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {condition} LIMIT %s) AS counted", [*params, stop]

    def _among(self, article_ids, heading_only=False):
        """The matching articles among these ids, best first."""
        if not article_ids:
            return []
        with connection.cursor() as cursor:
            cursor.execute(*self.backend.ranked_among_sql(self.query, article_ids, heading_only))
            return [pk for (pk,) in cursor.fetchall()]

    @cached_property
    def _narrow_ids(self):
        """The candidates' ids when filters leave few enough to list (then one index query
        ranks them all), else None."""
        if not self.narrowed or not self.query:
            return None
        article_ids = list(self.candidates.order_by().values_list("pk", flat=True)[:NARROW_LIMIT + 1])
        return article_ids if len(article_ids) <= NARROW_LIMIT else None

    @cached_property
    def _narrow_ranked(self):
        return self._among(self._narrow_ids)

    @cached_property
    def _unpublished_ids(self):
        return self.keep("unpublished-article-ids", unpublished_ids)

    def _hidden(self, heading_only=False):
        """Ids of unpublished articles that match (in the title or names, if asked)."""
        if heading_only not in self._hidden_ids:
            self._hidden_ids[heading_only] = set(self._among(self._unpublished_ids, heading_only))
        return self._hidden_ids[heading_only]

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("SearchResults supports slices only.")
        start, stop = key.start or 0, min(key.stop if key.stop is not None else self.total, self.total)
        return self.page(start, max(stop - start, 0))

    def page(self, offset, limit):
        """`limit` results from `offset`, with highlights, in the chosen order."""
        ids = self.ids(offset, limit)
        if not ids:
            return []
        with connection.cursor() as cursor:
            marked = self.backend.highlights(cursor, self.query, ids)
        return self.cards(ids, marked)

    def ids(self, offset, limit):
        """Ids of the matching articles, in the chosen order. The first FIRST_RANKED come from one
        query and are kept for the facets' sample and any page after it; a page asked for first
        finds its own."""
        if not self.total or limit <= 0:
            return []
        if offset + limit <= FIRST_RANKED and (limit > PAGE_LIMIT or "_first_ids" in self.__dict__):
            return self._first_ids[offset:offset + limit]
        # A page alone (the facets kept from an earlier search): only its rows, which for the body-only
        # matches of a common phrase is a few hundred phrase checks rather than twenty thousand.
        return self._ids(offset, limit)

    @cached_property
    def _first_ids(self):
        return self._ids(0, FIRST_RANKED)

    def _ids(self, offset, limit):
        if self._narrow_ids is not None and self.order != "date":
            return self._narrow_ranked[offset:offset + limit]
        if self.order == "date":
            if self._narrow_ids is not None:
                return self._newest(self.matches, offset, limit)
            sql, params = self.backend.match_by_date_sql(self.query, '"articles_article"."id"')
            return self._newest(self.candidates.filter(RawSQL(sql, params, output_field=BooleanField())), offset, limit)
        if self.total <= RANK_LIMIT and self.exact_total:
            return self._ranked(offset, limit)
        # Many matches: rank the title/name matches, then the body-only ones.
        first = self._heading_ranked
        if offset + limit <= len(first):  # within the ranked batch: no need to count the rest
            return first[offset:offset + limit]
        heading_total = self.heading_total
        if len(first) == heading_total or offset >= heading_total:
            ids = first[offset:offset + limit]
        else:
            ids = self._ranked(offset, limit, heading_only=True)
        if len(ids) < limit:
            ids += self._body_only(max(offset - heading_total, 0), limit - len(ids))
        return ids

    def _body_only(self, offset, limit):
        """Matches only in the body, beyond the ranked ones: newest first when filters narrow the
        search; otherwise latest added first, which the index streams without sorting 100,000 rows."""
        if self.narrowed:
            body = self.matches.exclude(pk__in=RawSQL(*self.backend.match_sql(self.query, heading_only=True)))
            return self._newest(body, offset, limit)
        hidden = self._hidden()
        with connection.cursor() as cursor:
            cursor.execute(*self.backend.body_only_sql(self.query, offset + limit + len(hidden)))
            ids = [pk for (pk,) in cursor.fetchall() if pk not in hidden]
        return ids[offset:offset + limit]

    def _newest(self, queryset, offset, limit):
        return list(queryset.order_by("-published_at", "-pk").values_list("pk", flat=True)[offset:offset + limit])

    def _ranked(self, offset, limit, heading_only=False):
        if self.narrowed:
            # The index drives; each match is checked against the candidates (published, filters).
            scope_sql, scope_params = _sql(self.candidates.values("pk"))
        else:
            # Rank straight from the index, asking for enough extra rows to drop unpublished ones.
            scope_sql, scope_params = "", []
        hidden = self._hidden(heading_only) if not self.narrowed else set()
        sql, params = self.backend.ranked_ids_sql(self.query, scope_sql, scope_params, 0, offset + limit + len(hidden),
                                                  heading_only)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids = [pk for (pk,) in cursor.fetchall() if pk not in hidden]
        return ids[offset:offset + limit]


def unpublished_ids():
    """The ids of Article.objects.unpublished(), spelt as four index ranges: (status, published_at)
    index searches rather than a scan of every article: not published (status below or above it,
    status being NOT NULL), or published with a date to come or none."""
    published, now = Article.Status.PUBLISHED, timezone.now()
    articles = Article.objects.order_by().values_list("pk", flat=True)
    return list(articles.filter(status__lt=published).union(
        articles.filter(status__gt=published),
        articles.filter(status=published, published_at__gt=now),
        articles.filter(status=published, published_at__isnull=True), all=True))


def article_cards(ids, marked):
    """These articles, in order, prepared for cards, with `search_title` and `search_snippet` from
    `marked` ({id: (title HTML, snippet HTML)}, else the plain title and excerpt)."""
    # published() again: even an index left stale by raw SQL never shows a hidden article.
    cards = Article.objects.published().filter(pk__in=ids).for_cards().in_bulk()
    results = []
    for pk in (pk for pk in ids if pk in cards):
        article = cards[pk]
        article.search_title, article.search_snippet = marked.get(pk, (article.title, article.excerpt))
        results.append(article)
    return results


# Keeping the index: every write goes through these, from signals, bulk imports and the command.
CHUNK = 1000


def index_articles(article_ids, conn=None):
    """(Re)index these articles from their current rows (ids of deleted ones are dropped)."""
    article_ids = sorted(set(article_ids))
    conn = conn or connection
    with conn.cursor() as cursor:
        for start in range(0, len(article_ids), CHUNK):
            backend(conn).write(cursor, article_ids[start:start + CHUNK])


def rebuild(progress=None, conn=None):
    """Empty the index and fill it from every article; returns how many were indexed.

    `progress`, if given, is called with the size of each chunk as it is written.
    """
    conn = conn or connection
    article_ids = list(Article.objects.using(conn.alias).order_by("pk").values_list("pk", flat=True))
    with conn.cursor() as cursor:
        backend(conn).clear(cursor)
        for start in range(0, len(article_ids), CHUNK):
            chunk = article_ids[start:start + CHUNK]
            backend(conn).write(cursor, chunk)
            if progress:
                progress(len(chunk))
    return len(article_ids)


def remove_orphans(conn=None):
    """Drop index rows whose article is gone without a signal (raw SQL, a test database flush)."""
    conn = conn or connection
    with conn.cursor() as cursor:
        backend(conn).remove_orphans(cursor)


def indexed_count(conn=None):
    conn = conn or connection
    with conn.cursor() as cursor:
        return backend(conn).indexed_count(cursor)
