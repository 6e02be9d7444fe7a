"""CPU time and SQL queries of /search/ requests: asked for the first time, rendered afresh, and from the page cache.

    DATABASE_URL=sqlite:///bench/.data/search-6300.sqlite3 .venv/bin/python bench/search_cpu.py \
        "/search/?q=semiconductor" [more URLs] [--requests 30]

In-process through Django's test client, on an existing corpus (bench/search.py builds them). CPU time
(time.process_time, which includes SQLite; not a PostgreSQL server's share) is steady on a shared
machine where wall time is not. Each URL is asked twice first, so the generation's values are kept.
"Asked for the first time" drops, before each request, what the generation keeps for a search (its
facet counts, and every result card), as for words nobody has searched for since the last change;
the generation's other values (its summary, the "did you mean" names) stay kept.
"""
import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def forget_searches():
    """Drop what this process keeps for searches in the current generation (facet counts and panels,
    result cards), keeping the generation's other values: as for words nobody has asked for yet."""
    from articles.caching.kept import article_memo, memo

    with article_memo.lock:
        article_memo.forget()
    with memo.lock:
        for key in [key for key in memo.values if isinstance(key, tuple) and key[0] == "search-facets"]:
            del memo.values[key]


def use_page_cache(cached, view=None):
    """Serve `view`'s pages (default: search) from the page cache, or render every one: the view's
    cache off, and the middleware's copies as sent never found (they would answer before the view)."""
    from articles.caching.middleware import CachedPageMiddleware
    from articles.pages.views import SearchView

    (view or SearchView).keeps_pages = cached
    lookup = CachedPageMiddleware.__dict__.get("real_lookup", CachedPageMiddleware.lookup)
    CachedPageMiddleware.real_lookup = lookup
    CachedPageMiddleware.lookup = staticmethod(lookup if cached else lambda key: (lookup(key)[0], None))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--requests", type=int, default=30, help="timed requests per URL and mode (default 30)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings_test")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    modes = {"asked for the first time": (False, forget_searches), "rendered afresh": (False, None),
             "from the page cache": (True, None)}
    client = Client()
    for url in args.urls:
        for mode, (cached, before) in modes.items():
            use_page_cache(cached)
            client.get(url)
            queries = []  # counted by a wrapper: CaptureQueriesContext loses them when a request resets the log

            def count(execute, sql, params, many, context):
                queries.append(sql)
                return execute(sql, params, many, context)

            if before:
                before()
            with connection.execute_wrapper(count):
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            spent = 0
            for _ in range(args.requests):
                if before:
                    before()
                start = time.process_time()
                client.get(url)
                spent += time.process_time() - start
            print(f"{url} {mode}: {spent / args.requests * 1000:.1f} ms CPU, {len(queries)} queries", flush=True)


if __name__ == "__main__":
    main()
