"""The SQLite backend: the FTS5 index's upkeep, its highlights, and dates by year."""
import sqlite3
import threading
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache

from ... import marks
from ...documents import names_by_article
from ..base import SearchBackend
from .compiler import TABLE, SQLiteSearchQueryCompiler

TERMS = "articles_search_terms"  # fts5vocab over TABLE: one row per occurrence of an indexed term
TOKENIZE = "porter unicode61 remove_diacritics 2"
COLUMNS = ("title", "names", "body")

_stemmer = threading.local()


@lru_cache(maxsize=4096)
def indexed_form(token):
    """The terms FTS5 makes of a typed token with the index's tokenizer (an in-memory FTS5 table
    on the same SQLite library, so the stemming is exactly the index's own)."""
    if not hasattr(_stemmer, "conn"):
        _stemmer.conn = sqlite3.connect(":memory:")
        _stemmer.conn.execute(f"CREATE VIRTUAL TABLE probe USING fts5(t, tokenize = '{TOKENIZE}')")
        _stemmer.conn.execute("CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'instance')")
    conn = _stemmer.conn
    with conn:
        conn.execute("INSERT INTO probe (rowid, t) VALUES (1, ?)", [token])
        terms = [term for (term,) in conn.execute("SELECT term FROM probe_terms ORDER BY offset")]
        conn.execute("DELETE FROM probe")
    return tuple(terms)


class SQLiteSearchBackend(SearchBackend):
    vendor = "sqlite"
    TABLE = TABLE
    # Counts are exact: FTS5 counts a common word's 60,000 matches from its document list in 1-2 ms.
    COUNT_LIMIT = None
    query_compiler_class = SQLiteSearchQueryCompiler

    def create_index(self, cursor):
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({', '.join(COLUMNS)}, "
                       f"tokenize = '{TOKENIZE}')")

    def drop_index(self, cursor):
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    def create_terms(self, cursor):
        """The fts5vocab table resolved() reads (migrations 0004, 0005)."""
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TERMS} USING fts5vocab({TABLE}, 'instance')")

    def drop_terms(self, cursor):
        cursor.execute(f"DROP TABLE IF EXISTS {TERMS}")

    def resolved(self, cursor, query):
        """The query with its last-word prefix made a plain word when the index holds no longer word
        with that prefix: the same matches, ranking and highlights, but FTS5 streams one doclist
        instead of merging a prefix's doclists again in every query of the page."""
        term = next((term for term in query.positive if term.prefix), None)
        if term is None:
            return query
        stems = indexed_form(term.tokens[0])
        if len(stems) != 1:
            return query
        stem = stems[0]
        # Any longer term sorts at or after stem + "\x01" and before stem + U+10FFFF (no term holds
        # either). The 'instance' vocabulary seeks there and reads one entry; a 'row' one would first
        # count every article holding the term, milliseconds for a common word.
        cursor.execute(f"SELECT term FROM {TERMS} WHERE term >= %s AND term < %s LIMIT 1",
                       [stem + "\x01", stem + "\U0010ffff"])
        if cursor.fetchone():
            return query
        plain = replace(term, prefix=False)
        return replace(query, terms=tuple(plain if t is term else t for t in query.terms))

    def write(self, cursor, article_ids):
        names = names_by_article(article_ids)
        self.remove(cursor, article_ids)
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, names, body) "
            "SELECT id, title, %s, body_text FROM articles_article WHERE id = %s",
            [(names.get(pk, ""), pk) for pk in article_ids],
        )

    def remove(self, cursor, article_ids):
        placeholders = ", ".join(["%s"] * len(article_ids))
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", list(article_ids))

    def remove_orphans(self, cursor):
        cursor.execute(f"DELETE FROM {TABLE} WHERE rowid NOT IN (SELECT id FROM articles_article)")

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {TABLE}")

    def highlights(self, cursor, query, article_ids):
        if not article_ids:
            return {}
        placeholders = ", ".join(["%s"] * len(article_ids))
        cursor.execute(
            f"SELECT rowid, highlight({TABLE}, 0, %s, %s), snippet({TABLE}, 2, %s, %s, ' … ', 32) "
            f"FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({placeholders})",
            [marks.START, marks.STOP, marks.START, marks.STOP, query.fts5(), *article_ids],
        )
        return {pk: (marks.to_html(title), marks.to_html(snippet)) for pk, title, snippet in cursor.fetchall()}

    def year_counts(self, cursor, ids_literal, zone):
        """Dates are stored as UTC text, so the year is its first four characters, except on 31 December
        and 1 January, which a time zone can move into another year: those few dates come back whole
        (grouped apart) and are converted here. Converting every date in Python, or through a Python
        SQL function, costs several times more."""
        cursor.execute(
            "SELECT CAST(substr(published_at, 1, 4) AS integer), "
            "CASE WHEN substr(published_at, 6, 5) IN ('12-31', '01-01') THEN published_at END AS edge, count(*) "
            f"FROM articles_article WHERE id IN ({ids_literal}) AND published_at IS NOT NULL GROUP BY 1, 2")
        counts = Counter()
        for year, edge, count in cursor.fetchall():
            if edge is not None:
                moment = edge if isinstance(edge, datetime) else datetime.fromisoformat(edge)
                year = moment.replace(tzinfo=UTC).astimezone(zone).year
            counts[year] += count
        return counts
