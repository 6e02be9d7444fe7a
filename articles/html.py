"""HTML handling for article bodies: the sanitising allowlist and plain-text derivations."""
import html
import re
from functools import partial
from urllib.parse import unquote

import langcodes
import nh3

from .html_limits import check_body

ALLOWED_TAGS = {
    "p", "br", "hr", "a", "em", "i", "strong", "b", "u", "s", "sub", "sup", "small",
    "abbr", "cite", "q", "code", "pre", "blockquote", "span",
    "ul", "ol", "li", "dl", "dt", "dd",
    "h2", "h3", "h4", "h5", "h6",
    "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "code": {"class"},  # only "language-…" (code_attribute below): the language of an imported code block
}
# Anchors: headings (the table of contents) and footnote references and notes (links both ways) keep
# their ids, in the article's own namespace (sanitize_html's `id_prefix`; articles/anchors.py).
ANCHOR_TAGS = ("h2", "h3", "h4", "h5", "h6", "a", "sup", "li", "p")
for _tag in ANCHOR_TAGS:
    ALLOWED_ATTRIBUTES[_tag] = ALLOWED_ATTRIBUTES.get(_tag, set()) | {"id"}
# Between an article's prefix and a body's own id: a local id never holds it, so a re-save (or a slug
# change) finds the local part again and the prefix is never doubled.
ID_SEPARATOR = "__"
_NOT_IN_LOCAL_ID = re.compile(r"[^A-Za-z0-9-]+")
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# Characters no HTML page may carry (HTML's "invalid codepoints": C0/C1 controls but tab and newlines,
# noncharacters, lone surrogates). Imports and entity references ("&#1;") bring them in; a page
# holding one is not valid HTML, so stored text never keeps them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                          + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                    for plane in range(17)) + "]")
_CODE_CLASS = re.compile(r"language-[a-z0-9+#_-]{1,40}")
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|figcaption|td|th|pre|dd|dt)>|<br\s*/?>", re.I)
_SPACE = re.compile(r"[ \t\r\f\v]+")
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r'\balt="([^"]*)"', re.I)


def drop_unprintable(value):
    """`value` without the characters an HTML page cannot carry."""
    return _UNPRINTABLE.sub("", value or "")


def drop_unprintable_fields(instance):
    """The same, on every text field of a model instance, before it is saved."""
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(value, str) and _UNPRINTABLE.search(value):
            setattr(instance, field.attname, drop_unprintable(value))


def sanitize_html(value, id_prefix=None):
    """Return `value` with every tag, attribute and URL scheme outside the allowlist removed.

    With `id_prefix` (an article's), every id and same-page link ("#fn1") moves into that namespace, so
    a body's anchors never clash with the page's or another body's; without it ids stay as given.

    ValidationError for a body past the size or nesting limit (html_limits): the sanitiser's time grows
    with tags x depth, so forms and importers check first and say so; this keeps every other path safe."""
    check_body(value)
    return nh3.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=partial(_checked_attribute, id_prefix),
    )


def local_id(value):
    """The body's own part of an id or fragment: what follows any earlier prefix, in letters, digits and
    hyphens (at most 80), or "" when nothing is left."""
    return _NOT_IN_LOCAL_ID.sub("-", value.rsplit(ID_SEPARATOR, 1)[-1]).strip("-")[:80]


def _in_namespace(prefix, tag, attribute, value):
    if attribute == "id":
        local = local_id(value)
        return prefix + ID_SEPARATOR + local if local else None
    if attribute == "href" and value.startswith("#") and len(value) > 1:
        local = local_id(unquote(value[1:]))
        return "#" + prefix + ID_SEPARATOR + local if local else None
    return value


def checked_attribute(tag, name, value):
    """An attribute's value if it says something true: `lang` a valid BCP 47 tag (not "php"), a code class a language."""
    if name == "lang":
        return value if langcodes.tag_is_valid(value.strip()) else None
    if name == "class":
        return value if tag == "code" and _CODE_CLASS.fullmatch(value) else None
    return value


def _checked_attribute(prefix, tag, name, value):
    """checked_attribute(), then the ids and same-page links moved into the article's namespace."""
    value = checked_attribute(tag, name, value)
    return value if value is None or prefix is None else _in_namespace(prefix, tag, name, value)


def html_to_text(value):
    """Plain text of an HTML fragment, one line per block, entities decoded."""
    text = _BLOCK_END.sub("\n", value or "")
    text = drop_unprintable(html.unescape(_TAG.sub("", text)))
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def pictures_without_alt(value):
    """How many <img> of a sanitised body (nh3 writes attributes double-quoted) have no alt text or a blank one."""
    return sum(1 for tag in _IMG.findall(value or "")
               if not (alt := _ALT.search(tag)) or not html.unescape(alt.group(1)).strip())


def make_excerpt(text, words=30):
    """The first `words` words of plain text, with an ellipsis when it was cut."""
    parts = (text or "").split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:.") + "…"
