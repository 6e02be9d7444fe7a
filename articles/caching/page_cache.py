"""CachedPageMixin: a public view's page rendered once per content generation and kept in Django's cache.

A page is keyed by its generation (generation.py), so any public write retires every page at once; a page
rendered from the old rows while the write was in flight went under the old number, which no reader asks
for any more. Entries also expire at the next scheduled publication (kept.publication_summary), so a
scheduled article appears on time without any write.

Cached pages carry nothing per visitor (no CSRF token or cookie: the sign-up box they hold is protected
by archive.origin_check), so browsers and CDNs may keep them too, asking again each time.
"""
import hashlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from .generation import content_generation
from .keys import page_key, page_query
from .kept import fresh, publication_summary


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
