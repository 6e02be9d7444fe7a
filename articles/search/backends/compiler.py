"""The query planner every backend shares: which articles match, how many, and in what order, asked of
the backend's SQL (its compiler subclass writes each statement)."""
from functools import cached_property

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.models import Article

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


def unpublished_article_ids():
    """The ids of the articles not public now, spelt as four index ranges: (status, published_at)
    index searches rather than a scan of every article: not published (status below or above it,
    status being NOT NULL), or published with a date to come or none."""
    published, now = Article.Status.PUBLISHED, timezone.now()
    articles = Article.objects.order_by().values_list("pk", flat=True)
    return list(articles.filter(status__lt=published).union(
        articles.filter(status__gt=published),
        articles.filter(status=published, published_at__gt=now),
        articles.filter(status=published, published_at__isnull=True), all=True))


def fetch_ids(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for (pk,) in cursor.fetchall()]


class BaseSearchQueryCompiler:
    """Plans one search: `query` (a parsed Query) among `candidates` (published articles, filtered),
    in `order` ("relevance" or "date"); `narrowed` False when the candidates are every published one;
    `unpublished_ids`, if known (they are kept per content generation), saves finding them.

    Subclasses write the SQL (the methods below that raise NotImplementedError); "heading_only" asks
    for the articles matching in their title or names, the first tier when matches are many."""

    def __init__(self, backend, query, candidates, order="relevance", narrowed=True, unpublished_ids=None):
        self.backend, self.query, self.candidates = backend, query, candidates
        self.order, self.narrowed, self.unpublished_ids = order, narrowed, unpublished_ids
        self._hidden_ids = {}
        # False when the backend stopped counting at its COUNT_LIMIT: `total` is then that limit.
        self.exact_total = True

    # The SQL a backend writes: (sql, params) pairs on its index table.
    def match_condition(self, heading_only=False):
        """WHERE condition on `source()` for the matching articles."""
        raise NotImplementedError

    def source(self, heading_only=False):
        """The table match_condition() is asked of."""
        return self.backend.TABLE

    def match_sql(self, heading_only=False):
        """SQL selecting the ids of the matching articles."""
        raise NotImplementedError

    def match_by_date_sql(self, column):
        """A condition on `column` (article ids) for matching articles, in queries ordered by date."""
        raise NotImplementedError

    def body_only_sql(self, limit):
        """The first `limit` articles matching only in the body, latest added first."""
        raise NotImplementedError

    def ranked_among_sql(self, article_ids, heading_only=False):
        """All the matching articles among `article_ids`, best first."""
        raise NotImplementedError

    def ranked_ids_sql(self, limit, heading_only=False):
        """The best `limit` matching ids in the whole index, best first."""
        raise NotImplementedError

    # The plan.
    @cached_property
    def total(self):
        if not self.query:
            return 0
        if self._narrow_ids is not None:
            return len(self._narrow_ranked)
        return self._count()

    @cached_property
    def matches(self):
        """The matching articles as a QuerySet (for counts)."""
        if not self.query:
            return Article.objects.none()
        if self._narrow_ids is not None:
            return Article.objects.filter(pk__in=self._narrow_ranked)
        return self._matching(self.candidates)

    def _matching(self, queryset, heading_only=False):
        return queryset.filter(pk__in=RawSQL(*self.match_sql(heading_only)))

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
        condition, params = self.match_condition(heading_only)
        sql = f"SELECT count(*) FROM {self.source(heading_only)} WHERE {condition}"
        if limit is not None:  # one past the limit plus the hidden ones tells whether more than it show
            sql, params = f"SELECT count(*) FROM ({sql.replace('count(*)', '1', 1)} LIMIT %s) AS counted", \
                [*params, limit + hidden + 1]
        indexed = fetch_ids(sql, params)[0]
        if limit is not None and indexed - hidden > limit:
            self.exact_total = False
            return limit
        return indexed - hidden

    def _among(self, article_ids, heading_only=False):
        """The matching articles among these ids, best first."""
        return fetch_ids(*self.ranked_among_sql(article_ids, heading_only)) if article_ids else []

    @cached_property
    def _narrow_ids(self):
        """The candidates' ids when filters leave few enough to list (then one index query ranks
        them all), else None."""
        if not self.narrowed or not self.query:
            return None
        article_ids = list(self.candidates.order_by().values_list("pk", flat=True)[:NARROW_LIMIT + 1])
        return article_ids if len(article_ids) <= NARROW_LIMIT else None

    @cached_property
    def _narrow_ranked(self):
        return self._among(self._narrow_ids)

    @cached_property
    def _unpublished_ids(self):
        return unpublished_article_ids() if self.unpublished_ids is None else self.unpublished_ids

    def _hidden(self, heading_only=False):
        """Ids of unpublished articles that match (in the title or names, if asked)."""
        if heading_only not in self._hidden_ids:
            self._hidden_ids[heading_only] = set(self._among(self._unpublished_ids, heading_only))
        return self._hidden_ids[heading_only]

    def ids(self, offset, limit):
        """Ids of the matching articles from `offset`, in the chosen order."""
        if self._narrow_ids is not None and self.order != "date":
            return self._narrow_ranked[offset:offset + limit]
        if self.order == "date":
            if self._narrow_ids is not None:
                return self._newest(self.matches, offset, limit)
            sql, params = self.match_by_date_sql('"articles_article"."id"')
            return self._newest(self.candidates.filter(RawSQL(sql, params, output_field=BooleanField())), offset, limit)
        if self.total <= RANK_LIMIT and self.exact_total:
            return self._ranked(offset, limit)
        return self._tiered(offset, limit)

    def _tiered(self, offset, limit):
        """Many matches: the title/name matches ranked, then the body-only ones."""
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
            body = self.matches.exclude(pk__in=RawSQL(*self.match_sql(heading_only=True)))
            return self._newest(body, offset, limit)
        hidden = self._hidden()
        ids = [pk for pk in fetch_ids(*self.body_only_sql(offset + limit + len(hidden))) if pk not in hidden]
        return ids[offset:offset + limit]

    def _newest(self, queryset, offset, limit):
        return list(queryset.order_by("-published_at", "-pk").values_list("pk", flat=True)[offset:offset + limit])

    def _ranked(self, offset, limit, heading_only=False):
        """Ranked matches straight from the index, asking for enough extra rows to drop the ones that
        are not candidates: the unpublished ones, or (filters leaving too many to list) the ones the
        filters leave out, checked a batch at a time."""
        if not self.narrowed:
            hidden = self._hidden(heading_only)
            ids = fetch_ids(*self.ranked_ids_sql(offset + limit + len(hidden), heading_only))
            return [pk for pk in ids if pk not in hidden][offset:offset + limit]
        wanted, batch = offset + limit, 2 * (offset + limit)
        while True:
            ranked = fetch_ids(*self.ranked_ids_sql(batch, heading_only))
            kept = set(self.candidates.filter(pk__in=ranked).order_by().values_list("pk", flat=True))
            ids = [pk for pk in ranked if pk in kept]
            if len(ids) >= wanted or len(ranked) < batch:
                return ids[offset:offset + limit]
            batch *= 4
