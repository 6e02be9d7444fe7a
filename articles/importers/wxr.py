"""Reading a WordPress export (WXR 1.0, 1.1, 1.2) as a stream of records.

Elements are matched by namespace URI, never by prefix: the export's WordPress namespace is
the one its `wxr_version` element is in, so a `wp:` prefix bound elsewhere is just foreign
markup. Each item is dropped from the tree once read, so memory stays flat however large
the file. PHP-serialised meta values are never unserialised (only counted): unserialising
untrusted data is an object-injection hazard, and articles need none of it.
"""
import html
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone as dt_timezone
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils import timezone

from articles.dates import date_problem
from articles.slugs import make_slug

from .autop import autop
from .code_blocks import keep_code_as_code
from .pictures import attachment_alt, caption_figures
from .provenance import site_key
from .records import AuthorRecord, CategoryRecord, PostRecord, SourceError, TagRecord

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/$")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
NO_DATE = "0000-00-00 00:00:00"
# WordPress status -> (article status, or None to skip with that reason).
STATUSES = {
    "publish": "published", "future": "published", "draft": "draft", "pending": "review", "private": "draft",
}
SKIPPED_STATUSES = ("trash", "auto-draft", "inherit")
MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")
POST_ID_DIGITS = 18  # Article.wp_id is a 64-bit integer; ASCII digits only ("²".isdigit() is true)
POST_ID = re.compile(rf"[0-9]{{1,{POST_ID_DIGITS}}}")
NOT_ARTICLES = {"page": "pages", "attachment": "attachments", "nav_menu_item": "menu items"}


@dataclass
class Item:
    """A skipped or not-imported item, with why (`reason`) or what it is (`kind`)."""

    kind: str = ""
    reason: str = ""
    where: str = ""
    attachment: tuple = ()  # an attachment's (picture address, alt text)


@dataclass
class Channel:
    """Site-level facts read so far."""

    version: str = ""
    namespace: str = ""
    base_url: str = ""  # <wp:base_site_url>
    blog_url: str = ""  # <wp:base_blog_url>
    link: str = ""  # the channel's <link>
    published: object = None
    term_counts: dict = field(default_factory=dict)

    @property
    def site(self):
        """The export's site as a source key ("example.org"): its base site URL, else blog URL, else link."""
        return site_key(self.base_url) or site_key(self.blog_url) or site_key(self.link)


def split_tag(tag):
    """'{uri}local' -> ('uri', 'local')."""
    if tag.startswith("{"):
        uri, _, local = tag[1:].partition("}")
        return uri, local
    return "", tag


def text_of(element):
    return "".join(element.itertext()).strip() if element is not None else ""


def excerpt_of(element):
    """An item's <excerpt:encoded>, whichever WXR version's excerpt namespace it is in."""
    return next((text_of(child) for child in element
                 if EXCERPT_NAMESPACE.match(split_tag(child.tag)[0]) and split_tag(child.tag)[1] == "encoded"), "")


class CountingReader:
    """A binary file wrapper that reports how many bytes were read (for the progress bar)."""

    def __init__(self, handle, on_read):
        self.handle, self.on_read = handle, on_read

    def read(self, size=-1):
        data = self.handle.read(size)
        self.on_read(len(data))
        return data


def item_terms(element):
    """(categories, tags): the CategoryRecords and TagRecords of an item's <category> terms."""
    categories, tags = [], []
    for term in element.findall("category"):
        domain, nicename, name = term.get("domain", ""), term.get("nicename", ""), text_of(term)
        if not nicename:
            continue  # WXR 1.0 repeats each term without a nicename; WordPress ignores those too
        if domain == "category":
            categories.append(CategoryRecord(name=name or unquote(nicename), slug=make_slug(nicename, "category")))
        elif domain in ("post_tag", "tag"):
            tags.append(TagRecord(name=name or unquote(nicename), slug=make_slug(nicename, "entity")))
    return categories, tags


