"""Benchmark: generate a WordPress export of N posts (default 10,000) and import it twice.

    .venv/bin/python bench/import_wxr.py [N]            # SQLite in a temporary folder
    DATABASE_URL=postgres://… .venv/bin/python bench/import_wxr.py

Reports the file size, the first import's time (all created), the second's (all unchanged),
how much of it entity matching took, and the process's peak resident memory. Goal: under 60 s and under 300 MB for 10,000 posts.
"""
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORDS = ("peninsula alliance trade sanctions summit missile economy reform talks envoy market border "
         "security policy treaty exports growth minister dialogue pressure engagement").split()


def paragraph(rng, words=60):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def write_export(path, count, seed=2015):
    rng = random.Random(seed)
    authors = [f"writer{n}" for n in range(20)]
    categories = ["north-korea", "economics", "security", "current-events", "south-korea"]
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                  'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
                  'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
                  "<channel>\n<title>Bench</title>\n<wp:wxr_version>1.2</wp:wxr_version>\n")
        for login in authors:
            out.write(f"<wp:author><wp:author_login>{login}</wp:author_login>"
                      f"<wp:author_display_name>Writer {login[6:]}</wp:author_display_name></wp:author>\n")
        for t in range(200):  # WordPress lists every tag once at the top, as it does categories
            out.write(f"<wp:tag><wp:tag_slug>topic-{t}</wp:tag_slug><wp:tag_name>Topic {t}</wp:tag_name></wp:tag>\n")
        for slug in categories:
            out.write(f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename>"
                      f"<wp:cat_name>{slug.replace('-', ' ').title()}</wp:cat_name></wp:category>\n")
        for n in range(1, count + 1):
            content = "\n\n".join(paragraph(rng) for _ in range(8))  # about 500 words
            day = f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d} 12:00:00"
            tags = "".join(f'<category domain="post_tag" nicename="topic-{t}"><![CDATA[Topic {t}]]></category>'
                           for t in rng.sample(range(200), 3))
            out.write(f"""<item><title>{escape(f"Post {n}: {rng.choice(WORDS)} and {rng.choice(WORDS)}")}</title>
<link>https://blog.example.org/{day[:4]}/{day[5:7]}/post-{n}/</link>
<dc:creator>{rng.choice(authors)}</dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date_gmt>{day}</wp:post_date_gmt><wp:post_name>post-{n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="{rng.choice(categories)}"><![CDATA[x]]></category>{tags}
</item>
""")
        out.write("</channel>\n</rss>\n")


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    workdir = Path(tempfile.mkdtemp(prefix="bench-wxr-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings_test")
    import django
    from django.core.management import call_command

    django.setup()
    from articles.importers import entity_links

    matching = {"seconds": 0.0}
    known_entity_links = entity_links.known_entity_links

    def timed_links(*args, **kwargs):
        started = time.process_time()
        try:
            return known_entity_links(*args, **kwargs)
        finally:
            matching["seconds"] += time.process_time() - started

    entity_links.known_entity_links = timed_links
    call_command("migrate", verbosity=0)
    # The whole gazetteer, as `make run` loads it: entity matching runs against every name and alias.
    call_command("loaddata", str(ROOT / "fixtures" / "entities.json"), str(ROOT / "fixtures" / "the_peninsula.json"),
                 verbosity=0)
    export = workdir / "export.xml"
    write_export(export, count)
    print(f"export: {count:,} posts, {export.stat().st_size / 1e6:.1f} MB ({os.environ['DATABASE_URL'].split(':')[0]})")
    for label in ("first import (creates)", "second import (unchanged)"):
        started, cpu, matching["seconds"] = time.perf_counter(), time.process_time(), 0.0
        call_command("import_wxr", str(export), "--no-progress")
        print(f"{label}: {time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU, "
              f"of which entity matching (known_entity_links) {matching['seconds']:.1f} s CPU")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the whole process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
