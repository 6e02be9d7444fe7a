"""Requests/s and p50/p99 latency of the archive's busiest pages under gunicorn, beside the ceiling:
the same article HTML served as a static file by whitenoise. Run with `make bench`.

Writes bench/results/bench.md (a README-ready table) and prints it.
"""
import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness  # noqa: E402


def pick_targets():
    """Real URLs from the corpus: one of each kind of page the readers hit."""
    from django.db.models import Count

    from articles.models import Article, Entity

    published = Article.objects.published()
    article = published.order_by("-published_at")[20]
    entity = (Entity.objects.filter(article_links__content_object__in=published)
              .annotate(n=Count("article_links")).order_by("-n").first())
    word = article.title.split()[0].lower()
    last_page = (published.count() + 9) // 10
    return {
        "article page": article.get_absolute_url(),
        "index page 1": "/the-peninsula/",
        f"index page 300 (of {last_page})": "/the-peninsula/?page=300",
        f"entity page ({entity.article_links.count()} articles)": entity.get_absolute_url(),
        f"search ?q={word}": f"/search/?q={word}",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    args = parser.parse_args()

    harness.prepare()
    targets = pick_targets()
    ceiling_path = "/static/bench/article.html"
    with harness.Gunicorn() as server:
        html = harness.fetch(targets["article page"])
    # Whitenoise indexes static files when it starts: write the page, then start afresh.
    ceiling_file = harness.STATIC_ROOT / "bench" / "article.html"
    ceiling_file.parent.mkdir(parents=True, exist_ok=True)
    ceiling_file.write_bytes(html)

    rows = []
    with harness.Gunicorn() as server:
        assert harness.fetch(ceiling_path) == html
        for name, path in [*targets.items(), ("same article HTML as a static file (ceiling)", ceiling_path)]:
            url = harness.BASE_URL + path
            harness.run_wrk(url, duration=2, connections=args.connections)  # warm caches and workers
            result = harness.run_wrk(url, duration=args.duration, connections=args.connections)
            rows.append((name, path, result))
            print(f"{name}: {result}", flush=True)
        fives = server.count_5xx()

    lines = [
        f"Machine: {harness.machine()}; {harness.describe_setup()}; gunicorn "
        f"{harness.server_env().get('WEB_CONCURRENCY', 2 * os.cpu_count() + 1)} workers; "
        f"wrk {args.connections} connections x {args.duration} s per page; corpus {harness.ARTICLES} articles.",
        "",
        "| page | requests/s | p50 ms | p99 ms | errors | non-2xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, path, r in rows:
        lines.append(f"| {name} `{path}` | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p99_ms']:.1f} | "
                     f"{r['errors']} | {r['non_2xx']} |")
    lines.append(f"\n5xx answers in gunicorn's access log: {fives}.")
    report = "\n".join(lines)
    (harness.RESULTS / "bench.md").write_text(report + "\n")
    print("\n" + report)
    return 1 if fives or any(r["errors"] or r["non_2xx"] for _, _, r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
