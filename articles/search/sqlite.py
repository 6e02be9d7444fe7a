"""SQLite search backend: an FTS5 table (porter stemming, diacritics removed), bm25 with column
weights, and FTS5's own highlight() and snippet()."""
import sqlite3
import threading
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from functools import lru_cache

from . import marks
from .documents import names_by_article

TABLE = "articles_search"
# Counts are exact: FTS5 counts a common word's 60,000 matches from its document list in 1-2 ms.
COUNT_LIMIT = None
TERMS = "articles_search_terms"  # fts5vocab over TABLE: one row per occurrence of an indexed term
TOKENIZE = "porter unicode61 remove_diacritics 2"
COLUMNS = ("title", "names", "body")
HEADING = ("title", "names")
WEIGHTS = (10.0, 5.0, 1.0)  # title, entity/author names, body


def create_index(cursor):
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5({', '.join(COLUMNS)}, "
        f"tokenize = '{TOKENIZE}')"
    )


def drop_index(cursor):
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def create_terms(cursor):
    cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TERMS} USING fts5vocab({TABLE}, 'instance')")


def drop_terms(cursor):
    cursor.execute(f"DROP TABLE IF EXISTS {TERMS}")


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


def resolved(cursor, query):
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


def write(cursor, article_ids):
    """(Re)index the given articles from their current rows; missing ones just leave the index."""
    names = names_by_article(article_ids)
    remove(cursor, article_ids)
    cursor.executemany(
        f"INSERT INTO {TABLE} (rowid, title, names, body) "
        "SELECT id, title, %s, body_text FROM articles_article WHERE id = %s",
        [(names.get(pk, ""), pk) for pk in article_ids],
    )


def remove(cursor, article_ids):
    placeholders = ", ".join(["%s"] * len(article_ids))
    cursor.execute(f"DELETE FROM {TABLE} WHERE rowid IN ({placeholders})", list(article_ids))


def remove_orphans(cursor):
    cursor.execute(f"DELETE FROM {TABLE} WHERE rowid NOT IN (SELECT id FROM articles_article)")


def clear(cursor):
    cursor.execute(f"DELETE FROM {TABLE}")


def indexed_count(cursor):
    cursor.execute(f"SELECT count(*) FROM {TABLE}")
    return cursor.fetchone()[0]


def match_condition(query, heading_only=False):
    """WHERE clause on the index for matching articles (in the title or names only, if asked)."""
    if not heading_only:
        expression = query.fts5()
    elif len(query.positive) == 1:
        # One term: in the title or names is enough, and much cheaper than "anywhere AND there".
        expression = query.fts5(positive=query.fts5_any(HEADING))
    else:
        expression = f"({query.fts5()}) AND {query.fts5_any(HEADING)}"
    return f"{TABLE} MATCH %s", [expression]


def source(query, heading_only=False):
    """The table a match_condition() is asked of: the one FTS5 table, whose columns it names."""
    return TABLE


def match_sql(query, heading_only=False):
    """SQL selecting the ids of matching articles."""
    condition, params = match_condition(query, heading_only)
    return f"SELECT rowid FROM {TABLE} WHERE {condition}", params


def match_by_date_sql(query, column):
    """A condition on `column` (article ids) for matching articles, in queries ordered by date.

    The unary plus keeps SQLite from fetching every match by id and sorting them all: it walks the
    (status, published_at) index newest first instead and stops at the LIMIT (60 ms -> 3 ms for the
    first 1,000 of 25,000 matches).
    """
    sql, params = match_sql(query)
    return f"+{column} IN ({sql})", params


def body_only_sql(query, limit):
    """The first `limit` articles matching only in the body, latest added first (streamed by FTS5)."""
    expression = f"({query.fts5()}) NOT {query.fts5_any(HEADING)}"
    return f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY rowid DESC LIMIT %s", [expression, limit]


def ranked_among_sql(query, article_ids, heading_only=False):
    """All the matching articles among `article_ids`, best first."""
    condition, params = match_condition(query, heading_only)
    placeholders = ", ".join(["%s"] * len(article_ids))
    weights = ", ".join(str(w) for w in WEIGHTS)
    # "+rowid" makes SQLite scan the match and test membership; handing FTS5 the list instead
    # makes it look up each id separately, hundreds of times slower.
    return (f"SELECT rowid FROM {TABLE} WHERE {condition} AND +rowid IN ({placeholders}) "
            f"ORDER BY bm25({TABLE}, {weights}), rowid DESC", [*params, *article_ids])


def ranked_ids_sql(query, scope_sql, scope_params, offset, limit, heading_only=False):
    """Matching ids within a scope (SQL selecting article ids), best first: bm25 with column weights."""
    condition, params = match_condition(query, heading_only)
    # "+rowid": as in ranked_among_sql.
    scope = f" AND +rowid IN ({scope_sql})" if scope_sql else ""
    weights = ", ".join(str(w) for w in WEIGHTS)
    sql = (f"SELECT rowid FROM {TABLE} WHERE {condition}{scope} "
           f"ORDER BY bm25({TABLE}, {weights}), rowid DESC LIMIT %s OFFSET %s")
    return sql, [*params, *scope_params, limit, offset]


def highlights(cursor, query, article_ids):
    """{article id: (title HTML, snippet HTML)} with the matched words in <mark>."""
    if not article_ids:
        return {}
    placeholders = ", ".join(["%s"] * len(article_ids))
    cursor.execute(
        f"SELECT rowid, highlight({TABLE}, 0, %s, %s), snippet({TABLE}, 2, %s, %s, ' … ', 32) "
        f"FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({placeholders})",
        [marks.START, marks.STOP, marks.START, marks.STOP, query.fts5(), *article_ids],
    )
    return {pk: (marks.to_html(title), marks.to_html(snippet)) for pk, title, snippet in cursor.fetchall()}


def year_counts(cursor, ids_literal, zone):
    """Counter {year: articles} of these articles' dates in `zone`.

    Dates are stored as UTC text, so the year is its first four characters, except on 31 December
    and 1 January, which a time zone can move into another year: those few dates come back whole
    (grouped apart) and are converted here. Converting every date in Python, or through a Python
    SQL function, costs several times more.
    """
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
