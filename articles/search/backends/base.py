"""What a search backend is: the interface a database's full-text engine provides, and the query
planning every backend shares.

A new backend (say MySQL) is a package beside sqlite/ and postgres/ with three things:

- a `SearchBackend` subclass: the index's upkeep (`create_index`, `drop_index`, `write`, `remove`,
  `remove_orphans`, `clear`, `indexed_count`), `highlights` and `year_counts`; and `vendor`, the
  connection vendor it serves (`get_search_backend()` picks the backend by it);
- a `BaseSearchQueryCompiler` subclass as its `query_compiler_class`: the SQL of each question the
  planner asks (`match_condition`, `source`, `match_by_date_sql`, `body_only_sql`, `ranked_among_sql`,
  `ranked_ids_sql`), written with %s parameters only;
- `results_class`, `BaseSearchResults` unless the backend pages or marks results its own way.

The index holds every article whatever its status; visibility comes from the candidates
(`Article.objects.published()` and the reader's filters) at query time.
"""
from django.db import connection

from articles.models import Article

from .compiler import BaseSearchQueryCompiler
from .results import BaseSearchResults

__all__ = ["BaseSearchQueryCompiler", "BaseSearchResults", "SearchBackend"]

# Index writes go in chunks of this many articles.
CHUNK = 1000


class SearchBackend:
    """One database's full-text engine. Methods given a cursor run on that cursor's connection (a
    migration's, a receiver's); searching runs on the default connection."""

    vendor = None
    TABLE = "articles_search"  # the index table (SQLite: an FTS5 table, PostgreSQL: tsvectors)
    # Counts stop above this many matches (None: counts are exact); the page then says "More than".
    COUNT_LIMIT = None
    query_compiler_class = BaseSearchQueryCompiler
    results_class = BaseSearchResults

    def search(self, query, candidates, order="relevance", narrowed=True, unpublished_ids=None):
        """The `candidates` matching a parsed `query` as a `results_class`; `narrowed`: False when the
        candidates are every published article, so counts can come from the index alone (less the
        `unpublished_ids`, found if not given)."""
        if query:
            with connection.cursor() as cursor:
                query = self.resolved(cursor, query)
        compiler = self.query_compiler_class(self, query, candidates, order, narrowed, unpublished_ids)
        return self.results_class(self, compiler)

    def resolved(self, cursor, query):
        """The query as this engine runs it best (same matches); by default as given."""
        return query

    # Keeping the index: every write goes through these, from receivers, bulk imports and the command.
    def index_articles(self, cursor, article_ids):
        """(Re)index these articles from their current rows (ids of deleted ones are dropped)."""
        article_ids = sorted(set(article_ids))
        for start in range(0, len(article_ids), CHUNK):
            self.write(cursor, article_ids[start:start + CHUNK])

    def rebuild(self, cursor, alias, progress=None):
        """Empty the index and fill it from every article of the database `alias`; returns how many.
        `progress`, if given, is called with the size of each chunk as it is written."""
        article_ids = list(Article.objects.using(alias).order_by("pk").values_list("pk", flat=True))
        self.clear(cursor)
        for start in range(0, len(article_ids), CHUNK):
            chunk = article_ids[start:start + CHUNK]
            self.write(cursor, chunk)
            if progress:
                progress(len(chunk))
        return len(article_ids)

    def create_index(self, cursor):
        """Create the index's tables (a migration calls this once)."""
        raise NotImplementedError

    def drop_index(self, cursor):
        raise NotImplementedError

    def write(self, cursor, article_ids):
        """(Re)index these articles (at most CHUNK) from their rows: title first weight, the names of
        `documents.names_by_article` second, body third; ids without a row just leave the index."""
        raise NotImplementedError

    def remove(self, cursor, article_ids):
        raise NotImplementedError

    def remove_orphans(self, cursor):
        """Drop index rows whose article is gone without a signal (raw SQL, a test database flush)."""
        raise NotImplementedError

    def clear(self, cursor):
        raise NotImplementedError

    def indexed_count(self, cursor):
        cursor.execute(f"SELECT count(*) FROM {self.TABLE}")
        return cursor.fetchone()[0]

    def highlights(self, cursor, query, article_ids):
        """{article id: (title HTML, snippet HTML)} with the matched words marked (`marks.to_html`)."""
        raise NotImplementedError

    def year_counts(self, cursor, ids_literal, zone):
        """{year: articles} of the articles whose ids `ids_literal` lists (SQL), dated in `zone`."""
        raise NotImplementedError
