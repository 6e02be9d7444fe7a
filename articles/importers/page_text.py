"""Reading a Peninsula page saved as text (site chrome and all) into a PostRecord.

The shape, as in the reference article: chrome (search box, "Total Index" line, mailing-list
box), the label "The Peninsula", the title, "Published <Month D, YYYY>", optional
"Category: X", optional "Author: X", an optional "By A, B and C" line, the body, the author
note (the paragraphs about the authors and any "views expressed" disclaimer), an optional
photo credit line, then "Return to the Peninsula" and the "Stay Informed" footer.
"""
import html
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from articles.dates import date_problem
from articles.slugs import make_slug

from .records import AuthorRecord, CategoryRecord, PostRecord, SourceError
from .sources import check_source_path

PUBLISHER_TZ = ZoneInfo("America/New_York")
LABEL = "The Peninsula"
END_LINES = ("Return to the Peninsula", "Stay Informed")
PUBLISHED = re.compile(r"^Published\b:?\s*(?P<date>.*)$")
CATEGORY = re.compile(r"^Categor(?:y|ies):\s*(?P<names>.+)$")
AUTHOR = re.compile(r"^Authors?:\s*(?P<names>.+)$")
BYLINE = re.compile(r"^By\s+(?P<names>[^.!?]+?)\s*$")
NAME_SEPARATORS = re.compile(r"\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*")
CREDIT = re.compile(
    r"^(?:(?:Cover\s+|Featured\s+)?(?:Photo|Image|Picture|Photograph|Graphic|Map)s?\s+"
    r"(?:from|by|courtesy|credit|source)\b|(?:Photo|Image)\s+credit:)", re.I)
DISCLAIMER = re.compile(r"\bviews?\s+(?:expressed|are\s+(?:the|their|his|her))|\bdo(?:es)? not (?:necessarily )?reflect",
                        re.I)
BULLET = re.compile(r"^[-*•–]\s+(?P<text>.+)$")
NUMBERED = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<text>.+)$")
PRONOUN = re.compile(r"^(?:He|She|They|Their|His|Her)\b")
ABBREVIATION = re.compile(r"(?:\b[A-Z]\.|\b(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Gen|Col|Lt|Gov|Sen|Rep|Amb|No|vs|etc)\.)$")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
MAX_BYLINE_WORDS = 20
TITLE_LENGTH = 300  # Article.title's max_length
CREDIT_LENGTH = 500  # Article.image_credit's max_length
SLUG_LENGTH = 280  # Article.slug's 300, less room for a "-2" when the slug is taken


def read_page_file(path):
    """The text of a saved page, refusing a directory, an empty, binary or non-UTF-8 file."""
    data = check_source_path(path).read_bytes()
    if b"\x00" in data:
        raise SourceError("a binary file, not text (it holds NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"not UTF-8 text (byte {error.start})") from error


def parse_page(text, status="published"):
    """The PostRecord in a saved page's text; SourceError (with the line) when it has not that shape."""
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)]
    content = article_lines(lines)
    title_at, published_at = find_date(content)
    title_lines = content[:title_at]
    if not title_lines:
        raise SourceError("no title before the “Published” line", f"line {content[title_at][0]}")
    title = " ".join(line for _, line in title_lines)
    if len(title) > TITLE_LENGTH:
        raise SourceError(f"a title of {len(title)} characters (at most {TITLE_LENGTH}): is the page in that shape?",
                          f"line {title_lines[0][0]}")
    rest = content[title_at + 1:]
    categories, names, rest = read_header(rest)
    body_lines, note, credit = split_tail(rest, names)
    if not body_lines:
        raise SourceError("no body after the header", f"line {content[title_at][0]}")
    authors = [AuthorRecord(name=name, slug=make_slug(name, "author"), bio=bio_for(name, note)) for name in names]
    return PostRecord(
        title=title,
        slug=make_slug(title, "article", SLUG_LENGTH),
        status=status,
        published_at=published_at,
        body=lines_to_html([line for _, line in body_lines]),
        author_note="\n\n".join(note),
        image_credit=credit,
        authors=authors,
        categories=[CategoryRecord(name=name, slug=make_slug(name, "category")) for name in categories],
        where=f"line {title_lines[0][0]}",
    )


