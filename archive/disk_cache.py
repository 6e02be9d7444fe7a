"""The default shared cache: diskcache's DjangoCache, keeping its SQLite connections between requests.

Django closes every cache at the end of each request (`close_caches` on request_finished). For
DjangoCache that closes its SQLite connections, so the next request reconnects and re-reads its
settings: ten statements instead of one for a cached page, about half a cached page's CPU time.
The connections are per thread and reopened after a fork (diskcache checks the process id), so keeping
them open is safe under gunicorn's workers.
"""
from diskcache import DjangoCache


class PersistentDjangoCache(DjangoCache):
    def close(self, **kwargs):
        """Keep the connections open: see the module's docstring."""
