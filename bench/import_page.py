"""Benchmark: import N saved page texts and N saved web pages (default 1,000 each) with import_page.

    .venv/bin/python bench/import_page.py [N]          # SQLite in a temporary folder
    DATABASE_URL=postgres://… .venv/bin/python bench/import_page.py
    make bench-import-page

The pages are generated here in every shape the importer reads (the current site with and
without chrome, the old blog's "By A, B, and C" with dates in other formats, series notes,
subheadings and lists; web pages with meta tags, JSON-LD or a "Posted on" line). Each kind is
imported in a child process of its own, once (all created) and again (all unchanged), so each
line's peak memory (max RSS) is that import's alone. Goal: under 60 s for each N = 1,000.
"""
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORDS = ("peninsula alliance trade sanctions summit missile economy reform talks envoy market border "
         "security policy treaty exports growth minister dialogue pressure engagement Seoul Pyongyang "
         "Beijing Washington tariffs investment").split()
AUTHORS = ["Troy Stangarone", "Kyle Ferrier", "Jenna Gibson", "Mark Tokola", "Phil Eskeland", "Nicholas Borst",
           "Abraham Kim", "Sarah Ryu", "Juni Kim", "Hyun-Binn Cho"]
CATEGORIES = ["North Korea", "Economics", "Security", "Current Events", "South Korea"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def sentence(rng, words=18):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(4))


def post(rng, n):
    year, month, day = 2009 + n % 12, 1 + n % 12, 1 + n % 28
    names = rng.sample(AUTHORS, 1 + n % 3)
    byline = names[0] if len(names) == 1 else (" and ".join(names) if len(names) == 2
                                                else f"{names[0]}, {names[1]}, and {names[2]}")
    body = [paragraph(rng) for _ in range(6)]
    body.insert(3, f"What {rng.choice(WORDS).title()} Means for {rng.choice(WORDS).title()}")
    body.insert(5, "\n".join(f"- {sentence(rng, 6)}" for _ in range(3)))
    return {"title": f"Post {n}: {rng.choice(WORDS).title()} and {rng.choice(WORDS).title()}", "names": names,
            "byline": byline, "date": (year, month, day), "category": rng.choice(CATEGORIES), "body": body,
            "note": f"{names[0]} writes for the Korea Economic Institute of America. The views expressed here are "
                    "the author’s alone."}


def text_page(p, n):
    year, month, day = p["date"]
    body = "\n\n".join(p["body"])
    if n % 3 == 0:  # the current site, chrome and all
        return (f"Search All Site Content\n\nTotal Index: 6296 publications.\n\nThe Peninsula\n\n{p['title']}\n\n"
                f"Published {MONTHS[month - 1]} {day}, {year}\nCategory: {p['category']}\n\nBy {p['byline']}\n\n"
                f"{body}\n\n{p['note']}\n\nPhoto from a photostream on flickr.\n\nReturn to the Peninsula\n\n"
                "Stay Informed\nRegister to receive updates from KEI\n")
    if n % 3 == 1:  # the old blog: byline first, a day-month-year date
        return f"{p['title']}\n\nBy {p['byline']}\n\n{day} {MONTHS[month - 1]} {year}\n\n{body}\n\n{p['note']}\n"
    return (f"{p['title']}\n\nThis is part of a series on {p['category']}.\n\nBy {p['byline']}\n\n"
            f"Posted on {year}-{month:02d}-{day:02d}\n\n{body}\n\n{p['note']}\n")


def html_page(p, n):
    year, month, day = p["date"]
    blocks = []
    for block in p["body"]:
        if block.startswith("- "):
            blocks.append("<ul>" + "".join(f"<li>{line[2:]}</li>" for line in block.splitlines()) + "</ul>")
        elif len(block) < 60:
            blocks.append(f"<h2>{block}</h2>")
        else:
            blocks.append(f"<p>{block.replace('market', '<em>market</em>', 1)}</p>")
    if n % 2:
        head = (f'<meta property="og:title" content="{p["title"]}">'
                f'<meta property="article:published_time" content="{year}-{month:02d}-{day:02d}T10:00:00-05:00">'
                f'<meta name="author" content="{p["names"][0]}">'
                f'<meta property="article:section" content="{p["category"]}">')
        header = f"<p>By {p['byline']}</p>"
    else:
        head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BlogPosting", '
                f'"headline": "{p["title"]}", "datePublished": "{year}-{month:02d}-{day:02d}", '
                f'"articleSection": "{p["category"]}"}}</script>')
        header = f"<div class='meta'>Posted on {MONTHS[month - 1]} {day}, {year}</div><p>By {p['byline']}</p>"
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{p['title']} | The Peninsula</title>{head}"
            "</head><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/about/'>About</a></li></ul></nav>"
            f"<main><article><h1>{p['title']}</h1>{header}<div class='entry-content'>{''.join(blocks)}</div>"
            f"<p class='note'>{p['note']}</p></article></main><aside><h3>Recent Posts</h3><ul><li><a href='/x'>"
            "Another post</a></li></ul></aside><footer><p>Stay Informed</p></footer></body></html>")


def write_pages(folder, count, kind):
    rng = random.Random(2015)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        p = post(rng, n)
        path = folder / (f"post-{n:05d}.html" if kind == "html" else f"post-{n:05d}.txt")
        path.write_text(html_page(p, n) if kind == "html" else text_page(p, n), encoding="utf-8")
        paths.append(str(path))
    return paths


def run_import(kind, folder):
    """In a child process: import every page of `folder` twice, printing times and this process's peak memory."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    paths = sorted(str(path) for path in folder.iterdir())
    size = sum(Path(path).stat().st_size for path in paths)
    print(f"{kind}: {len(paths):,} pages, {size / 1e6:.1f} MB ({os.environ['DATABASE_URL'].split(':')[0]})")
    for label in ("first import (creates)", "second import (unchanged)"):
        started, cpu = time.perf_counter(), time.process_time()
        call_command("import_page", *paths, "--no-progress", stdout=open(os.devnull, "w"))
        print(f"  {label}: {time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")
    print(f"  peak memory (max RSS of this import's process): "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        return run_import(sys.argv[2], Path(sys.argv[3]))
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
    workdir = Path(tempfile.mkdtemp(prefix="bench-import-page-"))
    for kind in ("text", "html"):
        folder = workdir / kind
        write_pages(folder, count, kind)
        env = dict(os.environ, DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "archive.settings_test"))
        env.setdefault("DATABASE_URL", f"sqlite:///{workdir / f'{kind}.sqlite3'}")
        subprocess.run([sys.executable, __file__, "--child", kind, str(folder)], env=env, check=True)
    return None


if __name__ == "__main__":
    main()