class WxrReader:
    """Iterate over a WXR file: AuthorRecord, CategoryRecord, TagRecord, PostRecord or Item objects."""

    def __init__(self, handle, on_read=None, posts=True):
        self.handle = CountingReader(handle, on_read) if on_read else handle
        self.posts = posts  # False: posts are only counted (a first pass that reads the attachments)
        self.channel = Channel()
        self.item_number = 0
        self.pending = []  # channel children seen before wxr_version, read once the namespace is known

    def __iter__(self):
        stack = []
        try:
            for event, element in iterparse(self.handle, events=("start", "end")):
                if event == "start":
                    stack.append(element)
                    if len(stack) == 1 and split_tag(element.tag)[1] != "rss":
                        raise SourceError(f"not a WordPress export: the root element is <{split_tag(element.tag)[1]}>, "
                                          "not <rss>")
                    continue
                stack.pop()
                if len(stack) == 2 and split_tag(stack[1].tag) == ("", "channel"):
                    yield from self.channel_child(element)
                    stack[1].remove(element)
        except ParseError as error:
            line, column = error.position
            reason = re.sub(r":?\s*line \d+, column \d+$", "", str(error))
            raise SourceError(f"malformed or truncated XML ({reason})", f"line {line}, column {column}") from error
        except DefusedXmlException as error:
            raise SourceError(f"refused XML: {error}") from error
        if not self.channel.version:
            raise SourceError("not a WordPress export: missing wp:wxr_version")

    def channel_child(self, element):
        uri, local = split_tag(element.tag)
        if local == "wxr_version" and WP_NAMESPACE.match(uri) and not self.channel.version:
            version = text_of(element)
            if version not in SUPPORTED_VERSIONS:
                raise SourceError(f"unknown WXR version “{version}” (supported: {', '.join(SUPPORTED_VERSIONS)})",
                                  "<wp:wxr_version>")
            self.channel.version, self.channel.namespace = version, uri
            for kept in self.pending:
                yield from self.channel_child(kept)
            self.pending.clear()
        elif not uri and local == "pubDate":
            self.channel.published = parse_rfc822(text_of(element))
        elif not uri and local == "link":
            self.channel.link = text_of(element)
        elif not uri and local == "item":
            self.item_number += 1
            if not self.channel.version:
                raise SourceError("not a WordPress export: an item comes before wp:wxr_version",
                                  f"item {self.item_number}")
            yield self.read_item(element)
        elif not self.channel.version:
            if WP_NAMESPACE.match(uri):
                self.pending.append(element)
        elif uri == self.channel.namespace:
            record = self.read_term(local, element)
            if record is not None:
                yield record

    def wp(self, element, name):
        return text_of(element.find(f"{{{self.channel.namespace}}}{name}"))

    def read_term(self, local, element):
        wp = self.wp
        if local == "base_site_url":
            self.channel.base_url = text_of(element)
        elif local == "base_blog_url":
            self.channel.blog_url = text_of(element)
        elif local == "author":
            login = wp(element, "author_login")
            if login:
                return AuthorRecord(name=wp(element, "author_display_name") or login, slug=author_slug(login))
        elif local == "category":
            name, slug = wp(element, "cat_name"), wp(element, "category_nicename")
            if name or slug:
                return CategoryRecord(name=name or slug, slug=make_slug(slug or name, "category"),
                                      parent_slug=wp(element, "category_parent"),
                                      description=wp(element, "category_description"))
        elif local == "tag":
            name, slug = wp(element, "tag_name"), wp(element, "tag_slug")
            if name or slug:
                return TagRecord(name=name or unquote(slug), slug=make_slug(slug or name, "entity"),
                                 description=wp(element, "tag_description"))
        elif local == "term":
            taxonomy, name, slug = wp(element, "term_taxonomy"), wp(element, "term_name"), wp(element, "term_slug")
            if taxonomy == "category":
                return CategoryRecord(name=name or slug, slug=make_slug(slug or name, "category"),
                                      parent_slug=wp(element, "term_parent"),
                                      description=wp(element, "term_description"))
            if taxonomy == "post_tag":
                return TagRecord(name=name or unquote(slug), slug=make_slug(slug or name, "entity"),
                                 description=wp(element, "term_description"))
            self.channel.term_counts[taxonomy or "unnamed"] = self.channel.term_counts.get(taxonomy or "unnamed", 0) + 1
        return None

    def read_item(self, element):
        wp = self.wp
        raw_id = wp(element, "post_id")
        # Titles are plain text here; WordPress allows markup in them ("Title <em>With</em> Markup").
        title = " ".join(html.unescape(MARKUP.sub("", text_of(element.find("title")))).split())
        where = f"item {self.item_number}" + (f" (post {raw_id})" if raw_id else "") + (f" “{title[:60]}”" if title else "")
        post_type = wp(element, "post_type")
        if not post_type:
            return Item(reason="no post type", where=where)
        if post_type == "attachment":
            return Item(kind=NOT_ARTICLES[post_type], where=where, attachment=attachment(element, title, self.wp))
        if post_type != "post" or not self.posts:
            return Item(kind=NOT_ARTICLES.get(post_type, f"{post_type} items"), where=where)
        if not POST_ID.fullmatch(raw_id):
            return Item(reason=post_id_problem(raw_id), where=where)
        wp_status = wp(element, "status") or "draft"
        if wp_status in SKIPPED_STATUSES:
            return Item(reason=f"status {wp_status}", where=where)
        if wp_status not in STATUSES:
            return Item(reason=f"unknown status “{wp_status}”", where=where)
        status = STATUSES[wp_status]
        published_at = self.item_date(element, where, status)
        categories, tags = item_terms(element)
        # dc:creator is standard; some exporters write the login in wp:author or wp:wp_author instead.
        creator = text_of(element.find(f"{{{DC_NAMESPACE}}}creator")) or wp(element, "author") or wp(element, "wp_author")
        excerpt = excerpt_of(element)
        post_id = int(raw_id)
        content = text_of(element.find(f"{{{CONTENT_NAMESPACE}}}encoded"))
        return PostRecord(
            title=title[:300] or f"Untitled post {post_id}",
            slug=item_slug(wp(element, "post_name"), title, post_id),
            status=status,
            published_at=published_at,
            modified_at=self.item_modified(element),
            body=autop(caption_figures(keep_code_as_code(content))),  # valid_body() once alt texts are in
            source_body=content,
            excerpt=excerpt,
            authors=[AuthorRecord(name=creator, slug=author_slug(creator))] if creator else [],
            categories=categories,
            tags=tags,
            wp_id=post_id,
            source=self.channel.site,
            origin=self.channel.site or "a WordPress export that names no site",
            legacy_path=legacy_path(text_of(element.find("link"))),
            where=where,
        )

    def item_date(self, element, where, status):
        """post_date_gmt, else post_date in the site's zone, else (for a published post) the export's date."""
        for value, zone in self.date_columns(element, "post_date"):
            try:
                when = wp_datetime(value, zone)
            except ValueError:
                raise SourceError(f"unreadable date “{value}”", where) from None
            if when and (problem := date_problem(when)):
                raise SourceError(f"date “{value}”: {problem}", where)
            if when:
                return when
        return self.channel.published if status == "published" else None

    def item_modified(self, element):
        """post_modified_gmt, else post_modified in the site's zone; None when absent or unreadable (the
        post is imported all the same, and counts as last changed when published)."""
        for value, zone in self.date_columns(element, "post_modified"):
            try:
                when = wp_datetime(value, zone)
            except ValueError:
                continue
            if when and not date_problem(when):
                return when
        return None

    def date_columns(self, element, name):
        """(value, zone) of a date's two columns: `name`_gmt in UTC, then `name` in the site's zone."""
        return ((self.wp(element, f"{name}_gmt"), dt_timezone.utc),
                (self.wp(element, name), timezone.get_default_timezone()))


