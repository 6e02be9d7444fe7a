"""The parts of a post page, whatever generation of the site printed it and whether as text or HTML.

A page is a title, a header of metadata lines in any order ("Published <date>" or another
date line, "Category: X", "Author: X", "By A, B, and C", a series note such as "This is the
fifth in a series of blogs on ..."), the body, the author note (closing paragraphs about the
authors and any "views expressed" disclaimer) and an optional photo credit. `assemble` turns
the blocks of a page into a PostRecord, taking what the page does not say from the options
(--date, --url) and refusing, with the line and the option to use, what nobody said.
"""
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

from articles.slugs import make_slug

from .blocks import render
from .dates import DateError, parse_option_date, publication_time, read_date_line
from .records import AuthorRecord, CategoryRecord, PostRecord, SourceError, TagRecord

CATEGORY = re.compile(r"^(?:Categor(?:y|ies)|Posted\s+in|Filed\s+under)\s*:?\s+(?P<names>.+)$", re.I)
FOOTER_CHROME = re.compile(r"^(?:Leave a (?:comment|reply)|\d+ (?:comments?|responses?)|(?:No|One) comments?|Edit|"
                           r"Comments? (?:off|closed)|Permalink|Share)\b", re.I)
TAGS = re.compile(r"^(?:Tags|Tagged(?:\s+with)?)\s*:?\s+(?P<names>.+)$", re.I)
AUTHOR = re.compile(r"^Authors?:\s*(?P<names>.+)$")
# A full stop only after an initial ("Robert R. King") or a suffix ("Jr."): any other ends a sentence.
BYLINE = re.compile(r"^By:?\s+(?P<names>(?:[^.!?]|(?<=\b[A-Z])\.|(?<=\b(?:Jr|Sr))\.)+?)\.?\s*$")
SUFFIX = re.compile(r"^(Jr\.?|Sr\.?|II|III|IV|V|VI)(?=\s|$)")
SERIES_NOTE = re.compile(r"^(?:\(|\*|_)?(?:This\s+(?:is|post\s+is|article\s+is|blog\s+is)\b.{0,80}\b(?:series|part)\b"
                         r"|Part\s+\w+\s+(?:of|in)\b.{0,60}\bseries\b|The\s+following\s+is\s+part\b)", re.I)
# Bylines that name a recurring series (whose name stands in for an author on cards), not a person.
SERIES_BYLINE = re.compile(r"^(?:Korea\s+View|.*\b(?:Weekly|Briefing|Roundup|Digest))$", re.I)
# "(?<!\s)": a run of blanks is tried once, from its start, not again from each blank in it (quadratic).
NAME_SEPARATORS = re.compile(r"(?<!\s)\s*,\s*(?:and\s+|&\s*)?|(?<!\s)\s+and\s+|(?<!\s)\s*&\s*")
AFFILIATION = re.compile(r"(?<!\s)\s*[|(].*$")
CREDIT = re.compile(
    r"^(?:(?:Cover\s+|Featured\s+)?(?:Photo|Image|Picture|Photograph|Graphic|Map)s?\s+"
    r"(?:from|by|courtesy|credit|source)\b|(?:Photo|Image)\s+credit:)", re.I)
DISCLAIMER = re.compile(r"\bviews?\s+(?:expressed|are\s+(?:the|their|his|her))|\bdo(?:es)? not (?:necessarily )?reflect",
                        re.I)
PRONOUN = re.compile(r"^(?:He|She|They|Their|His|Her)\b")
ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Gen|Col|Lt|Gov|Sen|Rep|Amb|No|vs|etc)\.)$")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
OLD_BLOG_PATH = re.compile(r"^/(?P<year>\d{4})/(?P<month>\d{2})/(?:(?P<day>\d{2})/)?(?P<slug>[^/]+)/?$")
MAX_BYLINE_WORDS = 20
MAX_NAME_WORDS = 5
NAME_PARTICLES = frozenset("and de del der van von da di du la le bin al el y".split())
TITLE_WORDS = re.compile(r"\b(?:Director|President|Fellow|Professor|Intern|Editor|Officer|Manager|Associate|"
                         r"Assistant|Secretary|Chair(?:man)?|Ambassador|Analyst|Researcher|Institute|University)\b")
