"""SQLite: an FTS5 table (porter stemming, diacritics removed), bm25 with column weights, and FTS5's
own highlight() and snippet()."""
from .backend import SQLiteSearchBackend
from .compiler import SQLiteSearchQueryCompiler

__all__ = ["SQLiteSearchBackend", "SQLiteSearchQueryCompiler"]
