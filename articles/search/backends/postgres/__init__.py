"""PostgreSQL: a stored weighted tsvector (title A, entity and author names B, body C) with a GIN
index, websearch_to_tsquery, ts_rank and ts_headline; plus a small title-and-names vector for the
first tier of ranking, also kept in a narrow table of its own."""
from .backend import PostgresSearchBackend
from .compiler import PostgresSearchQueryCompiler

__all__ = ["PostgresSearchBackend", "PostgresSearchQueryCompiler"]
