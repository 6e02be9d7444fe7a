"""Rendered public pages kept in Django's cache, dropped whenever the site's content changes.

Every committed content write (save, delete, m2m change, bulk import) bumps one site-wide
generation number (articles/receivers.py calls `bump_generation` after the commit), kept in the
cache that never evicts (the "state" alias: SQLite files under var/cache/state by default, so every
gunicorn worker on the host sees it; Redis with REDIS_URL for several hosts). Page keys contain it, so a change retires every cached
page at once with no bookkeeping of which page shows what; a page rendered from the old rows while
the write was in flight went under the old number, which no reader asks for any more. Entries
also expire at the next scheduled publication, so a scheduled article appears on time without
any write.

What a fresh render derives from the whole archive (the site summary, related articles, entity
counts, year charts, co-mentions) is kept in each process for the current generation only
(`remember`), so it is computed once per worker and change, not once per page view.

A page found this way is kept a second time as it left the server, headers and all, under its address
alone (`served_key`); `CachedPageMiddleware` answers a reader who carries no session or message cookie
from that copy before sessions, authentication, CSRF and the view run, with one read of the
generation and, unless this worker sent the page last, one of the page.

Cached pages carry nothing per visitor (no CSRF token or cookie: the sign-up box they hold is
protected by archive.origin_check), so browsers and CDNs may keep them too, asking again each time.
"""
import hashlib
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.connection import ConnectionProxy
from django.utils.http import http_date, urlencode

GENERATION_KEY = "content-generation"
# The generation lives in the cache that never evicts ("state"): evicted, it would start afresh and
# bring back pages an edit had retired.
state = ConnectionProxy(caches, "state")
logger = logging.getLogger(__name__)


def content_generation(request=None):
    """The current content generation: the time (ns) of the last content change any worker made.

    With `request`, read from the cache once per request and kept on it."""
    generation = getattr(request, "content_generation", None)
    if generation is not None:
        return generation
    generation = state.get(GENERATION_KEY)
    if generation is None:
        generation = start_generation()
    if request is not None:
        request.content_generation = generation
    return generation


def start_generation():
    """A first generation when the cache holds none (new, emptied or restarted): the first worker's wins."""
    generation = time.time_ns()
    if state.add(GENERATION_KEY, generation, None):
        return generation
    return state.get(GENERATION_KEY) or generation


def bump_generation(**kwargs):
    """Retire every cached page and every value `remember` keeps, in every worker: a new generation,
    always past the current one. A clock that stands still (a frozen test clock) or runs behind
    (another app server's) must not bring back the pages the change retired. Call it after the
    commit (keyword arguments are ignored, so it can be a signal receiver)."""
    state.set(GENERATION_KEY, max(time.time_ns(), (state.get(GENERATION_KEY) or 0) + 1), None)


class GenerationMemo:
    """Values derived from the content, kept in this process for one generation and until the next
    scheduled publication, whichever ends first. Bounded: past `max_entries` it starts again."""

    def __init__(self, max_entries=5000):
        self.max_entries = max_entries
        self.lock = threading.Lock()
        self.forget()

    def forget(self):
        self.generation, self.until, self.values = None, float("inf"), {}

    def _start(self, generation, until):
        """With the lock held: begin afresh for another generation, past `until`, or when full."""
        if generation != self.generation or time.time() >= self.until or len(self.values) >= self.max_entries:
            self.forget()
            self.generation = generation
        self.until = min(self.until, until)

    def get(self, generation, key, compute, until=float("inf")):
        with self.lock:
            self._start(generation, until)
            if key in self.values:
                return self.values[key]
        value = compute()
        with self.lock:
            if self.generation == generation:
                self.values[key] = value
        return value

    def get_many(self, generation, keys, compute_missing, until=float("inf")):
        """{key: value} for `keys`; `compute_missing(keys)` gives {key: value} for those not kept, in one
        go. A key it leaves out is left out of the answer and not kept."""
        with self.lock:
            self._start(generation, until)
            found = {key: self.values[key] for key in keys if key in self.values}
        missing = [key for key in keys if key not in found]
        if missing:
            computed = compute_missing(missing)
            with self.lock:
                if self.generation == generation:
                    self.values.update(computed)
            found.update(computed)
        return found

    def expire_at(self, generation, timestamp):
        with self.lock:
            if self.generation == generation:
                self.until = min(self.until, timestamp)


memo = GenerationMemo()
# Values kept per article (search result cards): many small ones, kept apart so that reaching the
# bound never drops the generation's costlier values above (facet counts, "did you mean" names).
article_memo = GenerationMemo(max_entries=10000)