MAX_HEADER_BLOCKS = 12
TITLE_LENGTH = 300  # Article.title's max_length
CREDIT_LENGTH = 500  # Article.image_credit's max_length
SLUG_LENGTH = 280  # Article.slug's 300, less room for a "-2" when the slug is taken
DATE_HELP = "give it with --date YYYY-MM-DD, --url /YYYY/MM/<slug>/ or a manifest's date column"


@dataclass
class PageOptions:
    """What the command line or a manifest row says about a page: it wins over nothing, never over the page."""

    status: str = "published"
    url: str = ""
    date: str = ""
    source: str = "--date"  # how the date was given, for messages ("--date", "manifest line 3")
    category: str = ""  # the category when the page names none (a page's own categories win)


@dataclass
class PageMeta:
    """Metadata a saved HTML page carries in its markup (meta tags, JSON-LD)."""

    title: str = ""
    day: date | None = None
    authors: tuple = ()
    categories: tuple = ()
    tags: tuple = ()
    where: str = ""


def split_names(value):
    """"A and B", "A, B and C", "A, B, and C", "A & B" -> the names, in order; affiliations dropped."""
    names = []
    for segment in AFFILIATION.sub("", value.strip()).split(","):
        segment = re.sub(r"^\s*(?:and\s+|&\s*)", "", segment).strip()
        if names and (suffix := SUFFIX.match(segment)):  # "Robert King, Jr.": the name before it
            text = suffix.group(1).rstrip(".")
            names[-1] = f"{names[-1]}, {text}." if text in ("Jr", "Sr") else f"{names[-1]}, {text}"
            segment = re.sub(r"^\s*(?:and\s+|&\s*)", "", segment[suffix.end():]).strip()
        if segment and not is_affiliation(segment):
            names += [name.strip() for name in NAME_SEPARATORS.split(segment) if name.strip()]
    return [name for name in names if name.lower() not in ("and", "&") and len(name.split()) <= MAX_NAME_WORDS
            and not name[0].isdigit()]


def is_affiliation(segment):
    """"Senior Director for Trade" or "an intern at KEI" after a comma: a title, not a name."""
    return bool(TITLE_WORDS.search(segment)) or any(
        word[0].islower() and word not in NAME_PARTICLES for word in segment.split())


def read_url(url, where):
    """(legacy path, slug, (year, month) or None) from --url: a full address or a path."""
    path = unquote(urlsplit(url.strip()).path)
    if not path.startswith("/") or len(path) > 500:
        raise SourceError(f"--url “{url}” is not an address or a path starting with “/”", where)
    match = OLD_BLOG_PATH.match(path)
    if not match:
        return path, "", None
    year, month = int(match.group("year")), int(match.group("month"))
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        raise SourceError(f"--url “{url}”: no month {year}/{match.group('month')}", where)
    return path if path.endswith("/") else path + "/", make_slug(match.group("slug"), "article", SLUG_LENGTH), (year, month)


@dataclass
class Header:
    title: list
    names: list
    categories: list
    date_line: object = None  # (DateLine, where)
    series_notes: list = None
    pictures: list = None  # pictures above or among the header lines (a theme's featured image)
    end: int = 0


