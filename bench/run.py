"""Requests/s and p50/p99 latency of the archive's busiest pages under gunicorn, side by side with the
Wagtail peer (../shared/peers/wagtail, see bench/peer.py) and beside the ceiling: the same article HTML
served as a static file by whitenoise. Run with `make bench`.

Interleaved: for each page kind, ROUNDS x (peer, project), so the shared machine's noise hits both alike;
ratios from one run are what counts. Without the peer folder the peer column is skipped with a message.
Both serve with 2 sync gunicorn workers (WEB_CONCURRENCY) on SQLite, as the peer's README asks.
Writes bench/results/bench.md (a README-ready table) and prints it.
"""
import argparse
import os
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("WEB_CONCURRENCY", "2")

from bench import harness, peer  # noqa: E402


def pick_targets():
    """Real URLs from the corpus, one of each kind the peer serves: {peer page name: (label, path)}."""
    from django.db.models import Count

    from articles.models import Article, Category

    published = Article.objects.published()
    total = published.count()
    article = published.order_by("pk")[total // 2]  # the peer times its median-pk post
    category = Category.objects.annotate(n=Count("articles")).order_by("-n").first()
    word = os.environ.get("BENCH_SEARCH_WORD", "semiconductor")
    last_page = (total + 9) // 10
    return {
        "post": ("article page", article.get_absolute_url()),
        "index1": ("index page 1", "/the-peninsula/"),
        "index300": (f"index page 300 (of {last_page})", "/the-peninsula/?page=300"),
        "tag": (f"category page ({category.n} articles) vs tag page", category.get_absolute_url()),
        "search": (f"search ?q={word}", f"/search/?q={word}"),
    }


# wrk's --timeout: a slow page (the peer's search takes seconds) queues behind 2 sync workers for longer
# than wrk's default, and answers that late would be left out of the counts, as the peer's own bench.sh says.
WRK_TIMEOUT = 30
CEILING_PATH = "/static/bench/article.html"  # the article page as a static file: the ceiling


def warm(url, requests=10, seconds=15):
    """A few requests one after another, as compare.sh does: caches and both workers warmed without a
    wrk run, which would leave a slow page's queued requests for the timed run to wait behind."""
    deadline = time.monotonic() + seconds
    for _ in range(requests):
        with urllib.request.urlopen(url, timeout=WRK_TIMEOUT) as response:
            response.read()
        if time.monotonic() > deadline:
            break


def timed(url, args):
    warm(url)
    result = harness.run_wrk(url, duration=args.duration, connections=args.connections, timeout=WRK_TIMEOUT)
    settle(url)
    return result


def settle(url):
    """Wait until the server has worked off what wrk left queued. Sync workers still answer the requests
    wrk's closed connections sent (a slow page leaves up to one per connection), and that work would
    take the CPU from the next server timed; one more request answers only once the queue is through."""
    with urllib.request.urlopen(url, timeout=4 * WRK_TIMEOUT) as response:
        response.read()


def mean(results, key):
    return sum(r[key] for r in results) / len(results)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and round (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds per page (default 2)")
    parser.add_argument("--no-peer", action="store_true", help="skip the Wagtail peer")
    return parser.parse_args()


def write_ceiling(path):
    """The article page's HTML as a static file: the fastest the server could answer it."""
    with harness.Gunicorn():
        html = harness.fetch(path)
    # Whitenoise indexes static files when it starts: write the page, then start afresh.
    ceiling_file = harness.STATIC_ROOT / "bench" / "article.html"
    ceiling_file.parent.mkdir(parents=True, exist_ok=True)
    ceiling_file.write_bytes(html)
    return html


def peer_wanted(args):
    use_peer = not args.no_peer and peer.available()
    if args.no_peer:
        print("--no-peer: peer column skipped.", flush=True)
    elif not use_peer:
        print(f"No Wagtail peer at {peer.PEER_DIR} (set PEER_DIR) or on {peer.PEER_BASE}: peer column skipped.",
              flush=True)
    return use_peer


def measure_pages(args, targets, peer_urls, html):
    """[(label, path, our wrk results, the peer's)], the ceiling's results, and the 5xx count."""
    rows = []
    with harness.Gunicorn() as server:
        assert harness.fetch(CEILING_PATH) == html
        for name, (label, path) in targets.items():
            ours, theirs = [], []
            for _ in range(args.rounds):
                if name in peer_urls:
                    theirs.append(timed(peer_urls[name], args))
                ours.append(timed(harness.BASE_URL + path, args))
            rows.append((label, path, ours, theirs))
            print(f"{label}: project {mean(ours, 'rps'):.0f} req/s"
                  + (f", peer {mean(theirs, 'rps'):.0f} req/s" if theirs else ""), flush=True)
        ceiling = [timed(harness.BASE_URL + CEILING_PATH, args) for _ in range(args.rounds)]
        return rows, ceiling, server.count_5xx()


def report_lines(args, rows, ceiling, use_peer, fives):
    top = mean(ceiling, "rps")
    lines = [
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Machine: {harness.machine()}; "
        f"{harness.describe_setup()}; gunicorn {harness.server_env()['WEB_CONCURRENCY']} sync workers; "
        f"wrk {args.connections} connections x {args.duration} s, {args.rounds} interleaved rounds per page; "
        f"corpus {harness.ARTICLES} articles.",
        "",
        "| page | Wagtail req/s | project req/s | project / Wagtail | project p50 ms | p99 ms | "
        "% of static ceiling | errors | non-2xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, path, ours, theirs in rows:
        rps = mean(ours, "rps")
        peer_rps = f"{mean(theirs, 'rps'):.0f}" if theirs else "-"
        ratio = f"{rps / mean(theirs, 'rps'):.1f}x" if theirs and mean(theirs, "rps") else "-"
        lines.append(f"| {label} `{path}` | {peer_rps} | {rps:.0f} | {ratio} | {mean(ours, 'p50_ms'):.1f} | "
                     f"{mean(ours, 'p99_ms'):.1f} | {100 * rps / top:.0f}% | {sum(r['errors'] for r in ours)} | "
                     f"{sum(r['non_2xx'] for r in ours)} |")
    lines.append(f"| same article HTML as a static file (ceiling) `{CEILING_PATH}` | - | {top:.0f} | - | "
                 f"{mean(ceiling, 'p50_ms'):.1f} | {mean(ceiling, 'p99_ms'):.1f} | 100% | "
                 f"{sum(r['errors'] for r in ceiling)} | {sum(r['non_2xx'] for r in ceiling)} |")
    if not use_peer:
        lines.append("\nNo Wagtail peer column: the peer folder was not found.")
    lines.append(f"\n5xx answers in gunicorn's access log: {fives}.")
    return lines


def main():
    args = parse_args()
    harness.prepare()
    targets = pick_targets()
    html = write_ceiling(targets["post"][1])
    use_peer = peer_wanted(args)
    peer_context = peer.Peer() if use_peer else None
    peer_urls = peer_context.__enter__() if peer_context else {}
    try:
        rows, ceiling, fives = measure_pages(args, targets, peer_urls, html)
    finally:
        if peer_context:
            peer_context.__exit__(None, None, None)

    report = "\n".join(report_lines(args, rows, ceiling, use_peer, fives))
    (harness.RESULTS / "bench.md").write_text(report + "\n")
    print("\n" + report)
    bad = any(r["errors"] or r["non_2xx"] for _, _, ours, _ in rows for r in ours)
    return 1 if fives or bad else 0

if __name__ == "__main__":
    sys.exit(main())
