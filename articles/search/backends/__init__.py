"""Search backends: one class per database's full-text engine (base.py says what a backend provides)."""
from django.db import connection

from .postgres import PostgresSearchBackend
from .sqlite import SQLiteSearchBackend

BACKENDS = {backend.vendor: backend() for backend in (SQLiteSearchBackend, PostgresSearchBackend)}


def get_search_backend(conn=None):
    """The search backend for a database connection (the default one if omitted), by its vendor."""
    vendor = (conn or connection).vendor
    try:
        return BACKENDS[vendor]
    except KeyError:
        raise NotImplementedError(f"No search backend for {vendor}.") from None
