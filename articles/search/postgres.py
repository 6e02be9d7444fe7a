"""PostgreSQL search backend: a stored weighted tsvector (title A, entity and author names B,
body C) with a GIN index, websearch_to_tsquery, ts_rank and ts_headline; plus a small
title-and-names vector for the first tier of ranking, also kept in a narrow table of its own."""
from . import marks
from .documents import names_by_article

TABLE = "articles_search"
# The heading vectors alone, a few hundred bytes a row: ranking or counting a one-word search's title
# and name matches reads these pages rather than TABLE's, where each row also holds a 4 kB document
# (a name in 14,000 of 100,000 headings: 13,000 blocks of TABLE, 53 ms, against a few hundred).
HEADINGS = "articles_search_headings"
# Counts stop above this many matches (the page then says "More than 1,000 results"): counting each
# match means reading its table row, whose 4 kB document makes that 20-40 ms for 5,000 matches of a
# common word or phrase at 100,000 articles. Above it, as above RANK_LIMIT (articles/search/__init__.py),
# title and name matches are ranked first and the rest follow, newest added first.
COUNT_LIMIT = 1000
CONFIG = "peninsula_search"  # english stemming after unaccent; made by migration 0002

# The reader's query: the whole words through websearch_to_tsquery, the last word as a prefix.
TSQUERY = f"(websearch_to_tsquery('{CONFIG}', %s) && to_tsquery('{CONFIG}', %s))"
ANY_TSQUERY = f"(websearch_to_tsquery('{CONFIG}', %s) || to_tsquery('{CONFIG}', %s))"


def _tsquery_params(query, any_term=False):
    return [query.websearch(any_term=any_term), query.tsquery_prefix()]


def create_index(cursor):
    cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    cursor.execute(f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
                CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION {CONFIG}
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
            END IF;
        END $$""")
    # No foreign key: the index is derived data, kept by the article signals and
    # rebuild_search_index, and a key would stop Django's test flush from truncating articles.
    cursor.execute(f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        article_id bigint PRIMARY KEY, document tsvector NOT NULL, heading tsvector NOT NULL)""")
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_document ON {TABLE} USING gin (document)")
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_heading ON {TABLE} USING gin (heading)")
    keep_documents_inline(cursor)
    create_headings(cursor)


def create_headings(cursor):
    """The narrow heading table (HEADINGS), filled from TABLE's rows already there."""
    cursor.execute(f"CREATE TABLE IF NOT EXISTS {HEADINGS} (article_id bigint PRIMARY KEY, heading tsvector NOT NULL)")
    cursor.execute(f"CREATE INDEX IF NOT EXISTS {HEADINGS}_heading ON {HEADINGS} USING gin (heading)")
    cursor.execute(f"INSERT INTO {HEADINGS} (article_id, heading) SELECT article_id, heading FROM {TABLE} "
                   "ON CONFLICT (article_id) DO NOTHING")
    cursor.execute(f"ANALYZE {HEADINGS}")  # the planner's statistics at once, not at autovacuum's next visit


