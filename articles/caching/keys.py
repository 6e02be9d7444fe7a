"""Page cache keys: a page's host, path and the query parameters its view reads, under a generation."""
import hashlib
from functools import lru_cache

from django.conf import settings
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.http import urlencode


def page_key(request, generation, query=None):
    """The cache key of a page: host, path and `query` (default: the query parameters its view reads)."""
    if query is None:
        query = page_query(request, page_params(request) or ())
    address = f"{request.get_host()}{request.path}?{query}"
    return f"page:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def page_query(request, names):
    """The request's query string narrowed to `names`, in a fixed order: stray parameters (utm_*, fbclid,
    a cache-buster) do not make another copy of the page."""
    return urlencode([(name, value) for name in sorted(names) for value in request.GET.getlist(name)])


def page_params(request):
    """The query parameters the cached page view at this path reads, or None when no such view answers it."""
    return _view_params(get_urlconf() or settings.ROOT_URLCONF, request.path_info)


@lru_cache(maxsize=4096)
def _view_params(urlconf, path):
    # Kept per process: which view answers a path depends only on the URL configuration (no view here is
    # chosen by the database), and resolving was about half of what serving a cached page cost.
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not getattr(view_class, "keeps_pages", False):
        return None
    return view_class.query_params


def served_key(request):
    """The key of a page as it was sent, under its address alone: the entry names its generation."""
    return page_key(request, "served")
