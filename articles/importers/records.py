"""What an importer reads out of a source, before anything touches the database."""
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from articles.html_limits import check_body


class SourceError(Exception):
    """A source that cannot be imported; the message names where (line or item) and why."""

    def __init__(self, message, where=""):
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


def check_record_body(record):
    """SourceError when the record's body is past the limits the sanitiser needs (articles/html_limits.py)."""
    try:
        check_body(record.body)
    except ValidationError as error:
        raise SourceError(f"body: {error.messages[0]}", record.where) from None


@dataclass
class AuthorRecord:
    name: str
    slug: str
    bio: str = ""


@dataclass
class CategoryRecord:
    name: str
    slug: str
    parent_slug: str = ""
    description: str = ""


@dataclass
class TagRecord:
    name: str
    slug: str
    description: str = ""


@dataclass
class PostRecord:
    """One article as the source describes it. `body` is HTML; the model sanitises it on save."""

    title: str
    slug: str
    status: str
    published_at: object = None
    date_precision: str = "day"  # "month" for a date known to the month only (an old /YYYY/MM/ address)
    modified_at: object = None  # the source's own modified date, when it has one (WXR post_modified_gmt)
    body: str = ""
    excerpt: str = ""
    author_note: str = ""
    image_credit: str = ""
    image_url: str = ""  # a lead picture's address (a saved page's featured picture), copied as `image`
    image: str = ""  # the storage name of the lead picture's copy
    image_alt: str = ""
    authors: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    wp_id: int | None = None
    source: str = ""  # the site the post id belongs to (provenance.site_key()): (source, wp_id) is the post's key
    origin: str = ""  # where it came from, for its revision's comment ("Imported from …"): a site, URL or file
    legacy_path: str = ""
    where: str = ""
    source_body: str = ""  # the body as the source had it, before paragraph treatment
    series: str = ""  # the name of the series a group byline is ("Korea View")
    blocks: list = field(default_factory=list, repr=False)  # the body's blocks, for --dry-run counts
