"""The one slug rule for every importer and form: Unicode, never empty, never a "/", unique.

Slugs become path segments (/tag/<slug>/), so a slug that is empty or holds a "/" makes
reverse() fail on every page that links to it. Hangul, kana and accented letters stay as
they are (`allow_unicode`): for a Korea-focused archive they are the normal case.
"""
import re
from functools import lru_cache
from urllib.parse import unquote

from django.utils.text import slugify

# Separators WordPress and editors use inside names ("a/b", "a\\b", "%2F"): a hyphen, not nothing.
_SEPARATORS = re.compile(r"[/\\|]+")


@lru_cache(maxsize=8192)  # imports ask for the same authors', categories' and tags' slugs post after post
def make_slug(value, fallback, max_length=200):
    """A Unicode slug for `value` (percent-escapes decoded, "/" as "-"), or `fallback` when nothing is left."""
    text = _SEPARATORS.sub("-", unquote(str(value or "")))
    slug = slugify(text, allow_unicode=True)[:max_length].strip("-_")
    return slug or slugify(fallback, allow_unicode=True)[:max_length] or "item"


def free_slug(queryset, slug, max_length=200):
    """`slug`, or `slug-2`, `slug-3`… the first not taken in `queryset` (rows of one model)."""
    stem = slug[:max_length - 6]  # room for "-99999"
    taken = set(queryset.filter(slug__startswith=stem).values_list("slug", flat=True))
    if slug not in taken:
        return slug
    n = 2
    while f"{stem}-{n}" in taken:
        n += 1
    return f"{stem}-{n}"
