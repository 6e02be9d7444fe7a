"""Whatever text or HTML a page holds, reading it gives a record or a SourceError, never another exception."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.importers.page_html import parse_html_page
from articles.importers.page_parts import PageOptions
from articles.importers.page_text import parse_page
from articles.importers.records import PostRecord, SourceError

# Lines a page may hold, including the ones the reader treats specially, and arbitrary text.
LINES = st.one_of(
    st.sampled_from([
        "The Peninsula", "Return to the Peninsula", "Stay Informed", "Published February 18, 2015",
        "Published Febtober 31, 2015", "Published 03/04/2015", "February 30, 2015", "2015-02-18",
        "Posted on February 18, 2015 by A and B", "By A, B, and C", "By", "By and", "Author: X", "Category: Y",
        "Posted in X | Leave a comment", "Tags: a, b", "This is the fifth in a series of blogs.", "By Korea View",
        "1. one", "- item", "> quoted", "    indented", "## Heading", "Photo by someone.", "Photo from", "",
        "A Title", "a lower-case continuation", "The views expressed here are the author’s alone.",
    ]),
    st.text(max_size=80),
)


def check(read):
    """True when the page was read into a record with a title, False when refused in one line."""
    try:
        record = read()
    except SourceError as error:
        assert str(error) and "\n" not in str(error)
        return False
    assert isinstance(record, PostRecord) and record.title.strip()
    return True


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=25), st.sampled_from(["", "2015-02-18", "2015-2-18"]),
       st.sampled_from(["", "/2014/07/a-post/", "/2014/13/x/", "nope", "https://example.org/a/b"]))
def test_any_text_page_is_read_or_refused(lines, date, url):
    assert check(lambda: parse_page("\n".join(lines), options=PageOptions(date=date, url=url))) in (True, False)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["p", "h1", "h2", "li", "blockquote", "div", "title", "time"]), LINES),
                max_size=15))
def test_any_html_page_is_read_or_refused(elements):
    body = "".join(f"<{tag}>{text}</{tag}>" for tag, text in elements)
    assert check(lambda: parse_html_page(f"<!doctype html><html><head></head><body><article>{body}</article></body></html>",
                                  PageOptions(date="2015-02-18"))) in (True, False)
