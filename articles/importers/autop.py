"""WordPress's paragraph treatment (its `wpautop`): blank lines make paragraphs, single newlines <br>.

WordPress stores post content with paragraphs as blank lines and adds the <p> tags when it
displays a post; an export carries the stored form, so the importer applies the same rules.
Block-level HTML already in the content is left as it is, and <pre> keeps its newlines.

Linear in the text's length whatever it holds: every pattern here is anchored or bounded by the
next "<" or newline, and comments and <pre> blocks are found with one forward scan, so an
unclosed "<!--" or "<pre>" (which lazy `.*?` patterns rescan to the end from every start) costs
no more than a closed one.
"""
import re

BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
    "blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|"
    "footer|nav|figure|figcaption|details|menu|summary|iframe|script|object|embed|video|audio|source"
)
_PRE_OPEN = re.compile(r"<pre\b", re.I)
_PRE_CLOSE = re.compile(r"</pre>", re.I)
_OPEN_BLOCK = re.compile(rf"(<(?:{BLOCK_TAGS})[\s/>])", re.I)
_CLOSE_BLOCK = re.compile(rf"(</(?:{BLOCK_TAGS})>)", re.I)
_BLOCK_TAG = rf"</?(?:{BLOCK_TAGS})\b[^<>]*>"
_P_BEFORE_BLOCK = re.compile(rf"<p>\s*({_BLOCK_TAG})", re.I)
_P_AFTER_BLOCK = re.compile(rf"({_BLOCK_TAG})\s*</p>", re.I)
_BR_AFTER_BLOCK = re.compile(rf"({_BLOCK_TAG})\s*<br />", re.I)
_BR_BEFORE_BLOCK = re.compile(rf"<br />(\s*{_BLOCK_TAG})", re.I)
_KEPT = re.compile(r'<pre data-kept="(\d{1,9})"></pre>')
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def autop(text):
    """HTML paragraphs for WordPress-stored content (blank-line paragraphs, newline line breaks)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = strip_comments(text)  # block-editor markers and the like; the sanitiser drops comments anyway
    if not text.strip():
        return ""
    text, kept = set_aside_pre(text)
    text = _OPEN_BLOCK.sub(r"\n\n\1", text)
    text = _CLOSE_BLOCK.sub(r"\1\n\n", text)
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(text):
        chunk = chunk.strip()
        if chunk:
            paragraphs.append("<p>" + "<br />\n".join(line.strip(" \t") for line in chunk.split("\n")) + "</p>")
    html = "\n".join(paragraphs)
    html = _P_BEFORE_BLOCK.sub(r"\1", html)
    html = _P_AFTER_BLOCK.sub(r"\1", html)
    html = _BR_AFTER_BLOCK.sub(r"\1", html)
    html = _BR_BEFORE_BLOCK.sub(r"\1", html)
    return _KEPT.sub(lambda match: kept[int(match.group(1))] if int(match.group(1)) < len(kept) else "", html)


def strip_comments(text):
    """`text` without HTML comments; an unclosed "<!--" hides the rest, as it does in a browser."""
    parts, start = [], 0
    while (opened := text.find("<!--", start)) != -1:
        parts.append(text[start:opened])
        closed = text.find("-->", opened + 4)
        start = len(text) if closed == -1 else closed + 3
    parts.append(text[start:])
    return "".join(parts)


def set_aside_pre(text):
    """(`text` with each closed <pre>…</pre> replaced by a numbered stand-in, the blocks set aside)."""
    parts, kept, start = [], [], 0
    while (opened := _PRE_OPEN.search(text, start)) and (closed := _PRE_CLOSE.search(text, opened.end())):
        parts.append(text[start:opened.start()])
        kept.append(text[opened.start():closed.end()])
        parts.append(f'<pre data-kept="{len(kept) - 1}"></pre>')
        start = closed.end()
    parts.append(text[start:])
    return "".join(parts), kept