def forget_derived_values():
    """Drop what this process keeps (tests, which roll the database back under one generation), pages too."""
    for store in (memo, article_memo):
        with store.lock:
            store.forget()
    recent_pages.forget()


def remember(request, key, compute):
    """compute() for the current generation, once per process: `key` must name everything it depends on
    (what, and for which article or entity). Shared values: callers must not change what they get."""
    generation = content_generation(request)
    publication_summary(generation)  # sets when these values go stale (the next scheduled publication)
    return memo.get(generation, key, compute)


def remember_each(request, kind, article_ids, compute_missing):
    """{article id: value} of one `kind` for these articles, each kept for the current generation like
    `remember`; `compute_missing(ids)` gives {id: value} for the ones not kept yet, all at once."""
    generation = content_generation(request)
    until = publication_summary(generation)["fresh_until"]
    found = article_memo.get_many(generation, [(kind, pk) for pk in article_ids],
                                  lambda keys: {(kind, pk): value
                                                for pk, value in compute_missing([pk for _, pk in keys]).items()},
                                  until)
    return {pk: found[kind, pk] for pk in article_ids if (kind, pk) in found}


def publication_summary(generation):
    """How many articles are public, the newest and the next scheduled one, for this generation: kept in
    this process, then in the shared cache, computed (one query) only when neither has it.

    Kept until the next scheduled publication, so the "Total Index" count it also serves stays right.
    """
    def shared_summary():
        key = f"publication-summary:{generation}"
        summary = fresh(cache.get(key))
        if summary is None:
            from ..models import Article

            summary = Article.objects.publication_summary()
            summary["fresh_until"] = fresh_until(summary["upcoming"])
            cache.set(key, summary, settings.PAGE_CACHE_SECONDS)
        return summary

    summary = fresh(memo.get(generation, "publication-summary", shared_summary))
    if summary is None:  # this process kept it past its time: start the generation's values afresh
        forget_derived_values()
        summary = memo.get(generation, "publication-summary", shared_summary)
    memo.expire_at(generation, summary["fresh_until"])
    return summary


def public_article_count(request=None):
    return publication_summary(content_generation(request))["public"]


def fresh_until(upcoming):
    """When a cached page goes stale: after the configured time, or at the next scheduled publication."""
    until = timezone.now().timestamp() + settings.PAGE_CACHE_SECONDS
    return min(until, upcoming.timestamp()) if upcoming else until


def fresh(entry):
    # Checked here rather than left to the backend's expiry, so it follows this server's clock.
    return entry if entry is not None and timezone.now().timestamp() < entry["fresh_until"] else None


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
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    view_class = getattr(match.func, "view_class", None)
    if view_class is None or not getattr(view_class, "keeps_pages", False):
        return None
    return view_class.query_params


def served_key(request):
    """The key of a page as it was sent, under its address alone: the entry names its generation."""
    return page_key(request, "served")


def cacheable(request):
    """Only anonymous GET/HEAD requests with no pending messages share a cached page."""
    return (request.method in ("GET", "HEAD") and not request.user.is_authenticated
            and not get_messages(request))


class CachedPageMixin:
    """Serve a view's page from the cache, with ETag and Last-Modified and 304s.

    Staff (who see previews) and pages carrying flash messages bypass it; so does anything
    but a 200 TemplateResponse. `keeps_pages = False` turns it off for a view.
    """

    keeps_pages = True
    # The query parameters the page reads: the only ones in its cache keys.
    query_params = ("page",)

    def page_cache_key(self, request, generation):
        """The cache key of this request's page: by default its host, path and the parameters it reads."""
        return page_key(request, generation, page_query(request, self.query_params))

    def dispatch(self, request, *args, **kwargs):
        if not self.keeps_pages:
            return super().dispatch(request, *args, **kwargs)
        if not cacheable(request):
            # Rendered for this visitor (staff, a flash message): no shared cache may keep it, and a
            # browser asks again, so signing in or out shows the right page at once.
            response = super().dispatch(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_cache=True)
            return response
        generation = content_generation(request)
        key = self.page_cache_key(request, generation)
        entry = fresh(cache.get(key))
        if entry is None:
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code != 200 or not hasattr(response, "context_data"):
                return response
            entry = self.render_entry(response, generation)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        entry["generation"] = generation
        return self.serve_entry(request, entry)

    def render_entry(self, response, generation):
        content = response.render().content
        summary = publication_summary(generation)
        latest = summary["latest"]
        changed = max(generation / 1e9, latest.timestamp() if latest else 0)
        return {
            "fresh_until": summary["fresh_until"],
            "content": content,
            "content_type": response["Content-Type"],
            "etag": f'W/"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"',
            "last_modified": int(changed),
        }

    def serve_entry(self, request, entry):
        response = HttpResponse(entry["content"], content_type=entry["content_type"])
        response.page_entry = entry  # for CachedPageMiddleware, which keeps the page as sent
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["last_modified"])
        # Browsers and CDNs may keep it but must ask again each time (a cheap 304 from the ETag), so an
        # edit shows at once; CDN_CACHE_SECONDS lets a CDN serve it unasked for that long.
        shared = {"s_maxage": settings.CDN_CACHE_SECONDS} if settings.CDN_CACHE_SECONDS else {"no_cache": True}
        patch_cache_control(response, public=True, **shared)
        return get_conditional_response(request, etag=entry["etag"], last_modified=entry["last_modified"],
                                        response=response)


