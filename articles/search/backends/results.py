"""What a search returns: its matches counted and sliced lazily, so a Paginator can page through them."""
from dataclasses import dataclass
from functools import cached_property

from django.db import connection

from articles.models import Article

from . import compiler as planner

# Above this many matches, facets count the best FACET_SAMPLE of them: exact counts over
# 100,000 matches of a common word would cost more than the whole rest of the page.
FACET_SAMPLE = 1000


@dataclass(frozen=True)
class Hits:
    """A page of results: their ids in order, and {id: (title HTML, snippet HTML)} with the matched
    words in <mark> (an article the index could not mark is missing from it)."""

    ids: list
    marked: dict


class BaseSearchResults:
    """The matches of one search (planned by a query compiler). Slicing gives Article objects with
    `search_title` and `search_snippet`; `hits()` gives a page's ids and marks alone, for callers
    that render the cards themselves (the search page keeps them per content generation)."""

    def __init__(self, backend, compiler):
        self.backend, self.compiler = backend, compiler

    @property
    def query(self):
        return self.compiler.query

    @property
    def total(self):
        return self.compiler.total

    @property
    def exact_total(self):
        """False when the backend stopped counting: more articles match than `total` says."""
        return self.compiler.exact_total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("Search results support slices only.")
        start, stop = key.start or 0, min(key.stop if key.stop is not None else self.total, self.total)
        hits = self.hits(start, max(stop - start, 0))
        return article_cards(hits.ids, hits.marked)

    def ids(self, offset, limit):
        """Ids of the matching articles, in the chosen order. The first FIRST_RANKED come from one
        query and are kept for the facets' sample and any page after it; a page asked for first
        finds its own."""
        if not self.total or limit <= 0:
            return []
        if offset + limit <= planner.FIRST_RANKED and (limit > planner.PAGE_LIMIT or "_first_ids" in self.__dict__):
            return self._first_ids[offset:offset + limit]
        # A page alone (the facets kept from an earlier search): only its rows, which for the body-only
        # matches of a common phrase is a few hundred phrase checks rather than twenty thousand.
        return self.compiler.ids(offset, limit)

    @cached_property
    def _first_ids(self):
        return self.compiler.ids(0, planner.FIRST_RANKED)

    def hits(self, offset, limit):
        """`limit` results from `offset` in the chosen order, with their highlights (Hits)."""
        ids = self.ids(offset, limit)
        if not ids:
            return Hits([], {})
        with connection.cursor() as cursor:
            return Hits(ids, self.backend.highlights(cursor, self.query, ids))

    def facet_scope(self):
        """(ids of the articles the facets count, whether they are a sample): every match, or the best
        FACET_SAMPLE of many. Listed by id once, so the facet queries do not search again."""
        return self.ids(0, FACET_SAMPLE), self.total > FACET_SAMPLE


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
