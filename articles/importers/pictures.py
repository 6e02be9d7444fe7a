"""A WordPress body's pictures as the export describes them: captions as <figure>, alt text from attachments.

WordPress keeps a picture's caption in a ``[caption]`` shortcode (or, from older editors, a
``<div class="wp-caption">``), which the site expands when it shows the post; an export carries the
stored form, so the importer makes each one a ``<figure>`` with its ``<figcaption>``. The block
editor's ``<figure class="wp-block-image">`` already is one.

A picture uploaded to WordPress is also an attachment item of the export, with its alt text
(``_wp_attachment_image_alt``), caption, description and title. A body's <img> with no alt text takes
the attachment's, matched by address, WordPress's resized copies ("photo-300x200.jpg") included.
Every pattern here is bounded, so a body costs time in proportion to its length.
"""
import html
import re
from urllib.parse import urlsplit

CAPTION_OPEN = "[caption"
CAPTION_CLOSE = "[/caption]"
MAX_CAPTION = 20_000  # characters between [caption …] and [/caption]; a longer "caption" is left alone
SHORTCODE_ATTRS = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
# The picture a caption holds: an <img>, maybe inside a link.
PICTURE = re.compile(r"\s*((?:<a\b[^<>]*>\s*)?<img\b[^<>]*>(?:\s*</a>)?)\s*", re.I)
WP_CAPTION_DIV = re.compile(
    r"<div\b[^<>]*\bclass\s*=\s*[\"'][^\"'<>]*\bwp-caption\b[^\"'<>]*[\"'][^<>]*>\s*"
    r"((?:<a\b[^<>]*>\s*)?<img\b[^<>]*>(?:\s*</a>)?)\s*"
    r"<(p|div|span)\b[^<>]*\bwp-caption-text\b[^<>]*>(.{0,2000}?)</\2>\s*</div>", re.I | re.S)
IMG = re.compile(r"<img\b[^<>]*>", re.I)
SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""", re.I)
ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""", re.I)
RESIZED = re.compile(r"-\d{1,5}x\d{1,5}(?=\.\w{2,5}$)")
FILE_NAME_TITLE = re.compile(r"^[\w.-]+$")  # "IMG_0042", "tumblr_m21q6l_1280": a file name, not a description


def figure(picture, caption):
    caption = caption.strip()
    return f"<figure>{picture}<figcaption>{caption}</figcaption></figure>" if caption else f"<figure>{picture}</figure>"


def caption_shortcode(attrs, inner):
    """The <figure> for one [caption attrs]inner[/caption], or None when it holds no picture."""
    match = PICTURE.match(inner)
    if not match:
        return None
    values = {m.group(1).lower(): next(v for v in m.groups()[1:] if v is not None)
              for m in SHORTCODE_ATTRS.finditer(attrs)}
    # WordPress 3.4+ writes the caption after the picture; older posts in a caption="…" attribute.
    caption = inner[match.end():].strip() or values.get("caption", "")
    return figure(match.group(1), caption)


def caption_figures(content):
    """`content` with each [caption] shortcode and <div class="wp-caption"> as a <figure> with <figcaption>."""
    content = content or ""
    if CAPTION_OPEN in content:
        parts, at = [], 0
        while (start := content.find(CAPTION_OPEN, at)) != -1:
            head_end = content.find("]", start, start + 2000)
            end = content.find(CAPTION_CLOSE, head_end, head_end + MAX_CAPTION) if head_end != -1 else -1
            made = caption_shortcode(content[start + len(CAPTION_OPEN):head_end], content[head_end + 1:end]) \
                if end != -1 else None
            if made is None:
                parts.append(content[at:start + 1])
                at = start + 1
                continue
            parts += [content[at:start], made]
            at = end + len(CAPTION_CLOSE)
        content = "".join(parts) + content[at:]
    if "wp-caption" in content:
        content = WP_CAPTION_DIV.sub(lambda m: figure(m.group(1), m.group(3)), content)
    return content


def picture_key(url):
    """An address as attachments are matched: host without "www.", path without a resized suffix; no scheme."""
    parts = urlsplit(html.unescape(url.strip()))
    host = (parts.hostname or "").removeprefix("www.")
    return host, RESIZED.sub("", parts.path)


def attachment_alt(alt, caption, description, title):
    """The alt text an attachment gives its picture: its own, else its caption, description, or a title that
    is not a file name."""
    for text in (alt, caption, description):
        text = " ".join(html.unescape(re.sub(r"<[^<>]*>", " ", text or "")).split())
        if text:
            return text[:300]
    title = " ".join((title or "").split())
    return title[:300] if title and not FILE_NAME_TITLE.match(title) else ""


class Attachments:
    """An export's attachments: picture address -> alt text."""

    def __init__(self):
        self.alts = {}

    def add(self, url, alt):
        if url and alt:
            self.alts.setdefault(picture_key(url), alt)

    def __len__(self):
        return len(self.alts)

    def alt_for(self, src):
        return self.alts.get(picture_key(src), "") if src else ""

    def fill_alts(self, body):
        """`body` with each <img> that has no alt text given its attachment's."""
        if not self.alts or "<img" not in (body or "").lower():
            return body

        def fill(match):
            tag = match.group(0)
            alt = ALT.search(tag)
            if alt and "".join(filter(None, alt.groups())).strip():
                return tag
            src = SRC.search(tag)
            text = self.alt_for(next((v for v in src.groups() if v is not None), "")) if src else ""
            if not text:
                return tag
            value = f' alt="{html.escape(text)}"'
            if alt:
                return tag[:alt.start()] + value + tag[alt.end():]
            return tag[:4] + value + tag[4:]

        return IMG.sub(fill, body)
