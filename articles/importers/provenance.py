"""Where an imported article came from, and what it held when it came.

An imported post is known by (source site, post id): post 13 of one WordPress site is not post 13
of another. The site is the export's `<wp:base_site_url>` (else `<wp:base_blog_url>`, else the
channel's `<link>`), written as `site_key()` makes it: no scheme, lower-case host without "www."
or a default port, the path kept (a site may live under one: "example.org/blog"), no trailing
slash. So http/https and www/no-www copies of one site are one source; an export that names no
site is the source "" (one shared "no site named" source). Articles imported before sources were
recorded have the source UNKNOWN until an import of their site claims them (same post id and
same old permalink).

`import_digest` is a hash of what the last import wrote: the fields an import sets, the byline,
categories, series and entity links. When an article's digest of today differs from it, someone
changed the article here since, and a re-import keeps it unless told to overwrite.
"""
import hashlib
import json
from datetime import timezone as dt_timezone
from urllib.parse import urlsplit

UNKNOWN_SOURCE = "unknown"  # imported before sources were recorded; claimed by the next import of its site
SOURCE_LENGTH = 300  # Article.import_source's max_length
DIGEST_FIELDS = ("title", "status", "published_at", "body", "excerpt", "author_note", "image_credit")
DEFAULT_PORTS = {"http": 80, "https": 443}


def site_key(url):
    """'https://WWW.Example.org:443/blog/' -> 'example.org/blog'; '' for no URL (or one without a host)."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    try:
        host, port = (parts.hostname or ""), parts.port
    except ValueError:  # a port that is not a number
        host, port = (parts.hostname or ""), None
    if not host:
        return ""
    host = host.removeprefix("www.")
    if port and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    return f"{host}{parts.path}".rstrip("/")[:SOURCE_LENGTH]


def content_digest(values, author_ids, category_ids, series_id, entity_ids):
    """A hash of what an import writes into an article: `values` maps DIGEST_FIELDS to stored values."""
    def plain(value):
        if hasattr(value, "astimezone"):
            return value.astimezone(dt_timezone.utc).isoformat()
        return value

    state = [[name, plain(values[name])] for name in DIGEST_FIELDS]
    state += [list(author_ids), list(category_ids), series_id, sorted(entity_ids)]
    return hashlib.sha256(json.dumps(state, ensure_ascii=False).encode()).hexdigest()


def article_digest(article, author_ids, category_ids, entity_ids):
    """content_digest() of an Article instance and the ids of what it links to."""
    return content_digest({name: getattr(article, name) for name in DIGEST_FIELDS}, author_ids, category_ids,
                          article.series_id, entity_ids)
