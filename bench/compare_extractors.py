"""Compare two article extractors on saved web pages: trafilatura (what import_page uses) and readability-lxml.

    .venv/bin/pip install readability-lxml==0.9     # not a project requirement: only this comparison needs it
    .venv/bin/python bench/compare_extractors.py [PAGE.html...]   # default: tests/data/pages/*.html

For each page and extractor: whether title, date and author were found in the markup, how many
paragraphs, subheadings, list items and quotes the extracted article keeps, whether any of the
page's chrome leaked in, and the time per page (median of 20 runs).
"""
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CHROME = ("Recent Posts", "Leave a Reply", "Stay Informed", "Subscribe to our Mailing List", "Home", "About")
RUNS = 20


def trafilatura_extract(html):
    """trafilatura exactly as import_page calls it (articles/importers/page_html.py)."""
    from lxml import etree
    from trafilatura.htmlprocessing import convert_to_html

    from articles.importers.page_html import extract_document

    document = extract_document(html)
    if document is None:
        return {"title": "", "date": "", "author": "", "html": ""}
    body = etree.tostring(convert_to_html(document.body), encoding=str)
    return {"title": document.title or "", "date": document.date or "", "author": document.author or "", "html": body}


def readability_extract(html):
    from readability import Document

    document = Document(html)
    return {"title": document.short_title(), "date": "", "author": "", "html": document.summary(html_partial=True)}


def describe(result):
    body = result["html"]
    counts = {tag: len(re.findall(rf"<{tag}\b", body)) for tag in ("p", "h2", "h3", "li", "blockquote", "a", "em|i")}
    leaked = [word for word in CHROME if re.search(rf">\s*{word}\b", body)]
    return (f"title={'yes' if result['title'] else 'no':<3} date={result['date'] or '—':<10} "
            f"author={'yes' if result['author'] else 'no':<3} p={counts['p']:<2} h={counts['h2'] + counts['h3']:<2} "
            f"li={counts['li']:<2} quote={counts['blockquote']:<2} links={counts['a']:<2} chrome={leaked or '—'}")


def main():
    paths = [Path(arg) for arg in sys.argv[1:]] or sorted((ROOT / "tests" / "data" / "pages").glob("*.html"))
    extractors = [("trafilatura", trafilatura_extract)]
    try:
        import readability  # noqa: F401
        extractors.append(("readability-lxml", readability_extract))
    except ImportError:
        print("readability-lxml is not installed: comparing nothing but trafilatura (see the docstring)")
    for path in paths:
        html = path.read_text(encoding="utf-8")
        print(path.name)
        for name, extract in extractors:
            timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                result = extract(html)
                timings.append(time.perf_counter() - started)
            print(f"  {name:<17} {describe(result)} {statistics.median(timings) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
