"""Lighthouse 12 scores (desktop and mobile) of the article, index, tag and search pages under gunicorn.

`make lighthouse`: builds a small corpus (bench/harness.py) with one pictured article, serves it with
production settings on 127.0.0.1:8811 and runs npm's lighthouse@12.2.3 with Debian's Chromium on each
page, once per form factor. Writes bench/results/lighthouse.md (the table the README quotes) and one
JSON report per run beside it. Mobile uses Lighthouse's default simulated throttling (slow 4G, 4x CPU).
"""
import json
import os
import subprocess
import sys
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


def run_lighthouse(name, path, form_factor):
    out = RESULTS / f"lighthouse-{name}-{form_factor}.json"
    args = ["npx", "--yes", LIGHTHOUSE, harness.BASE_URL + path, "--output=json", f"--output-path={out}",
            "--quiet", f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    if form_factor == "desktop":
        args.append("--preset=desktop")
    subprocess.run(args, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, timeout=600)
    report = json.loads(out.read_text())
    failed = [audit["id"] for audit in report["audits"].values()
              if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") == "binary"]
    scores = {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}
    # Lighthouse's measure of this machine's CPU speed (a current desktop scores 1000-2000): mobile
    # performance scales a slow CPU down a further 4x, so a busy, shared machine scores lower.
    scores["cpu"] = round(report["environment"]["benchmarkIndex"])
    return scores, failed


def main():
    harness.prepare()
    pages = targets()
    rows = []
    with harness.Gunicorn("lighthouse-gunicorn.log"):
        for name, path in pages.items():
            for form_factor in ("mobile", "desktop"):
                scores, failed = run_lighthouse(name, path, form_factor)
                rows.append((name, form_factor, scores, failed))
                print(name, form_factor, scores, "failing:", ", ".join(failed) or "none", flush=True)
    lines = [f"Lighthouse {LIGHTHOUSE.split('@')[-1]}, Chromium at {CHROMIUM}, gunicorn with production settings "
             f"on {harness.BASE_URL}, {harness.ARTICLES} articles; {harness.machine()}.", "",
             f"Load average at the end: {' '.join(f'{n:.1f}' for n in os.getloadavg())}.", "",
             "| page | form factor | performance | accessibility | best practices | SEO | benchmarkIndex | failing binary audits |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name, form_factor, scores, failed in rows:
        lines.append(f"| {name} | {form_factor} | " + " | ".join(str(scores[c]) for c in [*CATEGORIES, "cpu"])
                     + f" | {', '.join(failed) or '—'} |")
    (RESULTS / "lighthouse.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