def read_header(blocks, known_title=""):
    """Title and metadata from the first blocks, in whatever order the site printed them.

    A title comes first, or after a plain date line (some themes print the date above it);
    `known_title` (from an HTML page's markup) is skipped where the text repeats it.
    """
    header = Header(title=[], names=[], categories=[], series_notes=[], pictures=[])
    index, title_allowed = 0, not known_title
    byline = []  # the names of "By" lines: their order is the byline's, whatever "Author:" lines say
    while index < min(len(blocks), MAX_HEADER_BLOCKS):
        block = blocks[index]
        line = block.text
        if block.kind == "figure":  # kept for the top of the body; the header may go on after it
            header.pictures.append(block)
            index += 1
            continue
        if block.kind in ("ul", "ol", "blockquote") or "\n" in line:
            break
        try:
            date_line = read_date_line(line) if len(line) <= 120 else None
        except DateError as error:
            raise SourceError(str(error), block.where) from None
        if date_line is not None:
            if header.date_line is None:
                header.date_line = (date_line, block.where)
            add_names(header, date_line.names)
            title_allowed = title_allowed and not line.startswith("Published") and not date_line.names
        elif match := CATEGORY.match(line):
            header.categories += [n.strip() for n in match.group("names").split(",") if n.strip()]
            title_allowed = False
        elif (match := AUTHOR.match(line) or BYLINE.match(line)) and len(line.split()) <= MAX_BYLINE_WORDS:
            add_names(header, match.group("names"))
            if match.re is BYLINE:
                byline += [name for name in split_names(match.group("names")) if name not in byline]
            title_allowed = False
        elif SERIES_NOTE.match(line) and not header.names and (header.title or known_title):
            header.series_notes.append(block)
        elif known_title and not header.title and same_text(line, known_title):
            header.title.append(block)
        elif title_allowed and (not header.title or title_continues(blocks, index)):
            if len(line) > TITLE_LENGTH:
                raise SourceError(f"a title of {len(line)} characters (at most {TITLE_LENGTH}): "
                                  "is the page in that shape?", block.where)
            header.title.append(block)
        else:
            break
        index += 1
    header.end = index
    header.names = byline + [name for name in header.names if name not in byline]
    return header


def same_text(a, b):
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def title_continues(blocks, index):
    """A title printed over several lines: the next lines up to a "Published" line, all short."""
    for block in blocks[index:index + 3]:
        if block.text.startswith("Published") and len(block.text.split()) <= 8:
            return True  # read (or refused as unreadable) when the header reaches it
        if len(block.text) > 120:
            return False
    return False


def add_names(header, value):
    for name in split_names(value):
        if name not in header.names:
            header.names.append(name)


def read_tail(blocks, names):
    """(body blocks, author-note paragraphs, credit line, categories, tags): read from the end."""
    categories, tags, credit = [], [], ""
    while blocks and blocks[-1].kind == "p":
        text = blocks[-1].text
        if (found := post_footer(text)) is not None:
            categories, tags = found[0] + categories, found[1] + tags
        elif not credit and CREDIT.match(text) and len(text) <= CREDIT_LENGTH:
            credit = text  # one short line; a long paragraph that starts "Photo by" is text
        else:
            break
        blocks = blocks[:-1]
    note_start = len(blocks)
    while note_start > 1 and blocks[note_start - 1].kind == "p" and is_note(blocks[note_start - 1].text, names):
        note_start -= 1
    return blocks[:note_start], [block.text for block in blocks[note_start:]], credit, categories, tags


def post_footer(text):
    """(categories, tags) of a theme's footer line ("Posted in X | Tagged a, b | Leave a comment"), else None."""
    categories, tags = [], []
    parts = [part.strip() for part in text.split("|")]
    for part in parts:
        if match := CATEGORY.match(part):
            categories += [name.strip() for name in match.group("names").split(",") if name.strip()]
        elif match := TAGS.match(part):
            tags += [name.strip() for name in match.group("names").split(",") if name.strip()]
        elif not (len(parts) > 1 and FOOTER_CHROME.match(part)):
            return None
    return categories, tags


def is_note(paragraph, names):
    """Is this paragraph about the authors ("X is a …") or a "views expressed" disclaimer?"""
    if DISCLAIMER.search(paragraph) or paragraph.lower().startswith("about the author"):
        return True
    return any(paragraph.startswith(name) or paragraph.startswith(name.split()[-1] + " ") for name in names)


def sentences(text):
    """Split prose into sentences, not after initials or common abbreviations ("U.S.", "Dr.")."""
    result, start = [], 0
    for match in SENTENCE_END.finditer(text):
        candidate = text[start:match.end()].strip()
        if ABBREVIATION.search(candidate.rstrip("\"”’)")):
            continue
        result.append(candidate)
        start = match.end()
    if text[start:].strip():
        result.append(text[start:].strip())
    return result


