"""Lighthouse 12 scores (desktop and mobile) of the article, index, tag and search pages under gunicorn.

`make lighthouse`: builds a small corpus (bench/harness.py) with one pictured article, serves it with
production settings on 127.0.0.1:8811 and runs npm's lighthouse@12.2.3 with Debian's Chromium on each
page and form factor: LIGHTHOUSE_RUNS times (default 3) on mobile, whose score swings with the machine's
load, keeping the median run by performance; once on desktop. A run Lighthouse itself fails (NO_NAVSTART
on a busy machine) is tried again. Writes bench/results/lighthouse.md (the table the README quotes) and
the JSON report of each kept run beside it. Mobile uses Lighthouse's default simulated throttling (slow
4G, 4x CPU). LIGHTHOUSE_PAGES=article,search runs only those pages.

Total blocking time is measured in wall time, so on a shared machine a task that waits for a CPU counts
as blocking. Each run's trace is read for the page's main-thread tasks: the table gives the longest one
in wall time and in the CPU time the thread actually spent (`tdur`), which the machine's load does not
inflate; Lighthouse scales both by 4 on mobile, and blocking starts at 50 ms.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
from collections import Counter
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
os.environ.setdefault("BENCH_DATABASE_URL", f"sqlite:///{RESULTS / 'lighthouse.sqlite3'}")
os.environ.setdefault("BENCH_ARTICLES", "300")
os.environ.setdefault("BENCH_PORT", "8811")
os.environ.setdefault("MEDIA_ROOT", str(RESULTS / "lighthouse-media"))
sys.path.insert(0, str(REPO))

from bench import harness  # noqa: E402

LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "lighthouse@12.2.3")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
ATTEMPTS = 3


def pictured_article():
    """The newest article, given a lead picture (a 2000 x 1200 photo-like JPEG) if it has none."""
    from django.core.files.base import ContentFile
    from PIL import Image

    from articles.models import Article

    article = Article.objects.published().first()
    if not article.image:
        image = Image.effect_mandelbrot((2000, 1200), (-2.2, -1.2, 1.0, 1.2), 60).convert("RGB")
        buffer = BytesIO()
        image.save(buffer, "JPEG", quality=85)
        article.image.save("lighthouse-lead.jpg", ContentFile(buffer.getvalue()), save=False)
        article.image_alt = "A fractal pattern standing in for a news photo"
        article.image_credit = "Generated picture"
        article.save()
    return article


def targets():
    from articles.models import Entity

    harness.setup_django()
    entity = Entity.objects.with_article_counts().order_by("-article_count").first()
    return {
        "article": pictured_article().get_absolute_url(),
        "index": "/the-peninsula/",
        "tag": entity.get_absolute_url(),
        "search": "/search/?q=korea",
    }


def run_lighthouse(name, path, form_factor, run=0):
    out = RESULTS / f"lighthouse-{name}-{form_factor}-{run}.json"
    args = ["npx", "--yes", LIGHTHOUSE, harness.BASE_URL + path, "--output=json", f"--output-path={out}",
            "--quiet", f"--only-categories={','.join(CATEGORIES)}", "--save-assets",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if form_factor == "desktop":
        args.append("--preset=desktop")
    for attempt in range(ATTEMPTS):
        try:
            subprocess.run(args, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
            break
        except subprocess.CalledProcessError:
            if attempt == ATTEMPTS - 1:
                raise
    report = json.loads(out.read_text())
    failed = [audit["id"] for audit in report["audits"].values()
              if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") == "binary"]
    scores = {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}
    # Lighthouse's measure of this machine's CPU speed (a current desktop scores 1000-2000): mobile
    # performance scales a slow CPU down a further 4x, so a busy, shared machine scores lower.
    scores["cpu"] = round(report["environment"]["benchmarkIndex"])
    scores["tbt"] = round(report["audits"]["total-blocking-time"]["numericValue"])
    scores["cls"] = round(report["audits"]["cumulative-layout-shift"]["numericValue"], 3)
    scores["load"] = round(os.getloadavg()[0], 1)
    scores["task"] = longest_task(out)
    return scores, failed, out


def longest_task(report_path):
    """(wall ms, CPU ms) of the page's longest main-thread task, from the run's trace (then removed)."""
    trace_path = report_path.with_name(report_path.stem + "-0.trace.json")
    events = json.loads(trace_path.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    for leftover in (trace_path, report_path.with_name(report_path.stem + "-0.devtoolslog.json")):
        leftover.unlink(missing_ok=True)
    threads = {(e["pid"], e["tid"]) for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"
               and e["args"].get("name") == "CrRendererMain"}
    busiest = Counter((e.get("pid"), e.get("tid")) for e in events if (e.get("pid"), e.get("tid")) in threads)
    main_thread = busiest.most_common(1)[0][0]
    tasks = [e for e in events if (e.get("pid"), e.get("tid")) == main_thread and e.get("ph") == "X"
             and e.get("name") in ("RunTask", "ThreadControllerImpl::RunTask") and "dur" in e]
    task = max(tasks, key=lambda e: e["dur"])
    return round(task["dur"] / 1000), round(task.get("tdur", 0) / 1000)


def median_run(name, path, form_factor, runs):
    """The run with the median performance score of `runs` runs, its report kept as lighthouse-NAME-FORM.json."""
    results = sorted((run_lighthouse(name, path, form_factor, n) for n in range(runs)),
                     key=lambda result: result[0]["performance"])
    scores, failed, out = results[len(results) // 2]
    shutil.copyfile(out, RESULTS / f"lighthouse-{name}-{form_factor}.json")
    scores["all"] = "/".join(str(result[0]["performance"]) for result in results)
    return scores, failed


def main():
    harness.prepare()
    pages = targets()
    if only := os.environ.get("LIGHTHOUSE_PAGES"):
        pages = {name: path for name, path in pages.items() if name in only.split(",")}
    rows = []
    with harness.Gunicorn("lighthouse-gunicorn.log"):
        for name, path in pages.items():
            for form_factor in ("mobile", "desktop"):
                scores, failed = median_run(name, path, form_factor, RUNS if form_factor == "mobile" else 1)
                rows.append((name, form_factor, scores, failed))
                print(name, form_factor, scores, "failing:", ", ".join(failed) or "none", flush=True)
    lines = [f"Lighthouse {LIGHTHOUSE.split('@')[-1]}, Chromium at {CHROMIUM}, gunicorn with production settings "
             f"on {harness.BASE_URL}, {harness.ARTICLES} articles; {harness.machine()}.", "",
             f"Load average at the end: {' '.join(f'{n:.1f}' for n in os.getloadavg())}.", "",
             "| page | form factor | performance (runs) | accessibility | best practices | SEO | total blocking time "
             "| layout shift | longest task, wall / CPU | benchmarkIndex | load | failing binary audits |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name, form_factor, scores, failed in rows:
        lines.append(f"| {name} | {form_factor} | {scores['performance']} ({scores['all']}) | "
                     + " | ".join(str(scores[c]) for c in CATEGORIES[1:])
                     + f" | {scores['tbt']:,} ms | {scores['cls']} | {scores['task'][0]} / {scores['task'][1]} ms "
                     f"| {scores['cpu']} | {scores['load']} "
                     f"| {', '.join(failed) or '—'} |")
    (RESULTS / "lighthouse.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