def attachment(element, title, wp):
    """(picture address, alt text) of an attachment item: its own alt text, else caption, description, title.
    `wp(element, name)` reads the export's wp: elements."""
    meta = {wp(entry, "meta_key"): wp(entry, "meta_value")
            for entry in element if entry.tag.endswith("}postmeta")}
    alt = attachment_alt(meta.get("_wp_attachment_image_alt", ""), excerpt_of(element),
                         text_of(element.find(f"{{{CONTENT_NAMESPACE}}}encoded")), title)
    return wp(element, "attachment_url"), alt


def wp_datetime(value, zone):
    """A WXR date column's value as an aware datetime in `zone`; None when empty; ValueError if unreadable."""
    if not value or value == NO_DATE:
        return None
    return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)


def item_slug(post_name, title, post_id):
    return make_slug(post_name or title, f"post-{post_id}", max_length=280)


def post_id_problem(raw_id):
    if not raw_id:
        return "no post id"
    if raw_id.isascii() and raw_id.isdigit():
        return f"post id “{raw_id[:40]}” is too large (at most {POST_ID_DIGITS} digits)"
    return f"post id “{raw_id[:40]}” is not a number"


def author_slug(login):
    return make_slug(login, "author")


def legacy_path(link):
    """The old permalink's path, or "" when it has none worth redirecting (the root, "/?p=12")."""
    path = urlsplit(link).path if link else ""
    return unquote(path)[:500] if path not in ("", "/") else ""


def parse_rfc822(value):
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo and parsed.year >= 1970 and not date_problem(parsed) else None
