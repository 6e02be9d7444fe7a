"""Anchors in an article body: ids on its headings and footnotes, its table of contents, its notes.

On save (``add_anchors``, from ``Article.derive_fields``, after the sanitiser has moved every id and
"#fragment" link into the article's namespace, ``<slug>__``): a repeated id is dropped (the page stays
valid HTML) and each h2/h3 without one gets one from its text, so the table of contents links to it.
A heading keeps its id when its text is edited later, so links to a section keep working.

On the page: ``table_of_contents`` lists the h2/h3 headings (three or more), and ``with_notes``
wraps a footnotes list (WordPress's ``<sup><a href="#fn1" id="ref1">`` … ``<li id="fn1">``: an
``<ol>`` whose items the body links to) in a "Notes" section. The body is HTML as nh3 writes it
(attribute values double-quoted, "<" and ">" inside them escaped), which these patterns rely on.
"""
import html
import re
from dataclasses import dataclass

from django.utils.text import slugify

from .html import ID_SEPARATOR, html_to_text

MIN_HEADINGS = 3  # fewer sections need no table of contents
NOTES_HEADING_ID = "article-notes"  # page level: a body's ids all carry the article's prefix

_ID = re.compile(r' id="([^"]*)"')
_ID_IN_TAG = re.compile(r'(<[a-z][a-z0-9]*(?:\s[^<>]*?)?) id="([^"]*)"')  # text never holds "<" or ">" unescaped
_HEADING = re.compile(r"<(h[23])((?:\s[^>]*)?)>(.*?)</\1>", re.S)
_FRAGMENT_LINK = re.compile(r'href="#([^"]+)"')
_ORDERED_LIST = re.compile(r"<ol\b[^>]*>.*?</ol>", re.S)
_LIST_ITEM_ID = re.compile(r'<li\b[^>]*\bid="([^"]+)"')
_NOTES_TITLE = re.compile(r"<(h[2-6])\b[^>]*>\s*(?:notes|footnotes|endnotes|references)\s*</\1>\s*$", re.I)


def anchor_prefix(slug):
    """The namespace of an article's ids: its slug (unique), so two bodies in one feed never clash."""
    return slug or "article"


def add_anchors(body, prefix):
    """The sanitised `body` with each id once and an id on every h2/h3 (from its text)."""
    seen = set()

    def once(match):
        if match.group(2) in seen:
            return match.group(1)
        seen.add(match.group(2))
        return match.group(0)

    body = _ID_IN_TAG.sub(once, body)

    def with_id(match):
        tag, attributes, inner = match.groups()
        if _ID.search(attributes):
            return match.group(0)
        local = slugify(html_to_text(inner))[:60].strip("-").replace("_", "-") or "section"
        candidate, n = f"{prefix}{ID_SEPARATOR}{local}", 1
        while candidate in seen:
            n += 1
            candidate = f"{prefix}{ID_SEPARATOR}{local}-{n}"
        seen.add(candidate)
        return f'<{tag} id="{html.escape(candidate)}"{attributes}>{inner}</{tag}>'

    return _HEADING.sub(with_id, body)


@dataclass(frozen=True)
class Heading:
    level: int  # 2 or 3
    id: str
    text: str


def table_of_contents(body):
    """The body's h2/h3 headings with ids, in order, when there are at least MIN_HEADINGS; else []."""
    headings = []
    for tag, attributes, inner in _HEADING.findall(body or ""):
        found = _ID.search(attributes)
        text = html_to_text(inner).replace("\n", " ")
        if found and text:
            headings.append(Heading(int(tag[1]), html.unescape(found.group(1)), text))
    return headings if len(headings) >= MIN_HEADINGS else []


def with_notes(body):
    """`body` with its footnotes list, the last <ol> whose items the body links to, in a "Notes" section
    (a heading such as "Notes" or "References" just before the list goes in with it, as the section's
    name). A list holding another list is left as it is: the pattern cannot tell where it ends."""
    targets = set(_FRAGMENT_LINK.findall(body or ""))
    notes = None
    for match in _ORDERED_LIST.finditer(body or ""):
        inner = match.group(0)[3:]
        if "<ol" not in inner and targets.intersection(_LIST_ITEM_ID.findall(inner)):
            notes = match
    if notes is None:
        return body
    before, after = body[:notes.start()], body[notes.end():]
    title = _NOTES_TITLE.search(before)
    if title and (title_id := _ID.search(title.group(0))):
        before = before[:title.start()]
        opening = f'<section class="notes" aria-labelledby="{title_id.group(1)}">{title.group(0)}'
    else:
        opening = (f'<section class="notes" aria-labelledby="{NOTES_HEADING_ID}">'
                   f'<h2 id="{NOTES_HEADING_ID}">Notes</h2>')
    return f"{before}{opening}{notes.group(0)}</section>{after}"
