"""Page cache benchmark: time public pages rendered afresh, served from the cache, and answered 304.

    .venv/bin/python bench/page_cache.py [ARTICLES] [REPEATS]

Builds ARTICLES synthetic articles (make_corpus) in a throw-away test database (SQLite, or
DATABASE_URL/REDIS_URL as the tests use them), then times each page three ways and prints a
table; the numbers also go to bench/results/page_cache.txt.
"""
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings_test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def timed(client, url, repeats, clear=False, **headers):
    times, queries, status = [], 0, None
    for _ in range(repeats):
        if clear:
            cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            status = client.get(url, **headers).status_code
            times.append((time.perf_counter() - start) * 1000)
        queries = len(ctx.captured_queries)
    return statistics.median(times), queries, status


def main(articles=500, repeats=30):
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("make_corpus", str(articles), verbosity=0)
        from articles.models import Article, Entity

        article = Article.objects.published().first()
        entity = Entity.objects.with_article_counts().order_by("-article_count").first()
        pages = ["/the-peninsula/", "/the-peninsula/?page=5", article.get_absolute_url(), entity.get_absolute_url(),
                 "/tags/"]
        client = Client()
        lines = [f"{articles} articles, median of {repeats} requests, {connection.vendor}, "
                 f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]}",
                 f"{'page':45} {'fresh ms':>9} {'q':>3} {'cached ms':>10} {'q':>3} {'304 ms':>7}"]
        for url in pages:
            fresh, fresh_q, _ = timed(client, url, repeats, clear=True)
            client.get(url)
            cached, cached_q, _ = timed(client, url, repeats)
            etag = client.get(url)["ETag"]
            revalidated, _, status = timed(client, url, repeats, HTTP_IF_NONE_MATCH=etag)
            assert status == 304, url
            lines.append(f"{url[:45]:45} {fresh:9.2f} {fresh_q:3} {cached:10.2f} {cached_q:3} {revalidated:7.2f}")
        report = "\n".join(lines)
        print(report)
        results = ROOT / "bench" / "results"
        results.mkdir(parents=True, exist_ok=True)
        (results / "page_cache.txt").write_text(report + "\n")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
