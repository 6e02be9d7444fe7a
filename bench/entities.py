"""Benchmark: server time of an entity page and an article page (related articles) at N articles.

    DATABASE_URL=postgres://… .venv/bin/python bench/entities.py [--articles 10000] [--runs 20]

Builds the corpus with `make_corpus` in the database DATABASE_URL names (SQLite file by default:
bench/results/bench.sqlite3), then times Django's test client (full request/response, no network)
and prints the median and worst time per page with its SQL query count.
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
(ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'results' / 'bench.sqlite3'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article, Entity

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("make_corpus", args.articles, "--no-progress", verbosity=0)
    with connection.cursor() as cursor:  # planner statistics, as a production database keeps them
        cursor.execute("ANALYZE")
    busiest = Entity.objects.annotate(n=Count("article_links")).order_by("-n").first()
    article = Article.objects.published().filter(entity_links__tag=busiest).order_by("-published_at").first()
    client = Client()
    pages = {f"entity page /tag/{busiest.slug}/ ({busiest.n} articles)": busiest.get_absolute_url(),
             "article page (related articles)": article.get_absolute_url()}
    print(f"{connection.vendor}, {Article.objects.published().count()} published articles")
    for label, url in pages.items():
        client.get(url)  # warm up
        timings = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, url
        print(f"{label}: median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms, "
              f"{len(queries)} queries")


if __name__ == "__main__":
    main()
