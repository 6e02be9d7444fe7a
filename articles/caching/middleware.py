"""CachedPageMiddleware: an anonymous reader's page replayed as it was last sent.

A page a CachedPageMixin view served from the cache is kept a second time as it left the server, headers
and all, under its address alone (keys.served_key); the middleware answers a reader who carries no
session or message cookie from that copy before sessions, authentication, CSRF and the view run, with one
read of the generation and, unless this worker sent the page last, one of the page.
"""
import logging
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse

from .generation import GENERATION_KEY, start_generation, state
from .keys import page_key, page_params, page_query, served_key
from .kept import fresh

logger = logging.getLogger(__name__)


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