class CachedPageMiddleware:
    """Answers an anonymous GET from the page as it was last sent, when it is still current.

    Sits below GZip and ConditionalGet (which still compress and answer 304s) and above sessions: a
    request with no session or message cookie is an anonymous reader with no flash message, the only
    one CachedPageMixin shares pages with, so nothing below needs to run. Only paths a CachedPageMixin
    view answers are looked up, keyed by the query parameters that view reads. The page comes from this
    process's recent pages or else the shared cache, and is used only if it was rendered in the current
    generation and is not past its scheduled publication. Any other request goes on as usual; when a CachedPageMixin view served it a shared page,
    the page is kept here with the headers the middleware below added (CSP, X-Frame-Options), so the next
    reader gets the same response. If the cache cannot be read, the request goes on as if it missed.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.cookies = {settings.SESSION_COOKIE_NAME, "messages"}

    def __call__(self, request):
        if request.method != "GET" or not self.cookies.isdisjoint(request.COOKIES):
            return self.get_response(request)
        params = page_params(request)
        if params is None:  # no page the cache keeps answers here (a redirect, a feed, a 404)
            return self.get_response(request)
        try:
            key = page_key(request, "served", page_query(request, params))
        except DisallowedHost:
            return self.get_response(request)  # answered 400 below, as for any other page
        try:
            generation, sent = self.lookup(key)
        except Exception as exc:  # noqa: BLE001 - any cache backend's failure: the page is then rendered
            # A cache server down must not take the site (or /healthz, which reports it) down with it.
            logger.warning("page cache unreachable, serving afresh: %s: %s", type(exc).__name__, exc)
            return self.get_response(request)
        request.content_generation = generation
        if sent is not None:
            return replay(sent)
        response = self.get_response(request)
        entry = getattr(response, "page_entry", None)  # only set when the cache answered the view
        if entry is not None and response.status_code == 200 and not response.cookies:
            sent = {"generation": entry["generation"], "fresh_until": entry["fresh_until"],
                    "content": response.content, "headers": list(response.items())}
            cache.set(key, sent, settings.PAGE_CACHE_SECONDS)
            recent_pages.put(key, sent)
        return response

    @staticmethod
    def lookup(key):
        """The current generation, and the page under `key` as it was sent if it is current (else None):
        this worker's copy if it is, else the shared cache's."""
        generation = state.get(GENERATION_KEY) or start_generation()
        sent = recent_pages.get(key)
        if current(sent, generation):
            return generation, sent
        sent = cache.get(key)
        if not current(sent, generation):
            return generation, None
        recent_pages.put(key, sent)
        return generation, sent


def current(sent, generation):
    """A page as sent may be replayed if it was rendered in this generation and is not past its time."""
    return sent is not None and sent["generation"] == generation and fresh(sent) is not None


class RecentPages:
    """The pages this process sent last, as sent (least recently used out first): a reader asking again
    for one costs a read of the generation alone, not a page's worth of bytes from the shared cache."""

    def __init__(self, size=200):
        self.size = size
        self.lock = threading.Lock()
        self.pages = OrderedDict()

    def get(self, key):
        with self.lock:
            sent = self.pages.get(key)
            if sent is not None:
                self.pages.move_to_end(key)
            return sent

    def put(self, key, sent):
        with self.lock:
            self.pages[key] = sent
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def forget(self, key=None):
        with self.lock:
            if key is None:
                self.pages.clear()
            else:
                self.pages.pop(key, None)


recent_pages = RecentPages(settings.PAGE_CACHE_RECENT_PAGES)


def forget_page(request, generation):
    """Drop one page from the page cache: as its view keeps it, as it was sent, and this process's copy."""
    key = served_key(request)
    cache.delete_many([page_key(request, generation), key])
    recent_pages.forget(key)


def replay(sent):
    response = HttpResponse(sent["content"])
    for header, value in sent["headers"]:
        response[header] = value
    return response
