"""Reading a saved web page (a browser's "Save Page As", any generation of the site) into a PostRecord.

The article is cut out of the page by trafilatura, which keeps paragraphs, subheadings, lists,
block quotes, links and emphasis and drops menus, sidebars, comments and footers; it also reads
the title, author, categories and date from meta tags and JSON-LD (the date through htmldate,
from markup only: `extensive_search` off, so a date is never guessed from the running text).
The article's blocks then go through the same header and tail reading as page text, so a
"By A and B" or "Published <date>" line inside the article still wins over the markup.
"""
import html
import logging
import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from lxml import etree
from lxml import html as lxml_html
from trafilatura import bare_extraction
from trafilatura.htmlprocessing import convert_to_html

from .blocks import Block

# trafilatura logs a warning for every page it finds little in; the importer reports that itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
from .page_parts import PageMeta, assemble
from ..html_limits import check_body
from .records import SourceError

HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", re.I | re.S)
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
# "(?<!\s)": a run of blanks is tried once, from its start, not again from each blank in it (quadratic).
SITE_SUFFIX = re.compile(r"(?<!\s)\s+[|–—-]\s+(?:The Peninsula|Korea Economic Institute.*|KEI.*)$")
MAX_FOLLOWING = 6
PAGE_SIZE_FACTOR = 4
SITE_NAMES = ("the peninsula", "korea economic institute of america", "kei", "")
TITLE_ELEMENT = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Blog themes' sidebars and widgets: trafilatura takes a long "About the blog" widget for text.
CHROME_XPATH = ["//*[@id='sidebar' or @id='secondary' or @role='complementary'"
                " or contains(concat(' ', normalize-space(@class), ' '), ' sidebar ')"
                " or contains(@class, 'widget') or contains(@class, 'sharedaddy') or contains(@class, 'jp-relatedposts')]"]


def is_html(path, head):
    """A saved web page, by its name or by how it starts."""
    return str(path).lower().endswith((".html", ".htm", ".xhtml")) or bool(HTML_START.match(head[:2048]))


def inner_html(element):
    """The element's content as HTML (its text and children, not its own tag)."""
    parts = [html.escape(element.text or "", quote=False)]
    for child in element:
        parts.append(etree.tostring(child, encoding=str, method="html", with_tail=False))
        parts.append(html.escape(child.tail or "", quote=False))
    return "".join(parts).strip()


def plain(element):
    return " ".join("".join(element.itertext()).split())


def absolute_pictures(body, base):
    """Each <img> of the body with an absolute http(s) src (relative ones resolved against the post's
    address); a picture whose address cannot be known (no base, a saved page's local file) is dropped."""
    for img in list(body.iter("img")):
        src = urljoin(base, (img.get("src") or "").strip()) if base else (img.get("src") or "").strip()
        if urlsplit(src).scheme in ("http", "https"):
            img.set("src", src)
        else:
            drop_element(img)


