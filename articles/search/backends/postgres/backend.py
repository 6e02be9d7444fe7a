"""The PostgreSQL backend: the tsvector index's upkeep (the wide table and the narrow heading one),
its highlights, and dates by year."""
from ... import marks
from ...documents import names_by_article
from ..base import SearchBackend
from .compiler import CONFIG, HEADINGS, TABLE, TSQUERY, PostgresSearchQueryCompiler, tsquery_params

HEADLINE = (f"StartSel={marks.START}, StopSel={marks.STOP}, MaxFragments=2, MinWords=12, MaxWords=30, "
            'FragmentDelimiter=" … "')
# ts_headline reads "<b>" in plain text as markup and drops it: hide "<" from it, then restore.
LT_STANDIN = "\ue002"
# Title A and names B: the heading vector, and the first two weights of the document.
HEADING_VECTOR = f"setweight(to_tsvector('{CONFIG}', title), 'A') || setweight(to_tsvector('{CONFIG}', %s), 'B')"


class PostgresSearchBackend(SearchBackend):
    vendor = "postgresql"
    TABLE = TABLE
    HEADINGS = HEADINGS
    # Counts stop above this many matches (the page then says "More than 1,000 results"): counting each
    # match means reading its table row, whose 4 kB document makes that 20-40 ms for 5,000 matches of a
    # common word or phrase at 100,000 articles. Above it, as above RANK_LIMIT (compiler.py), title and
    # name matches are ranked first and the rest follow, newest added first.
    COUNT_LIMIT = 1000
    query_compiler_class = PostgresSearchQueryCompiler

    def create_index(self, cursor):
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
        self.keep_documents_inline(cursor)
        self.create_headings(cursor)

    def create_headings(self, cursor):
        """The narrow heading table (HEADINGS), filled from TABLE's rows already there."""
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {HEADINGS} (article_id bigint PRIMARY KEY, heading tsvector NOT NULL)")
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {HEADINGS}_heading ON {HEADINGS} USING gin (heading)")
        cursor.execute(f"INSERT INTO {HEADINGS} (article_id, heading) SELECT article_id, heading FROM {TABLE} "
                       "ON CONFLICT (article_id) DO NOTHING")
        cursor.execute(f"ANALYZE {HEADINGS}")  # the planner's statistics at once, not at autovacuum's next visit

    def keep_documents_inline(self, cursor):
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

    def drop_index(self, cursor):
        cursor.execute(f"DROP TABLE IF EXISTS {HEADINGS}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")

    def write(self, cursor, article_ids):
        names = names_by_article(article_ids)
        self.remove(cursor, article_ids)
        cursor.executemany(
            f"""INSERT INTO {TABLE} (article_id, document, heading)
            SELECT id, {HEADING_VECTOR} || setweight(to_tsvector('{CONFIG}', body_text), 'C'), {HEADING_VECTOR}
            FROM articles_article WHERE id = %s""",
            [(names.get(pk, ""), names.get(pk, ""), pk) for pk in article_ids],
        )
        cursor.execute(f"INSERT INTO {HEADINGS} (article_id, heading) SELECT article_id, heading FROM {TABLE} "
                       "WHERE article_id = ANY(%s)", [list(article_ids)])

    def remove(self, cursor, article_ids):
        for table in (TABLE, HEADINGS):
            cursor.execute(f"DELETE FROM {table} WHERE article_id = ANY(%s)", [list(article_ids)])

    def remove_orphans(self, cursor):
        for table in (TABLE, HEADINGS):
            cursor.execute(f"DELETE FROM {table} s WHERE NOT EXISTS "
                           "(SELECT 1 FROM articles_article a WHERE a.id = s.article_id)")

    def clear(self, cursor):
        cursor.execute(f"TRUNCATE {TABLE}, {HEADINGS}")

    def highlights(self, cursor, query, article_ids):
        if not article_ids:
            return {}
        cursor.execute(
            f"""SELECT id, ts_headline('{CONFIG}', replace(title, '<', '{LT_STANDIN}'), {TSQUERY}, %s),
                       ts_headline('{CONFIG}', replace(body_text, '<', '{LT_STANDIN}'), {TSQUERY}, %s)
                FROM articles_article WHERE id = ANY(%s)""",
            [*tsquery_params(query), f"HighlightAll=true, StartSel={marks.START}, StopSel={marks.STOP}",
             *tsquery_params(query), HEADLINE, list(article_ids)],
        )
        return {pk: (marks.to_html(title.replace(LT_STANDIN, "<")), marks.to_html(snippet.replace(LT_STANDIN, "<")))
                for pk, title, snippet in cursor.fetchall()}

    def year_counts(self, cursor, ids_literal, zone):
        cursor.execute(
            f"SELECT extract(year FROM published_at AT TIME ZONE %s)::integer, count(*) FROM articles_article "
            f"WHERE id IN ({ids_literal}) AND published_at IS NOT NULL GROUP BY 1", [str(zone)])
        return dict(cursor.fetchall())
