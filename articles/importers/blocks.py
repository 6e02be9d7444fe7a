"""The block structure of a post's body: paragraphs, subheadings, lists and block quotes.

Saved page text has lost its markup, but not its shape: a subheading is a short title-cased
line without a full stop, list items start with "1." or "-", a quoted passage starts with ">"
or is indented. Text and HTML readers both produce `Block`s, so the header and the author
note are found the same way whatever the source, and the body is rendered from them.
"""
import html
import re
from dataclasses import dataclass, field

BULLET = re.compile(r"^[-*•–·]\s+(?P<text>.+)$")
NUMBERED = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<text>.+)$")
MARKDOWN_HEADING = re.compile(r"^(?P<level>#{2,4})\s+(?P<text>.+?)\s*#*$")
QUOTED = re.compile(r"^>\s?(?P<text>.*)$")
INDENT = re.compile(r"^(?:\t| {4,})\S")
HEADING_WORDS = 14
HEADING_LENGTH = 100
# Words that stay lower case inside a title-cased heading ("The Road to Reform").
MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or per the to vs via with".split())


@dataclass
class Block:
    """One body block. `html` is the inner HTML (escaped text for text sources); `items` for lists."""

    kind: str  # "p", "h2", "h3", "h4", "ul", "ol", "blockquote", "figure" (pictures only, no text)
    text: str
    html: str = ""
    where: str = ""
    items: list = field(default_factory=list)  # (text, html) per list item
    start: int | None = None  # an <ol>'s first number when it is not 1

    def __post_init__(self):
        if not self.html and not self.items and self.kind != "figure":
            self.html = html.escape(self.text, quote=False)

    def render(self):
        if self.kind in ("ul", "ol"):
            attrs = f' start="{self.start}"' if self.kind == "ol" and self.start not in (None, 1) else ""
            items = "\n".join(f"<li>{item_html}</li>" for _, item_html in self.items)
            return f"<{self.kind}{attrs}>\n{items}\n</{self.kind}>"
        if self.kind == "blockquote":
            return f"<blockquote><p>{self.html}</p></blockquote>" if "<p>" not in self.html else \
                f"<blockquote>{self.html}</blockquote>"
        return f"<{self.kind}>{self.html}</{self.kind}>"


def render(blocks):
    return "\n".join(block.render() for block in blocks)


def looks_like_heading(line):
    """A subheading written as text: short, no closing full stop, and title-cased (or all capitals)."""
    if len(line) > HEADING_LENGTH or line[-1] in ".,;:!\"”’)" or not line[0].isupper():
        return False
    words = [word.strip("“”\"'‘’()") for word in line.split()]
    if len(words) > HEADING_WORDS:
        return False
    significant = [word for word in words[1:] if word and word.lower() not in MINOR_WORDS and word[0].isalpha()]
    return all(word[0].isupper() for word in significant) if significant else len(words) <= 3


def text_blocks(lines):
    """Blocks from (line number, raw line) pairs of a body, blank lines dropped.

    Each line is a paragraph (the site's text puts one paragraph on a line); a line that
    continues a sentence (the previous line has no closing punctuation, this one starts in lower
    case) joins it, so hard-wrapped text keeps its paragraphs.
    """
    blocks = []
    for index, (number, raw) in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        where = f"line {number}"
        previous = blocks[-1] if blocks else None
        if match := NUMBERED.match(line):
            add_item(blocks, "ol", match.group("text"), where, int(match.group("number")))
        elif match := BULLET.match(line):
            add_item(blocks, "ul", match.group("text"), where)
        elif (match := QUOTED.match(line)) or INDENT.match(raw):
            text = (match.group("text") if match else line).strip()
            if previous and previous.kind == "blockquote" and lines[index - 1][0] == number - 1:
                previous.text += " " + text
                previous.html += " " + html.escape(text, quote=False)
            elif text:
                blocks.append(Block("blockquote", text, where=where))
        elif match := MARKDOWN_HEADING.match(line):
            blocks.append(Block(f"h{len(match.group('level'))}", match.group("text"), where=where))
        elif (previous and previous.kind == "p" and line[0].islower() and previous.text[-1] not in ".!?:\"”’)"
              and lines[index - 1][0] == number - 1):
            previous.text += " " + line
            previous.html += " " + html.escape(line, quote=False)
        else:
            blocks.append(Block("p", line, where=where))
    mark_headings(blocks)
    return blocks


def add_item(blocks, kind, text, where, number=None):
    previous = blocks[-1] if blocks else None
    item = (text, html.escape(text, quote=False))
    if previous is not None and previous.kind == kind:
        previous.items.append(item)
        previous.text += "\n" + text
    else:
        blocks.append(Block(kind, text, where=where, items=[item], start=number))


def mark_headings(blocks):
    """Short title-cased paragraphs between other blocks become <h2> subheadings."""
    for index, block in enumerate(blocks):
        if (block.kind == "p" and 0 < index < len(blocks) - 1 and looks_like_heading(block.text)
                and blocks[index + 1].kind != "h2"):
            block.kind = "h2"


def count(blocks, *kinds):
    return sum(1 for block in blocks if block.kind in kinds)