def drop_element(element):
    """Remove an element, keeping the text after it."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def picture_block(element, where, captions=None):
    """A block of pictures only (a top-level <img>, or a paragraph holding nothing else) as a <figure>, with
    the caption the page gave them (`captions`: src -> text) as its <figcaption>; (block, caption) or None."""
    pictures = [element] if element.tag == "img" else list(element.iter("img"))
    if not pictures:
        return None
    html_ = "".join(etree.tostring(img, encoding=str, method="html", with_tail=False) for img in pictures)
    caption = next(filter(None, ((captions or {}).get(img.get("src", "")) for img in pictures)), "")
    if caption:
        html_ += f"<figcaption>{html.escape(caption, quote=False)}</figcaption>"
    return Block("figure", "", html=html_, where=where), caption


def page_pictures(tree, base):
    """(featured picture's (address, alt) or None, {picture address: caption}) of a whole saved page.

    The featured picture is the one printed above the post's title (the nearest <img> before the
    first <h1> of its <article> or <main>, else of the title's parent), else the page's og:image.
    Captions are those of <figure><figcaption> and WordPress's <div class="wp-caption">, which
    trafilatura drops or turns into paragraphs."""
    def address(src):
        src = urljoin(base, (src or "").strip()) if base else (src or "").strip()
        return src if urlsplit(src).scheme in ("http", "https") else ""

    captions = {}
    for holder in tree.xpath("//figure | //div[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption ')]"):
        caption = holder.xpath(".//figcaption | .//*[contains(@class, 'wp-caption-text')]")
        if caption and (text := plain(caption[0])):
            for img in holder.iter("img"):
                if src := address(img.get("src")):
                    captions.setdefault(src, text)
    featured = None
    title = next(iter(tree.xpath("(//article//h1 | //main//h1)[1]") or tree.xpath("//h1[1]")), None)
    if title is not None:
        container = next((a for a in title.iterancestors() if a.tag in ("article", "main")), title.getparent())
        before = set(title.xpath("preceding::img"))
        pictures = [img for img in container.iter("img") if img in before and address(img.get("src"))]
        if pictures:
            featured = address(pictures[-1].get("src")), " ".join((pictures[-1].get("alt") or "").split())
    if featured is None:
        image = tree.xpath("//meta[@property='og:image' or @name='og:image']/@content")
        if image and address(image[0]):
            alt = tree.xpath("//meta[@property='og:image:alt' or @name='og:image:alt' or @name='twitter:image:alt']"
                             "/@content")
            featured = address(image[0]), " ".join((alt[0] if alt else "").split())
    return featured, captions


def html_blocks(body, captions=None):
    """Blocks from trafilatura's simplified HTML body, in order; `where` names the element. A paragraph that
    repeats the caption of the pictures before it (trafilatura's reading of a wp-caption) is left out."""
    blocks, counts, caption = [], {}, ""
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        counts[tag] = counts.get(tag, 0) + 1
        where = f"<{tag}> {counts[tag]}"
        text = plain(element)
        if text and text == caption:
            continue
        caption = ""
        if not text:
            if picture := picture_block(element, where, captions):
                block, caption = picture
                blocks.append(block)
            continue
        if tag in ("ul", "ol"):
            items = [(plain(item), inner_html(item)) for item in element if isinstance(item.tag, str) and plain(item)]
            if items:
                blocks.append(Block(tag, "\n".join(text for text, _ in items), where=where, items=items))
        elif tag in HEADINGS:
            blocks.append(Block(HEADINGS[tag], text, html=inner_html(element), where=where))
        elif tag == "blockquote":
            blocks.append(Block("blockquote", text, html=inner_html(element), where=where))
        elif tag in ("table", "pre"):
            blocks.append(Block(tag, text, html=inner_html(element), where=where))
        else:
            blocks.append(Block("p", text, html=inner_html(element), where=where))
    return blocks


def following_paragraphs(text, blocks):
    """Paragraphs printed right after the extracted article (where a theme puts the author note and credit).

    Extractors keep to the element that holds the body, so an author note or photo credit in
    a sibling element is left out; these candidates go to `assemble`, which keeps only those
    that read as a note or a credit.
    """
    last = next((block.text for block in reversed(blocks) if block.kind == "p"), "")
    if not last:
        return []
    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, etree.LxmlError):
        return []
    anchor = next((p for p in tree.iter("p") if plain(p) == last), None)
    if anchor is None:
        return []
    found = []
    for number, element in enumerate(anchor.xpath("following::*[self::p or self::h1 or self::h2 or self::h3]"),
                                     start=1):
        if element.tag != "p" or len(found) == MAX_FOLLOWING:
            break
        if paragraph := plain(element):
            found.append(Block("p", paragraph, html=inner_html(element), where=f"<p> {number} after the article"))
    return found


def page_title(document, text):
    """The post's title: trafilatura's pick, unless that is the site's name (a theme's <h1>); then <title>."""
    title = SITE_SUFFIX.sub("", " ".join((document.title or "").split()))
    if title and title.casefold() not in SITE_NAMES:
        return title
    match = TITLE_ELEMENT.search(text)
    fallback = SITE_SUFFIX.sub("", " ".join(html.unescape(match.group(1)).split())) if match else ""
    return fallback if fallback.casefold() not in SITE_NAMES else ""


def page_meta(document, text):
    """Title, date, authors and categories from the page's markup (meta tags, JSON-LD, <title>)."""
    day = None
    if document.date:
        try:
            day = date.fromisoformat(document.date[:10])
        except ValueError:
            day = None
    authors = tuple(name.strip() for name in re.split(r";|(?<!\s)\s*,\s*(?:and\s+)?|(?<!\s)\s+and\s+", document.author or "")
                    if name.strip())
    return PageMeta(title=page_title(document, text), day=day, authors=authors,
                    categories=tuple(document.categories or ()), tags=tuple(document.tags or ()), where="<head> metadata")


def extract_document(text):
    """trafilatura's reading of a page: the article (links, emphasis, headings, lists kept) and its metadata."""
    return bare_extraction(text, include_links=True, include_formatting=True, include_comments=False,
                           include_tables=True, include_images=True, favor_precision=True, with_metadata=True,
                           date_extraction_params=DATE_PARAMS, prune_xpath=CHROME_XPATH)


def parse_html_page(text, options):
    """The PostRecord in a saved web page; SourceError naming the element or the option that is missing."""
    try:
        # The whole page, menus and all, may be a few times the body's limit; parsers cost tags x depth.
        check_body(text, max_bytes=PAGE_SIZE_FACTOR * settings.BODY_MAX_BYTES)
    except ValidationError as error:
        raise SourceError(error.messages[0].replace("The body", "The page"), "<html>") from None
    try:
        document = extract_document(text)
    except (ValueError, etree.LxmlError) as error:
        raise SourceError(f"unreadable HTML ({error})", "<html>") from error
    if document is None or document.body is None or not len(document.body):
        raise SourceError("no article text found in the page (only menus, sidebars or nothing at all)", "<body>")
    meta = page_meta(document, text)
    for element in document.body.iter("list"):  # convert_to_html() makes every list a <ul>
        element.tag = "ol" if element.get("rend") == "ol" else "ul"
    body = convert_to_html(document.body)[0]
    base = options.url if urlsplit(options.url).scheme else document.url or ""
    absolute_pictures(body, base)
    try:
        featured, captions = page_pictures(lxml_html.fromstring(text), base)
    except (ValueError, etree.LxmlError):
        featured, captions = None, {}
    blocks = html_blocks(body, captions)
    if not meta.title and not blocks:
        raise SourceError("no title: no <title>, og:title or <h1>, and no text", "<head>")
    record = assemble(blocks, options, meta=meta, first_where="<body>", after=following_paragraphs(text, blocks))
    if featured:  # copied, it becomes the lead picture and leaves the body (picture_copies.py)
        record.image_url, record.image_alt = featured
    return record