def keep_documents_inline(cursor):
    """Store each article's document vector (about 4 kB compressed) in its table row, compressed
    with lz4 where the server has it, rather than out of line in the TOAST table.

    Out of line, the table proper is small, so the planner thinks a full scan cheap and chose one
    for prefix queries (0.3 s at 100,000 articles, against 15 ms through the GIN index), and every
    ts_rank() and phrase check fetched the vector through the TOAST index. Affects rows written
    from now on (migration 0006 rewrites the existing ones).
    """
    cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE MAIN")
    cursor.execute("SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
    if cursor.fetchone()[0]:
        cursor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN document SET COMPRESSION lz4")


def resolved(cursor, query):
    """The query as given: a to_tsquery() prefix term is one GIN index lookup already."""
    return query


def drop_index(cursor):
    cursor.execute(f"DROP TABLE IF EXISTS {HEADINGS}")
    cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
    cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


def write(cursor, article_ids):
    names = names_by_article(article_ids)
    remove(cursor, article_ids)
    cursor.executemany(
        f"""INSERT INTO {TABLE} (article_id, document, heading)
        SELECT id,
            setweight(to_tsvector('{CONFIG}', title), 'A')
            || setweight(to_tsvector('{CONFIG}', %s), 'B')
            || setweight(to_tsvector('{CONFIG}', body_text), 'C'),
            setweight(to_tsvector('{CONFIG}', title), 'A') || setweight(to_tsvector('{CONFIG}', %s), 'B')
        FROM articles_article WHERE id = %s""",
        [(names.get(pk, ""), names.get(pk, ""), pk) for pk in article_ids],
    )
    cursor.execute(f"INSERT INTO {HEADINGS} (article_id, heading) SELECT article_id, heading FROM {TABLE} "
                   "WHERE article_id = ANY(%s)", [list(article_ids)])


def remove(cursor, article_ids):
    for table in (TABLE, HEADINGS):
        cursor.execute(f"DELETE FROM {table} WHERE article_id = ANY(%s)", [list(article_ids)])


def remove_orphans(cursor):
    for table in (TABLE, HEADINGS):
        cursor.execute(f"DELETE FROM {table} s WHERE NOT EXISTS "
                       "(SELECT 1 FROM articles_article a WHERE a.id = s.article_id)")


def clear(cursor):
    cursor.execute(f"TRUNCATE {TABLE}, {HEADINGS}")


def indexed_count(cursor):
    cursor.execute(f"SELECT count(*) FROM {TABLE}")
    return cursor.fetchone()[0]


def heading_decides(query, heading_only):
    """One term in the title/name tier: the small heading vector alone decides (read from HEADINGS)."""
    return heading_only and len(query.positive) == 1 and not query.negative


def source(query, heading_only=False):
    """The table a match_condition() is asked of: HEADINGS when the heading alone decides."""
    return HEADINGS if heading_decides(query, heading_only) else TABLE


def match_condition(query, heading_only=False):
    condition, params = f"document @@ {TSQUERY}", _tsquery_params(query)
    if heading_decides(query, heading_only):
        return f"heading @@ {ANY_TSQUERY}", _tsquery_params(query, any_term=True)
    if heading_only:
        condition += f" AND heading @@ {ANY_TSQUERY}"
        params += _tsquery_params(query, any_term=True)
    return condition, params


def match_sql(query, heading_only=False):
    condition, params = match_condition(query, heading_only)
    return f"SELECT article_id FROM {source(query, heading_only)} WHERE {condition}", params


def match_by_date_sql(query, column):
    """A condition on `column` (article ids) for matching articles, in queries ordered by date."""
    sql, params = match_sql(query)
    return f"{column} IN ({sql})", params


def body_only_sql(query, limit):
    return (f"SELECT article_id FROM {TABLE} WHERE document @@ {TSQUERY} AND NOT heading @@ {ANY_TSQUERY} "
            "ORDER BY article_id DESC LIMIT %s", [*_tsquery_params(query), *_tsquery_params(query, any_term=True), limit])


def ranked_among_sql(query, article_ids, heading_only=False):
    condition, params = match_condition(query, heading_only)
    return (f"SELECT article_id FROM {TABLE} WHERE {condition} AND article_id = ANY(%s) "
            f"ORDER BY ts_rank(document, {TSQUERY}) DESC, article_id DESC",
            [*params, list(article_ids), *_tsquery_params(query)])


def ranked_ids_sql(query, scope_sql, scope_params, offset, limit, heading_only=False):
    condition, params = match_condition(query, heading_only)
    scope = f" AND article_id IN ({scope_sql})" if scope_sql else ""
    # The title/name tier ranks on its own small (title A, names B) vector.
    vector = "heading" if heading_only else "document"
    sql = (f"SELECT article_id FROM {source(query, heading_only)} WHERE {condition}{scope} "
           f"ORDER BY ts_rank({vector}, {TSQUERY}) DESC, article_id DESC LIMIT %s OFFSET %s")
    return sql, [*params, *scope_params, *_tsquery_params(query), limit, offset]


HEADLINE = (f"StartSel={marks.START}, StopSel={marks.STOP}, MaxFragments=2, MinWords=12, MaxWords=30, "
            'FragmentDelimiter=" … "')


# ts_headline reads "<b>" in plain text as markup and drops it: hide "<" from it, then restore.
LT_STANDIN = "\ue002"


def highlights(cursor, query, article_ids):
    if not article_ids:
        return {}
    cursor.execute(
        f"""SELECT id, ts_headline('{CONFIG}', replace(title, '<', '{LT_STANDIN}'), {TSQUERY}, %s),
                   ts_headline('{CONFIG}', replace(body_text, '<', '{LT_STANDIN}'), {TSQUERY}, %s)
            FROM articles_article WHERE id = ANY(%s)""",
        [*_tsquery_params(query), f"HighlightAll=true, StartSel={marks.START}, StopSel={marks.STOP}",
         *_tsquery_params(query), HEADLINE, list(article_ids)],
    )
    return {pk: (marks.to_html(title.replace(LT_STANDIN, "<")), marks.to_html(snippet.replace(LT_STANDIN, "<")))
            for pk, title, snippet in cursor.fetchall()}


def year_counts(cursor, ids_literal, zone):
    """{year: articles} of these articles' dates in `zone`."""
    cursor.execute(
        f"SELECT extract(year FROM published_at AT TIME ZONE %s)::integer, count(*) FROM articles_article "
        f"WHERE id IN ({ids_literal}) AND published_at IS NOT NULL GROUP BY 1", [str(zone)])
    return dict(cursor.fetchall())
