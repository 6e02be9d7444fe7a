"""Reading a post saved as text, in any of the shapes the blog printed, into a PostRecord.

With the current site's chrome (as in the reference article: search box, "Total Index" line,
mailing-list box, the label "The Peninsula", then the article up to "Return to the Peninsula"
and the "Stay Informed" footer) or without it, and the old blog's shape (title, "By A and B",
maybe a date line in another format) alike: the chrome is cut off here, the rest is read by
`page_parts.assemble`.
"""
from .blocks import text_blocks
from .page_parts import PageOptions, assemble
from .records import SourceError
from .sources import check_source_path

LABEL = "The Peninsula"
START_CHROME = ("Search All Site Content", "Subscribe to our Mailing List!", "Sign up for our mailing list",
                "Total Index:", LABEL)
END_LINES = ("Return to the Peninsula", "Stay Informed", "Share this:", "Like this:", "Leave a comment",
             "Leave a Reply", "Related posts", "Related Posts", "« Previous Post", "Previous Post", "Next Post »")
MAX_BYTES = 5_000_000  # the longest post ever is well under 1 MB; anything larger is not a post


def read_page_file(path):
    """The text of a saved page, refusing a directory, an empty, huge, binary or non-UTF-8 file."""
    source = check_source_path(path)
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise SourceError(f"{size:,} bytes: too large for one post (at most {MAX_BYTES:,})")
    data = source.read_bytes()
    if b"\x00" in data:
        raise SourceError("a binary file, not text (it holds NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"not UTF-8 text (byte {error.start}): save it as UTF-8") from error
    if not text.strip():
        raise SourceError("empty file (only white space)")
    return text


def article_lines(lines):
    """(number, raw line) pairs of the article: after the label or leading chrome, before the footer."""
    start = next((i + 1 for i, (_, line) in enumerate(lines) if line.strip() == LABEL), None)
    if start is None:
        start = 0
        while start < len(lines) and (not lines[start][1].strip()
                                      or lines[start][1].strip().startswith(START_CHROME)):
            start += 1
    end = next((i for i in range(start, len(lines)) if lines[i][1].strip() in END_LINES), len(lines))
    return lines[start:end]


def parse_page(text, status="published", options=None):
    """The PostRecord in a saved page's text; SourceError (with the line) when something essential is missing."""
    options = options or PageOptions(status=status)
    lines = list(enumerate(text.splitlines(), start=1))
    content = article_lines(lines)
    first = next((f"line {number}" for number, line in content if line.strip()), f"line {len(lines) or 1}")
    return assemble(text_blocks(content), options, first_where=first)
