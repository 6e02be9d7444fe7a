"""The PostgreSQL backend's SQL: the reader's query as tsqueries over the document and heading vectors,
ranked by ts_rank."""
from ..compiler import BaseSearchQueryCompiler

TABLE = "articles_search"
# The heading vectors alone, a few hundred bytes a row: ranking or counting a one-word search's title
# and name matches reads these pages rather than TABLE's, where each row also holds a 4 kB document
# (a name in 14,000 of 100,000 headings: 13,000 blocks of TABLE, 53 ms, against a few hundred).
HEADINGS = "articles_search_headings"
CONFIG = "peninsula_search"  # english stemming after unaccent; made by migration 0002

# The reader's query: the whole words through websearch_to_tsquery, the last word as a prefix.
TSQUERY = f"(websearch_to_tsquery('{CONFIG}', %s) && to_tsquery('{CONFIG}', %s))"
ANY_TSQUERY = f"(websearch_to_tsquery('{CONFIG}', %s) || to_tsquery('{CONFIG}', %s))"


def tsquery_params(query, any_term=False):
    return [query.websearch(any_term=any_term), query.tsquery_prefix()]


class PostgresSearchQueryCompiler(BaseSearchQueryCompiler):

    def heading_decides(self, heading_only):
        """One term in the title/name tier: the small heading vector alone decides (read from HEADINGS)."""
        return heading_only and len(self.query.positive) == 1 and not self.query.negative

    def source(self, heading_only=False):
        return HEADINGS if self.heading_decides(heading_only) else TABLE

    def match_condition(self, heading_only=False):
        if self.heading_decides(heading_only):
            return f"heading @@ {ANY_TSQUERY}", tsquery_params(self.query, any_term=True)
        condition, params = f"document @@ {TSQUERY}", tsquery_params(self.query)
        if heading_only:
            condition += f" AND heading @@ {ANY_TSQUERY}"
            params += tsquery_params(self.query, any_term=True)
        return condition, params

    def match_sql(self, heading_only=False):
        condition, params = self.match_condition(heading_only)
        return f"SELECT article_id FROM {self.source(heading_only)} WHERE {condition}", params

    def match_by_date_sql(self, column):
        sql, params = self.match_sql()
        return f"{column} IN ({sql})", params

    def body_only_sql(self, limit):
        return (f"SELECT article_id FROM {TABLE} WHERE document @@ {TSQUERY} AND NOT heading @@ {ANY_TSQUERY} "
                "ORDER BY article_id DESC LIMIT %s",
                [*tsquery_params(self.query), *tsquery_params(self.query, any_term=True), limit])

    def ranked_among_sql(self, article_ids, heading_only=False):
        condition, params = self.match_condition(heading_only)
        return (f"SELECT article_id FROM {TABLE} WHERE {condition} AND article_id = ANY(%s) "
                f"ORDER BY ts_rank(document, {TSQUERY}) DESC, article_id DESC",
                [*params, list(article_ids), *tsquery_params(self.query)])

    def ranked_ids_sql(self, limit, heading_only=False):
        condition, params = self.match_condition(heading_only)
        # The title/name tier ranks on its own small (title A, names B) vector.
        vector = "heading" if heading_only else "document"
        return (f"SELECT article_id FROM {self.source(heading_only)} WHERE {condition} "
                f"ORDER BY ts_rank({vector}, {TSQUERY}) DESC, article_id DESC LIMIT %s",
                [*params, *tsquery_params(self.query), limit])