def article_lines(lines):
    """The non-blank lines between the "The Peninsula" label and "Return to the Peninsula"."""
    start = next((i for i, (_, line) in enumerate(lines) if line == LABEL), None)
    if start is None:
        raise SourceError(f"not a saved Peninsula page: no “{LABEL}” label line", "line 1")
    end = next((i for i, (_, line) in enumerate(lines) if i > start and line in END_LINES), None)
    if end is None:
        raise SourceError(f"not a saved Peninsula page: no “{END_LINES[0]}” line after the article",
                          f"line {lines[-1][0]}")
    return [(number, line) for number, line in lines[start + 1:end] if line]


def find_date(content):
    """(index of the "Published" line, aware datetime at noon New York time on that date)."""
    for index, (number, line) in enumerate(content):
        match = PUBLISHED.match(line)
        if match:
            return index, parse_date(match.group("date"), number)
    where = f"line {content[0][0]}" if content else "line 1"
    raise SourceError("no “Published <Month D, YYYY>” date line", where)


def parse_date(value, number):
    value = value.strip()
    for pattern in ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%d %B %Y"):
        try:
            day = datetime.strptime(value, pattern)
        except ValueError:
            continue
        if problem := date_problem(day):
            raise SourceError(f"date “{value}”: {problem}", f"line {number}")
        # Noon keeps the calendar date the same in every time zone readers are in.
        return day.replace(hour=12, tzinfo=PUBLISHER_TZ)
    raise SourceError(f"unreadable date “{value}” (expected e.g. “February 18, 2015”)", f"line {number}")


def read_header(rest):
    """Category, "Author:" and "By" lines right after the date: (categories, author names, remaining lines)."""
    categories, names = [], []
    while rest:
        number, line = rest[0]
        if match := CATEGORY.match(line):
            categories += [name.strip() for name in match.group("names").split(",") if name.strip()]
        elif (match := AUTHOR.match(line) or BYLINE.match(line)) and len(line.split()) <= MAX_BYLINE_WORDS:
            names += [name for name in split_names(match.group("names")) if name not in names]
        else:
            break
        rest = rest[1:]
    return categories, names, rest


def split_names(value):
    """"A and B", "A, B and C", "A, B, and C", "A & B" -> the names."""
    return [name.strip() for name in NAME_SEPARATORS.split(value.strip()) if name and name.strip()]


def split_tail(rest, names):
    """(body lines, author-note paragraphs, credit line): the note and credit are read from the end."""
    credit = ""
    # A credit is one short line; a long paragraph that starts "Photo by" is text, not a credit.
    if rest and CREDIT.match(rest[-1][1]) and len(rest[-1][1]) <= CREDIT_LENGTH:
        credit = rest[-1][1]
        rest = rest[:-1]
    note_start = len(rest)
    while note_start > 1 and is_note(rest[note_start - 1][1], names):
        note_start -= 1
    return rest[:note_start], [line for _, line in rest[note_start:]], credit


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


def lines_to_html(lines):
    """Body lines as HTML: each line a paragraph; runs of "1." or "-" lines become <ol>/<ul> lists."""
    blocks, run, run_kind = [], [], None

    def close_run():
        if run:
            start = run[0][0]
            attrs = f' start="{start}"' if run_kind == "ol" and start not in (None, 1) else ""
            items = "\n".join(f"<li>{html.escape(text, quote=False)}</li>" for _, text in run)
            blocks.append(f"<{run_kind}{attrs}>\n{items}\n</{run_kind}>")
            run.clear()

    for line in lines:
        numbered, bullet = NUMBERED.match(line), BULLET.match(line)
        kind = "ol" if numbered else "ul" if bullet else None
        if kind != run_kind:
            close_run()
            run_kind = kind
        if numbered:
            run.append((int(numbered.group("number")), numbered.group("text")))
        elif bullet:
            run.append((None, bullet.group("text")))
        else:
            blocks.append(f"<p>{html.escape(line, quote=False)}</p>")
    close_run()
    return "\n".join(blocks)
