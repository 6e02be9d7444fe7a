"""The default shared cache: Django's FileBasedCache against diskcache's DjangoCache (SQLite, LRU).

    .venv/bin/python bench/cache_backends.py [ENTRIES] [VALUE_KB] [BOUND]

For each backend, in a throw-away directory: fills ENTRIES (default 20,000) page-like values of about
VALUE_KB (default 12) kilobytes, then times set (at that size), get (hit) and get (miss), medians and
p99 in ms. Then eviction: with a bound of BOUND entries (default 5,000; FileBasedCache's MAX_ENTRIES,
for diskcache the same volume in bytes), writes twice BOUND while a hot set (the generation key and 50
popular pages) is read every 100 writes, and reports how many of the hot keys survived and the write
times once the bound is reached.
The numbers go to bench/results/cache_backends.txt as well.
"""
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import django  # noqa: E402
from django.conf import settings  # noqa: E402

if not settings.configured:
    settings.configure()
django.setup()

from diskcache import DjangoCache  # noqa: E402
from django.core.cache.backends.filebased import FileBasedCache  # noqa: E402

ENTRIES = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
VALUE_KB = int(sys.argv[2]) if len(sys.argv) > 2 else 12
BOUND = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
SAMPLES = 1000
HOT = 50


def page(n):
    """A value shaped like a kept page: its HTML (varied, so it does not compress to nothing) and headers."""
    rng = random.Random(n)
    words = " ".join(rng.choice(("peninsula", "korea", "trade", "summit", "economy", "policy", "north"))
                     for _ in range(VALUE_KB * 1024 // 8))
    return {"content": f"<html><body><p>{n} {words}</p></body></html>".encode()[:VALUE_KB * 1024],
            "headers": [("Content-Type", "text/html; charset=utf-8")], "generation": n, "fresh_until": 2e9}


def backends(directory, entries):
    volume = entries * (VALUE_KB + 1) * 1024  # about `entries` values' worth of bytes
    return {
        "FileBasedCache": lambda: FileBasedCache(str(directory / "files"), {"OPTIONS": {"MAX_ENTRIES": entries}}),
        "diskcache DjangoCache (LRU)": lambda: DjangoCache(str(directory / "diskcache"), {
            "OPTIONS": {"size_limit": volume, "eviction_policy": "least-recently-used"}}),
    }


def timed(operation, keys):
    times = []
    for key in keys:
        start = time.perf_counter()
        operation(key)
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times):
    ordered = sorted(times)
    return f"{statistics.median(ordered):7.2f} / {ordered[int(len(ordered) * 0.99) - 1]:7.2f}"


def run(name, make, make_bounded):
    cache = make()
    values = [page(n) for n in range(64)]  # reused round-robin: building values is not what is timed
    for n in range(ENTRIES - SAMPLES):
        cache.set(f"page:{n}", values[n % 64], None)
    sets = timed(lambda n: cache.set(f"page:{n}", values[n % 64], None), range(ENTRIES - SAMPLES, ENTRIES))
    rng = random.Random(1)
    hits = timed(lambda n: cache.get(f"page:{n}"), [rng.randrange(ENTRIES) for _ in range(SAMPLES)])
    misses = timed(lambda n: cache.get(f"absent:{n}"), range(SAMPLES))
    row = f"| {name} | {ENTRIES:,} | {summary(sets)} | {summary(hits)} | {summary(misses)} |"

    # Eviction: the bound is reached; a hot set is read all along, as readers and every request do.
    cache.clear()
    cache = make_bounded()
    hot = ["content-generation", *(f"popular:{n}" for n in range(HOT))]
    cache.set("content-generation", 1, None)
    for key in hot[1:]:
        cache.set(key, values[0], None)
    busy = []
    for n in range(2 * BOUND):
        if n % 100 == 0:
            for key in hot:
                cache.get(key)
        start = time.perf_counter()
        cache.set(f"page:{n}", values[n % 64], None)
        if n >= BOUND:
            busy.append((time.perf_counter() - start) * 1000)
    survived = sum(cache.get(key) is not None for key in hot)
    eviction = f"| {name} | {survived} of {len(hot)} | {summary(busy)} |"
    return row, eviction


def main():
    directory = Path(tempfile.mkdtemp(prefix="peninsula-cache-bench-"))
    try:
        rows, evictions = [], []
        unbounded = backends(directory / "timing", 10 * ENTRIES)  # no eviction while timing
        bounded = backends(directory / "eviction", BOUND)
        for name, make in unbounded.items():
            row, eviction = run(name, make, bounded[name])
            rows.append(row)
            evictions.append(eviction)
            print(row, eviction, sep="\n", flush=True)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    text = "\n".join([
        f"{ENTRIES:,} entries of {VALUE_KB} KB; ms, median / p99",
        "", "| backend | entries | set | get (hit) | get (miss) |", "| --- | ---: | ---: | ---: | ---: |", *rows,
        "", f"Eviction: bound {BOUND:,} entries, {2 * BOUND:,} written, the generation key and {HOT} "
        "popular pages read every 100 writes", "",
        "| backend | hot keys kept | set while at the bound |", "| --- | ---: | ---: |", *evictions, ""])
    out = ROOT / "bench" / "results" / "cache_backends.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
