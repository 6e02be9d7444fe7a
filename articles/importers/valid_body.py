"""An imported body made a valid, accessible part of the article page.

Old posts carry markup that the sanitiser keeps but a page cannot: headings that skip levels under
the page's <h1>, list items outside a list, links with nothing to name them, pictures without alt,
addresses with spaces or backslashes, table cells spanning columns no row has. Each is mended here,
after sanitising (so the tree parsed is well formed), when a post is imported.
"""
import re
from pathlib import PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from django.core.exceptions import ValidationError
from lxml import html as lxml_html

from articles.html import sanitize_html

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
_SIZE_SUFFIX = re.compile(r"-\d+x\d+$")
_NAME_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of letters: file names of only digits and hashes say nothing
_HOST = re.compile(r"[A-Za-z0-9.-]*(?::\d{1,5})?|\[[0-9A-Fa-f:.]+\]")
# Phrasing elements a code block cannot sit in; a <pre> pasted inside one, or inside another <pre>, lifts it away.
_PHRASING = frozenset("a abbr b cite code em i q s small span strong sub sup u pre".split())
_MEANINGLESS = frozenset("img image dsc dscn pic photo jpg jpeg png gif scaled".split())


def valid_body(body):
    """`body` sanitised and mended; as it is when past the sanitiser's limits (the importer reports those)."""
    try:
        body = sanitize_html(body)
    except ValidationError:
        return body
    if not body.strip():
        return body
    root = lxml_html.fragment_fromstring(body, create_parent="div")
    number_headings(root)
    lift_code_blocks(root)
    wrap_stray_items(root)
    for table in root.iter("table"):
        fit_column_spans(table)
    for element in root.iter("a", "img"):
        attribute = "href" if element.tag == "a" else "src"
        if element.get(attribute):
            address = quote(element.get(attribute).strip(), safe=_URL_SAFE)
            if _HOST.fullmatch(urlsplit(address).netloc.rpartition("@")[2]):
                element.set(attribute, address)
            else:  # a host no browser can reach ("(www\.)?example.org" from a rewrite rule): no address
                del element.attrib[attribute]
    for image in root.iter("img"):
        if image.get("alt") is None:
            image.set("alt", picture_words(image))
    for link in list(root.iter("a")):
        name_link(link)
    return (root.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in root)


def number_headings(root):
    """Body headings renumbered to follow the page's <h1>: the first is an <h2>, none skips a level."""
    stack = []  # (level as written, level given)
    for heading in root.iter(*HEADINGS):
        written = int(heading.tag[1])
        while stack and stack[-1][0] >= written:
            stack.pop()
        given = min(stack[-1][1] + 1 if stack else 2, 6)
        stack.append((written, given))
        heading.tag = f"h{given}"


def lift_code_blocks(root):
    """A <pre> inside a <pre>, a <code> or another phrasing element: the outer element's tags dropped."""
    for block in list(root.iter("pre")):
        parent = block.getparent()
        while parent is not None and parent is not root:
            outer, parent = parent, parent.getparent()
            if outer.tag in _PHRASING:
                outer.drop_tag()


def wrap_stray_items(root):
    """List items and definition parts outside a list wrapped in one (a <ul>, a <dl>)."""
    for tags, wrapper in ((("li",), "ul"), (("dt", "dd"), "dl")):
        for item in list(root.iter(*tags)):
            parent = item.getparent()
            if parent is None or parent.tag in ("ul", "ol", "menu", "dl", "div") and (
                    parent.tag != "div" or parent.getparent() is not None and parent.getparent().tag == "dl"):
                continue
            previous = item.getprevious()
            if previous is not None and previous.tag == wrapper and not (previous.tail or "").strip():
                previous.append(item)
            elif item.tag == "dd":
                item.drop_tag()  # a description with no term before it: a <dl> must start with a <dt>
                continue
            else:
                holder = lxml_html.Element(wrapper)
                item.addprevious(holder)
                holder.tail, item.tail = item.tail, None
                holder.append(item)
                continue
            if item.tail and item.tail.strip() == "":
                item.tail = None


def fit_column_spans(table):
    """Cells' colspans cut to the columns some row's cell starts in (a column no cell starts in is an error)."""
    rows = [row.findall("td") + row.findall("th") for row in table.iter("tr")]
    starts = set()
    for cells in rows:
        column = 0
        for cell in cells:
            starts.add(column)
            column += span(cell)
    width = max(starts, default=-1) + 1
    for cells in rows:
        column = 0
        for cell in cells:
            if column + span(cell) > width:
                fitted = max(width - column, 1)
                if fitted == 1:
                    cell.attrib.pop("colspan", None)
                else:
                    cell.set("colspan", str(fitted))
            column += span(cell)


def span(cell):
    value = cell.get("colspan", "1")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def picture_words(image):
    """Alt text for a picture from its title or its file name's words; "" when they say nothing."""
    if (image.get("title") or "").strip():
        return image.get("title").strip()
    stem = _SIZE_SUFFIX.sub("", PurePosixPath(unquote(urlsplit(image.get("src") or "").path)).stem)
    words = [word for word in re.split(r"[\W_]+", stem) if _NAME_WORD.fullmatch(word)
             and word.lower() not in _MEANINGLESS]
    return " ".join(words).capitalize() if words else ""


def name_link(link):
    """A link with no text gets a name from its picture or its address; one without href or content goes."""
    has_text = bool("".join(link.itertext()).strip())
    pictures = list(link.iter("img"))
    if not link.get("href") and not link.get("id"):
        link.drop_tag()  # an old named anchor, or a link whose address the sanitiser refused
    elif link.get("href") and not has_text and not any(image.get("alt") for image in pictures):
        if not pictures:
            link.drop_tag()
            return
        host = urlsplit(link.get("href")).hostname or link.get("href")
        pictures[0].set("alt", pictures[0].get("title") or picture_words(pictures[0]) or host)
