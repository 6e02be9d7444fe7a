"""CPU time and SQL queries of warm /search/ requests, rendered afresh and from the page cache.

    DATABASE_URL=sqlite:///bench/.data/search-6300.sqlite3 .venv/bin/python bench/search_cpu.py \
        "/search/?q=semiconductor" [more URLs] [--requests 30]

In-process through Django's test client, on an existing corpus (bench/search.py builds them). CPU time
(time.process_time, which includes SQLite; not a PostgreSQL server's share) is steady on a shared
machine where wall time is not. Each URL is asked twice first, so the generation's values are kept.
"""
import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


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

    from articles.pages.views import SearchView

    client = Client()
    for url in args.urls:
        for cached in (False, True):
            SearchView.keeps_pages = cached
            client.get(url)
            queries = []  # counted by a wrapper: CaptureQueriesContext loses them when a request resets the log

            def count(execute, sql, params, many, context):
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            start = time.process_time()
            for _ in range(args.requests):
                client.get(url)
            spent = (time.process_time() - start) / args.requests * 1000
            print(f"{url} {'from the page cache' if cached else 'rendered afresh'}: {spent:.1f} ms CPU, "
                  f"{len(queries)} queries", flush=True)


if __name__ == "__main__":
    main()