def bio_for(name, note):
    """The note's sentences about `name`: starting with their name, or a pronoun right after one."""
    surname = name.split()[-1]
    chosen, previous_was_theirs = [], False
    for paragraph in note:
        for sentence in sentences(paragraph):
            theirs = (sentence.startswith(name) or sentence.startswith(surname + " ")
                      or (previous_was_theirs and bool(PRONOUN.match(sentence))))
            if theirs and not DISCLAIMER.search(sentence):
                chosen.append(sentence)
            previous_was_theirs = theirs
    return " ".join(chosen)


def choose_date(header, meta, options, url_month, where):
    """(publication day, precision): the page's own date line or markup, else --date (precision "day"),
    else the first of the old URL's month (precision "month")."""
    page_day, page_where = None, ""
    if header.date_line is not None:
        page_day, page_where = header.date_line[0].day, header.date_line[1]
    elif meta is not None and meta.day is not None:
        page_day, page_where = meta.day, meta.where
    option_day = None
    if options.date:
        try:
            option_day = parse_option_date(options.date)
        except DateError as error:
            raise SourceError(f"{options.source}: {error}") from None
    if page_day and option_day and page_day != option_day:
        raise SourceError(f"the page says {page_day:%B %-d, %Y} but {options.source} says {option_day:%Y-%m-%d}: "
                          "correct one of them", page_where)
    day = page_day or option_day
    if day is None and url_month is not None:
        return date(*url_month, 1), "month"  # the month is all the address says: shown as "April 2020"
    if day is None:
        raise SourceError(f"no “Published <Month D, YYYY>” date line (nor any other date line in the page); {DATE_HELP}",
                          where)
    return day, "day"


def choose_title(header, meta, blocks):
    """(where, title): the HTML's own title when it has one, else the header's title lines."""
    if meta and meta.title:
        title_where, title = (header.title[0].where if header.title else meta.where), meta.title
        if len(title) > TITLE_LENGTH:
            raise SourceError(f"a title of {len(title)} characters (at most {TITLE_LENGTH})", title_where)
        return title_where, title
    if header.title:
        return header.title[0].where, " ".join(block.text for block in header.title)
    raise SourceError("no title before the “Published” line (the first line of the article should be its "
                      "title)", blocks[0].where)


def assemble(blocks, options, meta=None, first_where="line 1", after=()):
    """The PostRecord for a page's content blocks (chrome already removed), or SourceError.

    `after` are paragraphs printed after the blocks (outside what an HTML extractor kept): those
    that read as an author note or a photo credit are part of the page's tail, the rest is chrome.
    """
    if not blocks:
        raise SourceError("no article text (the page is chrome only)", first_where)
    header = read_header(blocks, meta.title if meta else "")
    title_where, title = choose_title(header, meta, blocks)
    names = header.names or list(meta.authors if meta else ())
    categories = header.categories or list(meta.categories if meta else ())
    legacy_path, url_slug, url_month = read_url(options.url, "--url") if options.url else ("", "", None)
    day, precision = choose_date(header, meta, options, url_month, title_where)
    rest = blocks[header.end:] + [block for block in after if is_note(block.text, names)
                                  or (CREDIT.match(block.text) and len(block.text) <= CREDIT_LENGTH)]
    body, note, credit, tail_categories, tags = read_tail(rest, names)
    body = header.series_notes + header.pictures + body
    if not body:
        raise SourceError("no body after the header", blocks[header.end - 1].where if header.end else first_where)
    series = [name for name in names if SERIES_BYLINE.match(name)]
    people = [name for name in names if name not in series]
    slug = url_slug or make_slug(title, "article", SLUG_LENGTH)
    return PostRecord(
        title=title,
        slug=slug[:SLUG_LENGTH],
        status=options.status,
        published_at=publication_time(day),
        date_precision=precision,
        body=render(body),
        author_note="\n\n".join(note),
        image_credit=credit,
        authors=[AuthorRecord(name=name, slug=make_slug(name, "author"), bio=bio_for(name, note))
                 for name in people],
        categories=[CategoryRecord(name=name, slug=make_slug(name, "category"))
                    for name in categories or tail_categories or ([options.category] if options.category else [])],
        tags=[TagRecord(name=name, slug=make_slug(name, "entity"))
              for name in tags or (meta.tags if meta else ())],
        series=series[0] if series else "",
        legacy_path=legacy_path,
        where=title_where,
        blocks=body,
    )
