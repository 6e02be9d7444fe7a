"""Benchmark: entity matching time per 900-word article with the shipped gazetteer.

    .venv/bin/python bench/entity_matching.py [--words 900] [--runs 200]

Loads fixtures/entities.json (and the reference fixture's entities) as unsaved Entity rows, builds
articles of N words from the labelled evaluation set's bodies, and prints the best and median time per
article (CPU time) of known-entity matching (what imports run) and of the full analysis with new-name candidates
(what the admin's suggestions run), plus the gazetteer's compile time. No database is needed.
"""
import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")


def timed(function, runs):
    """(best, median) CPU milliseconds: process time, so other work on a shared machine does not count."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times) * 1000, statistics.median(times) * 1000


def gazetteer_from_fixtures():
    """The shipped gazetteer (fixtures/entities.json, then the reference fixture's entities) as unsaved rows."""
    from articles.entities.matching import Gazetteer
    from articles.models import Entity

    rows = {}
    for path in ("fixtures/entities.json", "fixtures/the_peninsula.json"):
        for row in json.loads((ROOT / path).read_text(encoding="utf-8")):
            if row["model"] == "articles.entity":
                rows[row["fields"]["slug"]] = row["fields"]
    fields = ("name", "slug", "kind", "aliases", "demonyms", "offices")
    return Gazetteer([Entity(pk=pk, **{k: row.get(k, []) for k in fields}) for pk, row in enumerate(rows.values(), 1)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=900)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    import django

    django.setup()
    from articles.entities.evaluation import labelled_pages
    from articles.entities.suggestions import analyse

    start = time.perf_counter()
    gazetteer = gazetteer_from_fixtures()
    compile_ms = (time.perf_counter() - start) * 1000

    bodies = [body for _page, _item, _title, body, _on in labelled_pages(ROOT / "tests/entity_evaluation/labels.json")]
    words = " ".join(bodies).split()
    while len(words) < args.words * 11:  # at least ten articles, cycling the set if it is short
        words += words
    articles = [" ".join(words[i:i + args.words]) for i in range(0, len(words) - args.words, args.words)]
    on = datetime.date(2018, 6, 1)

    def known_only():
        for text in articles:
            gazetteer.matches(text, on=on)

    def full():
        for text in articles:
            analyse(text, gazetteer, on=on)

    print(f"gazetteer: {len(gazetteer.entities)} entities, {len(gazetteer.by_name)} names, aliases and demonyms; "
          f"compiled in {compile_ms:.0f} ms")
    print(f"{len(articles)} articles of {args.words} words, {args.runs} runs; load average {os.getloadavg()[0]:.1f}")
    for label, function in (("known-entity matching", known_only), ("matching + new-name candidates", full)):
        best, median = timed(function, args.runs)
        print(f"{label}: best {best / len(articles):.2f} ms, median {median / len(articles):.2f} ms per article")


if __name__ == "__main__":
    main()
