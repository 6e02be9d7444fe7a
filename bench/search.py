"""Search benchmark: 50 fixed queries against corpora of N articles, on SQLite and PostgreSQL.

    .venv/bin/python bench/search.py                      # N = 6300 and 100000, both backends
    .venv/bin/python bench/search.py --sizes 6300 --backends sqlite

Each (backend, N) runs in its own process against its own database (bench/.data/search-N.sqlite3,
or PG_BENCH_URL + "_N"), never db.sqlite3. A missing corpus is built with
`manage.py make_corpus N` (which fills the search index through articles_bulk_created).
Prints p50/p95 of the search function (count + first page with highlights), of the whole
/search/ page rendered afresh for words first asked in the content generation (facets, cards,
template, every query), of the same page asked again with the page cache off (the generation's
facet counts and result cards kept, as on a running site), of the page from the page cache, and
of a naive icontains baseline.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "bench" / ".data"

# (q, extra query string): single words common and rare, phrases, prefixes, exclusions,
# names, misspellings, and the same with facet filters and the date sort.
QUERIES = [
    ("sanctions", ""), ("trade", ""), ("nuclear", ""), ("tariffs", ""), ("summit", ""), ("pipeline", ""),
    ("officials", ""), ("regime", ""), ("currency", ""), ("inflation", ""),
    ("Semiconductors", ""), ("Shipbuilding", ""), ("Cybersecurity", ""), ("Demographics", ""), ("Tourism", ""),
    ("Tanaka", ""), ("Petrov", ""), ("Maritime Agency", ""), ("Development Bank", ""), ("Namsan", ""),
    ('"new sanctions on shipping"', ""), ('"trade agreement"', ""), ('"joint military exercises"', ""),
    ('"currency swap"', ""), ('"family reunions"', ""), ('"after talks broke down"', ""),
    ('"humanitarian assistance"', ""), ('"export controls"', ""),
    ("nuclear talks", ""), ("energy subsidies pipeline", ""), ("steel tariffs", ""),
    ("semicond", ""), ("shipbui", ""), ("cyberse", ""),
    ("sanctions -shipping", ""), ("trade -tariffs", ""), ("sanctoins", ""), ("zzyzx", ""),
    ("sanctions", "category=economics"), ("trade", "year=2015"), ("nuclear", "entity=sanctions"),
    ("Semiconductors", "category=technology"), ('"trade agreement"', "year=2020&category=trade"),
    ("tariffs", "author={author}"), ("Tanaka", "year=2018"), ("summit", "entity=missiles&category=security"),
    ("sanctions", "sort=date"), ("Shipbuilding", "sort=date"), ("trade", "page=5"), ("pipeline", "sort=date&page=3"),
]
assert len(QUERIES) == 50


def database_url(backend, size):
    if backend == "sqlite":
        return f"sqlite:///{DATA / f'search-{size}.sqlite3'}"
    return os.environ.get("PG_BENCH_URL", "postgres://postgres@127.0.0.1:5432/peninsula_w4_bench") + f"_{size}"


def prepare(backend, size, env):
    """Create the database, migrate, and build the corpus if it is not there yet."""
    if backend == "postgresql":
        import psycopg

        url = env["DATABASE_URL"]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            name = url.rsplit("/", 1)[1]
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    # make_corpus skips existing articles but reindexes them all: run it only when some are missing.
    if corpus_size(backend, env["DATABASE_URL"]) < size:
        built = database_url("sqlite", size)
        if backend == "postgresql" and corpus_size(backend, env["DATABASE_URL"]) == 0 and \
                Path(built.removeprefix("sqlite:///")).exists() and corpus_size("sqlite", built) == size:
            # The same corpus, copied from the SQLite one: minutes instead of an hour at 100,000.
            from bench.copy_corpus import copy

            copy(built.removeprefix("sqlite:///"), env["DATABASE_URL"])
            subprocess.run([*manage, "rebuild_search_index", "--no-progress"], env=env, check=True, cwd=ROOT)
            import psycopg

            with psycopg.connect(env["DATABASE_URL"], autocommit=True) as conn:
                conn.execute("VACUUM ANALYZE")  # also moves the GIN indexes' pending entries into place
        else:
            subprocess.run([*manage, "make_corpus", str(size)], env=env, check=True, cwd=ROOT)


def corpus_size(backend, url):
    sql = "SELECT count(*) FROM articles_article WHERE slug LIKE 'corpus-%'"
    if backend == "sqlite":
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return conn.execute(sql).fetchone()[0]
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql).fetchone()[0]


def percentiles(samples):
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def with_query(q, extra):
    from django.http import QueryDict

    params = QueryDict(extra, mutable=True)
    params["q"] = q
    return params


def search_function(q, extra):
    """The search itself: the count and the first page with highlights."""
    from articles.search.forms import SearchForm

    results = SearchForm(with_query(q, extra)).results()
    return results.count(), results[0:10]


def search_page(client, q, extra, cached=False):
    from bench.search_cpu import use_page_cache

    use_page_cache(cached)
    # One query string: given both, the test client would drop the path's for the data's.
    response = client.get(f"/search/?{with_query(q, extra).urlencode()}")
    assert response.status_code == 200, (q, extra, response.status_code)
    assert b'class="result-count"' in response.content, (q, extra)


def baseline(q, extra):
    """What a plain icontains search over every published article would cost."""
    from articles.models import Article

    articles = Article.objects.published().matching_words(q.replace('"', "").replace("-", " "))
    return articles.count(), list(articles.for_cards().newest_first()[:10])


def make_clock(clock_kind):
    from django.db import connection

    def clock():
        if clock_kind == "wall":
            return time.perf_counter()
        # CPU time: this process's (Django, and SQLite, which runs in it), plus the PostgreSQL server
        # process's serving this connection, read from /proc (the server is on 127.0.0.1).
        spent = time.process_time()
        if connection.vendor == "postgresql" and connection.connection is not None:
            with open(f"/proc/{connection.connection.info.backend_pid}/schedstat") as stat:
                spent += int(stat.read().split()[0]) / 1e9
        return spent
    return clock


def best_time(clock, fn, runs, before=None):
    times = [float("inf")]
    for _ in range(runs):
        if before:
            before()
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)


def measure(repeat, baseline_runs, clock_kind):
    """Run in the child process, with Django set up on the benchmark database."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from articles.models import Article, Author
    from bench.search_cpu import forget_searches, use_page_cache

    author = Author.objects.filter(slug__startswith="corpus-").order_by("pk").values_list("slug", flat=True).first()
    client, clock = Client(), make_clock(clock_kind)
    # The page as rendered afresh: the page cache off for search (the generation's facet counts are still
    # kept, as on a running site); "cached" times the same page served from the page cache.
    use_page_cache(False)

    rows = {"function": [], "first": [], "page": [], "cached": [], "baseline": [], "matches": []}
    for q, extra in QUERIES:
        extra = extra.format(author=author)
        search_page(client, q, extra)  # warm the caches once, as a running site has them
        rows["function"].append(best_time(clock, lambda: search_function(q, extra), repeat))
        rows["first"].append(best_time(clock, lambda: search_page(client, q, extra), repeat, before=forget_searches))
        rows["page"].append(best_time(clock, lambda: search_page(client, q, extra), repeat))
        search_page(client, q, extra, cached=True)
        rows["cached"].append(best_time(clock, lambda: search_page(client, q, extra, cached=True), repeat))
        rows["baseline"].append(best_time(clock, lambda: baseline(q, extra), baseline_runs) if baseline_runs
                                else float("nan"))
        rows["matches"].append(search_function(q, extra)[0])
    return {"vendor": connection.vendor, "articles": Article.objects.count(), **rows}

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[6300, 100_000])
    parser.add_argument("--backends", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    parser.add_argument("--repeat", type=int, default=3, help="runs per query; the fastest counts")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                        help="cpu (default): CPU time of this process and of its PostgreSQL server process, "
                             "steady on a shared machine; wall: elapsed time")
    parser.add_argument("--baseline-runs", type=int, default=1, help="0 skips the (slow) icontains baseline")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.repeat, args.baseline_runs, args.clock)))
        return
    DATA.mkdir(parents=True, exist_ok=True)
    unit = f"{args.clock} ms"
    table = [f"| backend | articles | search fn p50 / p95 ({unit}) | page, words first asked p50 / p95 ({unit}) | "
             f"search page p50 / p95 ({unit}) | cached page p50 / p95 ({unit}) | icontains p50 / p95 ({unit}) | "
             "page p95 speed-up |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for backend in args.backends:
        for size in args.sizes:
            env = {**os.environ, "DATABASE_URL": database_url(backend, size), "SECRET_KEY": "bench",
                   "DJANGO_SETTINGS_MODULE": "archive.settings_test", "PYTHONPATH": str(ROOT)}
            env.pop("REDIS_URL", None)
            prepare(backend, size, env)
            out = subprocess.run([sys.executable, __file__, "--child", "--repeat", str(args.repeat), "--clock", args.clock,
                                  "--baseline-runs", str(args.baseline_runs)],
                                 env=env, check=True, cwd=ROOT, capture_output=True, text=True).stdout
            result = json.loads(out.strip().splitlines()[-1])
            fn, first, page, cached, base = (percentiles(result[key])
                                             for key in ("function", "first", "page", "cached", "baseline"))
            table.append(f"| {result['vendor']} | {result['articles']:,} | {fn[0]:.1f} / {fn[1]:.1f} | "
                         f"{first[0]:.1f} / {first[1]:.1f} | {page[0]:.1f} / {page[1]:.1f} | "
                         f"{cached[0]:.1f} / {cached[1]:.1f} | "
                         f"{base[0]:.0f} / {base[1]:.0f} | {base[1] / page[1]:.0f}x |")
            print(table[-1], flush=True)
            slow = sorted(zip(result["page"], QUERIES, result["matches"]), reverse=True)[:5]
            print("   slowest pages: " + "; ".join(f"{q} {e} ({n} matches) {t * 1000:.0f} ms" for t, (q, e), n in slow),
                  flush=True)
    print("\n".join(table))


if __name__ == "__main__":
    main()
