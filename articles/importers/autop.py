"""WordPress's paragraph treatment (its `wpautop`): blank lines make paragraphs, single newlines <br>.

WordPress stores post content with paragraphs as blank lines and adds the <p> tags when it
displays a post; an export carries the stored form, so the importer applies the same rules.
Block-level HTML already in the content is left as it is, and <pre> keeps its newlines.
"""
import re

BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
    "blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|"
    "footer|nav|figure|figcaption|details|menu|summary|iframe|script|object|embed|video|audio|source"
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PRE = re.compile(r"<pre\b.*?</pre>", re.S | re.I)
_OPEN_BLOCK = re.compile(rf"(<(?:{BLOCK_TAGS})[\s/>])", re.I)
_CLOSE_BLOCK = re.compile(rf"(</(?:{BLOCK_TAGS})>)", re.I)
_BLOCK_TAG = rf"</?(?:{BLOCK_TAGS})\b[^>]*>"
_P_BEFORE_BLOCK = re.compile(rf"<p>\s*({_BLOCK_TAG})", re.I)
_P_AFTER_BLOCK = re.compile(rf"({_BLOCK_TAG})\s*</p>", re.I)
_BR_AFTER_BLOCK = re.compile(rf"({_BLOCK_TAG})\s*<br />", re.I)
_BR_BEFORE_BLOCK = re.compile(rf"<br />(\s*{_BLOCK_TAG})", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")


def autop(text):
    """HTML paragraphs for WordPress-stored content (blank-line paragraphs, newline line breaks)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _COMMENT.sub("", text)  # block-editor markers and the like; the sanitiser drops comments anyway
    if not text.strip():
        return ""
    kept = []

    def keep_pre(match):
        kept.append(match.group(0))
        return f"<pre data-kept=\"{len(kept) - 1}\"></pre>"

    text = _PRE.sub(keep_pre, text)
    text = _OPEN_BLOCK.sub(r"\n\n\1", text)
    text = _CLOSE_BLOCK.sub(r"\1\n\n", text)
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(text):
        chunk = chunk.strip()
        if chunk:
            paragraphs.append("<p>" + _NEWLINE.sub("<br />\n", chunk) + "</p>")
    html = "\n".join(paragraphs)
    html = _P_BEFORE_BLOCK.sub(r"\1", html)
    html = _P_AFTER_BLOCK.sub(r"\1", html)
    html = _BR_AFTER_BLOCK.sub(r"\1", html)
    html = _BR_BEFORE_BLOCK.sub(r"\1", html)
    return re.sub(r'<pre data-kept="(\d+)"></pre>', lambda match: kept[int(match.group(1))], html)
