"""CPU time and SQL queries of public pages rendered afresh, in a new content generation and with the
generation's derived values kept (related articles, entity counts, year charts, the site summary).

    DATABASE_URL=sqlite:///bench/results/bench.sqlite3 .venv/bin/python bench/fresh_pages.py \\
        /tags/ /the-peninsula/corpus-003151/ /the-peninsula/ /category/china/ [--requests 7]

In-process through Django's test client on an existing corpus (`make bench` builds one), the page cache
off for every view and its middleware, so each request renders. "New generation" moves the generation
and forgets what this process keeps before each request, as the first reader after an edit finds it.
Prints the median CPU time (time.process_time, SQLite included) and the queries of one request.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--requests", type=int, default=7, help="timed requests per URL and mode (default 7)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings_test")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from articles.caching.generation import bump_generation
    from articles.caching.kept import forget_derived_values
    from articles.caching.page_cache import CachedPageMixin
    from bench.search_cpu import use_page_cache

    use_page_cache(False, CachedPageMixin)  # every view renders

    def new_generation():
        bump_generation()
        forget_derived_values()

    client = Client()
    for url in args.urls:
        client.get(url)
        for mode, before in (("new generation", new_generation), ("generation's values kept", None)):
            spent, queries = [], []
            for _ in range(args.requests):
                if before:
                    before()
                queries.clear()

                def count(execute, sql, params, many, context):
                    queries.append(sql)
                    return execute(sql, params, many, context)

                start = time.process_time()
                with connection.execute_wrapper(count):
                    response = client.get(url)
                spent.append((time.process_time() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            print(f"{url} {mode}: median {statistics.median(spent):.1f} ms CPU, {len(queries)} queries", flush=True)


if __name__ == "__main__":
    main()
