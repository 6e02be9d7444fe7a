"""Hostile shapes at two sizes: what the site does with each (check, compare, sanitise, match) must cost
about twice as much for twice the input. `make bench-hostile`; exits 1 if any shape is superlinear.

Each shape goes through the path an editor's post takes: the article form's body field (limits, then
the has-changed comparison with the stored body) and, when accepted, the save's sanitising and plain
text; the alias shape builds the entity matcher and matches an article naming it. Best of five runs
per size, CPU time of this process (no server): the time for 2N must be at most RATIO_LIMIT x the time for N.
"""
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402

from articles.admin.forms import HTMLTextField  # noqa: E402
from articles.entities.matching import Gazetteer, _COMPILED  # noqa: E402
from articles.html import html_to_text, sanitize_html  # noqa: E402
from articles.html_limits import markup_problem  # noqa: E402
from articles.models import Entity  # noqa: E402

RATIO_LIMIT = 2.5
STORED = "<p>The stored body.</p>"


def post_body(body):
    """The article form's work on a posted body: validate, compare with the stored one, sanitise on save."""
    markup_problem.cache_clear()  # every run pays the whole check
    field = HTMLTextField(required=False)
    try:
        value = field.clean(body)
    except ValidationError:
        return "refused"
    field.has_changed(STORED, value)
    html_to_text(sanitize_html(value))
    return "accepted"


def alias_match(n):
    _COMPILED.clear()
    alias = "Long " + "a" * n
    entity = Entity(name="Longname", kind="topic", aliases=[alias, alias[:-1] + "b"])
    gazetteer = Gazetteer([entity])
    found = gazetteer.matches(f"We read {alias} today. " * 3)
    return f"{len(found)} matches"


SHAPES = [
    # name, (N, 2N), what the input is, the run
    ("nested <div>", 20_000, "`<div>` x N", lambda n: post_body("<div>" * n + "x" + "</div>" * n)),
    ("nested <blockquote>, unclosed", 20_000, "`<blockquote>` x N", lambda n: post_body("<blockquote>" * n)),
    ("formatting left open", 10_000, "`<p><b id=i></p>` x N",
     lambda n: post_body("".join(f'<p><b id="{i}"></p>' for i in range(n)))),
    ("run of spaces", 40_000, "`<p>a` + N spaces and newlines + `b</p>`",
     lambda n: post_body("<p>a" + " \n" * (n // 2) + "b</p>")),
    ("huge attribute", 500_000, "`<a href=\"http://x/aaa…\">` with N characters",
     lambda n: post_body(f'<p><a href="http://example.org/{"a" * n}" title="{"b" * 100}">x</a></p>')),
    ("many tags", 50_000, "`<p><em>x</em></p>` x N", lambda n: post_body("<p><em>x</em></p>" * n)),
    ("many character references", 50_000, "`&amp;&#x1F600;&#1;` x N",
     lambda n: post_body("<p>" + "&amp;&#x1F600;&#1;" * n + "</p>")),
    ("character references, 10,000 a paragraph", 10, "`<p>` + `&amp; ` x 10,000 + `</p>` x N",
     lambda n: post_body(("<p>" + "&amp; " * 10_000 + "</p>") * n)),
    ("ampersands in a link", 100_000, "`<a href=\"http://x/?a=1&…\">` with N `&`",
     lambda n: post_body(f'<p><a href="http://example.org/?{"a=1&" * n}">x</a></p>')),
    ("unclosed `<` and tags", 200_000, "`<` x N, then `<a ` x N", lambda n: post_body("<" * n + "<a " * n)),
    ("long alias, compile + match", 5_000, "an alias of N characters", alias_match),
]


def best_time(run, n, repeat=5):
    outcome, times = None, []
    for _ in range(repeat):
        started = time.process_time()  # CPU time: other processes on the machine do not count
        outcome = run(n)
        times.append(time.process_time() - started)
    return min(times), outcome


def main():
    rows, failed = [], []
    for name, n, shape, run in SHAPES:
        small, outcome = best_time(run, n)
        large, _ = best_time(run, 2 * n)
        ratio = large / small if small else 1.0
        ok = ratio <= RATIO_LIMIT
        rows.append(f"| {name} | {shape} | {n:,} | {small * 1000:.1f} ms | {large * 1000:.1f} ms | {ratio:.2f} | "
                    f"{outcome} | {'pass' if ok else 'SUPERLINEAR'} |")
        if not ok:
            failed.append(name)
    print("| shape | input | N | time N | time 2N | ratio | outcome | |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- | --- |")
    print("\n".join(rows))
    if failed:
        print(f"superlinear (time for 2N over {RATIO_LIMIT}x time for N): {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
