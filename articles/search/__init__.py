"""Search All Site Content: one interface over the database's own full-text engine.

Views call `search()` and never know which backend runs: FTS5 on SQLite, tsvector/GIN on
PostgreSQL, a class each under backends/, picked once from the connection's vendor
(`get_search_backend()`; backends/base.py says what a backend provides). The index holds every
article whatever its status; visibility comes from `Article.objects.published()` at query time, so
publishing, unpublishing and scheduled dates need no reindexing and no cron job.
"""
from django.db import connection

from articles.models import Article

from .backends import get_search_backend
from .query import Query, parse

__all__ = ["Query", "get_search_backend", "parse", "search"]

TABLE = "articles_search"  # both backends' index table


def search(text, articles=None, order="relevance"):
    """The published articles (or these `articles`, narrowed by filters) matching the reader's
    text, as a paginator-friendly sequence (the backend's results class)."""
    backend = get_search_backend()
    if articles is None:
        return backend.search(parse(text), Article.objects.published(), order, narrowed=False)
    return backend.search(parse(text), articles, order)


# Keeping the index: every write goes through these, from receivers, bulk imports and the command.
def index_articles(article_ids, conn=None):
    """(Re)index these articles from their current rows (ids of deleted ones are dropped)."""
    conn = conn or connection
    with conn.cursor() as cursor:
        get_search_backend(conn).index_articles(cursor, article_ids)


def rebuild(progress=None, conn=None):
    """Empty the index and fill it from every article; returns how many were indexed.

    `progress`, if given, is called with the size of each chunk as it is written.
    """
    conn = conn or connection
    with conn.cursor() as cursor:
        return get_search_backend(conn).rebuild(cursor, conn.alias, progress)


def remove_orphans(conn=None):
    """Drop index rows whose article is gone without a signal (raw SQL, a test database flush)."""
    conn = conn or connection
    with conn.cursor() as cursor:
        get_search_backend(conn).remove_orphans(cursor)


def indexed_count(conn=None):
    conn = conn or connection
    with conn.cursor() as cursor:
        return get_search_backend(conn).indexed_count(cursor)
