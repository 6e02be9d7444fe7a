"""Public URLs of pages named by a slug (article, author, category, series, entity), without a
reverse() for each: a search page links some forty of them, and each reverse() matches the URL
patterns anew, a third of the cost of rendering its cards."""
import re
from functools import lru_cache

from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse

# Characters that reverse() writes as they are (no percent-encoding): any other slug takes reverse().
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLOT = "slug-slot-0"


@lru_cache(maxsize=64)
def around_slug(resolver, prefix, view_name):
    """(before, after) the slug in the view's URL; keyed by resolver and script prefix, which a
    request or a test's settings may change."""
    before, after = reverse(view_name, kwargs={"slug": SLOT}).split(SLOT)
    return before, after


def slug_url(view_name, slug):
    """reverse(view_name, kwargs={"slug": slug}), built from the view's URL around a placeholder."""
    slug = str(slug)
    if not PLAIN_SLUG.fullmatch(slug):
        return reverse(view_name, kwargs={"slug": slug})
    before, after = around_slug(get_resolver(get_urlconf()), get_script_prefix(), view_name)
    return f"{before}{slug}{after}"
