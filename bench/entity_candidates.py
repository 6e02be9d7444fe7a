"""Compare new-name finders on the labelled set: the hand-written one and spaCy's small English pipeline.

    .venv/bin/python bench/entity_candidates.py [--spacy-python PATH] [--model en_core_web_sm]

New names are proper names the gazetteer does not know; each labelled article lists them with their kind
("new" in tests/entity_evaluation/labels.json). Both finders' names go through the same filter the
suggestion engine applies (known names and names made only of known names are dropped), then are scored:
precision and recall of names (by name key), kind accuracy on the names both found rightly, and CPU time
per article. spaCy runs in the interpreter --spacy-python names (a separate venv, so the project does not
depend on it); without it only the hand-written finder is scored.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
LABELS = ROOT / "tests" / "entity_evaluation" / "labels.json"
SPACY_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place",
               "EVENT": "topic", "LAW": "topic", "WORK_OF_ART": "topic", "PRODUCT": "topic"}


def new_names(gazetteer, text, title_length, candidates):
    """The engine's filter: body only, not known, not made only of known names. {key: kind}."""
    from articles.entities.suggestions import has_own_words

    matches = gazetteer.matches(text)
    kept = {}
    for c in candidates:
        if c.start < title_length or gazetteer.knows(c.name) or c.key in kept:
            continue
        inside = [m for m in matches if m.start >= c.start and m.end <= c.end]
        overlapping = [m for m in matches if m.start < c.end and m.end > c.start]
        if overlapping and (len(inside) != len(overlapping) or not has_own_words(text, c, inside)):
            continue
        kept[c.key] = c.kind
    return kept


def spacy_names(args, gazetteer, pages):
    """(label, ([found names per page], seconds per page)) from spaCy run in `args.spacy_python`."""
    from articles.entities.candidates import Candidate

    out = subprocess.run([args.spacy_python, str(ROOT / "bench" / "spacy_entities.py"), args.model],
                         input=json.dumps([text for _item, text, _t in pages]), capture_output=True, text=True,
                         check=True)
    spacy_out = json.loads(out.stdout)
    found = []
    for (_item, text, t), ents in zip(pages, spacy_out["entities"]):
        candidates = []
        for name, label, start, end in ents:
            if label not in SPACY_KINDS:
                continue
            # spaCy's spans keep a leading article and a possessive ("the Bank of Korea's"); names do not.
            bare = re.sub(r"^(?:[Tt]he)\s+", "", name)
            start += len(name) - len(bare)
            bare = re.sub(r"['’]s$", "", bare)
            candidates.append(Candidate(bare, SPACY_KINDS[label], start, start + len(bare)))
        found.append(new_names(gazetteer, text, t, candidates))
    return f"spaCy {spacy_out['spacy']}, {spacy_out['model']}", (found, spacy_out["seconds"] / len(pages))


def print_table(pages, results):
    from articles.names import name_key

    words = sum(len(text.split()) for _item, text, _t in pages) / len(pages)
    expected = [{name_key(n["name"]): n["kind"] for n in item["new"]} for item, _text, _t in pages]
    total = sum(len(e) for e in expected)
    print(f"{len(pages)} articles (about {words:.0f} words each), {total} labelled new names")
    print("| finder | precision | recall | kind right | CPU ms per 1,000 words |")
    print("| --- | --- | --- | --- | --- |")
    for label, (found, seconds) in results.items():
        tp = sum(len(set(f) & set(e)) for f, e in zip(found, expected))
        kinds = sum(f[k] == e[k] for f, e in zip(found, expected) for k in set(f) & set(e))
        n_found = sum(len(f) for f in found)
        print(f"| {label} | {tp / n_found if n_found else 1:.3f} | {tp / total:.3f} | "
              f"{kinds / tp if tp else 0:.3f} | {seconds * 1000 * 1000 / words:.1f} |")
    if os.environ.get("SHOW"):
        for (item, _text, _t), e, *founds in zip(pages, expected, *[r[0] for r in results.values()]):
            print(item["page"], {"missed": [sorted(set(e) - set(f)) for f in founds],
                                 "spurious": [sorted(set(f) - set(e)) for f in founds]})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spacy-python", help="A Python with spaCy and the model installed.")
    parser.add_argument("--model", default="en_core_web_sm")
    args = parser.parse_args()

    import django

    django.setup()
    from bench.entity_matching import gazetteer_from_fixtures
    from articles.entities.candidates import find_candidates
    from articles.entities.evaluation import labelled_pages

    gazetteer = gazetteer_from_fixtures()
    pages = [(item, f"{title}.\n{body}", len(title) + 2) for _p, item, title, body, _on in labelled_pages(LABELS)
             if "new" in item]
    start = time.process_time()
    hand = [new_names(gazetteer, text, t, find_candidates(text)) for _item, text, t in pages]
    results = {"hand-written (candidates.py)": (hand, (time.process_time() - start) / len(pages))}
    if args.spacy_python:
        label, found = spacy_names(args, gazetteer, pages)
        results[label] = found
    print_table(pages, results)

if __name__ == "__main__":
    main()
