"""Rendered public pages kept in Django's cache, dropped whenever the site's content changes.

Every committed content write (save, delete, m2m change, bulk import) bumps one site-wide
generation number kept in the cache (articles/receivers.py calls `bump_generation`); page keys
contain it, so a change retires every cached page at once with no bookkeeping of which page
shows what. Entries also expire at the next scheduled publication, so a scheduled article appears on time without any write.

A cached page must never hand one visitor's CSRF token to another: pages are rendered with a
placeholder where the token goes, and each response swaps in the visitor's own token.
"""
import hashlib
import time

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

GENERATION_KEY = "content-generation"
# Letters, digits and hyphens only, so HTML escaping leaves it as it is.
CSRF_PLACEHOLDER = "csrf-token-placeholder-5d1f0c9e7b"


def content_generation():
    """The current content generation: the time (ns) of the last content change this cache saw."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY) or time.time_ns()
    return generation


def bump_generation(**kwargs):
    """A new generation, always past the current one: a clock that stands still (a frozen test clock)
    or runs behind (another app server's) must not bring back the pages the change retired."""
    cache.set(GENERATION_KEY, max(time.time_ns(), (cache.get(GENERATION_KEY) or 0) + 1), None)


def publication_summary(generation):
    """How many articles are public, the newest and the next scheduled one, cached for this generation.

    Kept until the next scheduled publication, so the "Total Index" count it also serves stays right.
    """
    key = f"publication-summary:{generation}"
    summary = fresh(cache.get(key))
    if summary is None:
        from ..models import Article

        summary = Article.objects.publication_summary()
        summary["fresh_until"] = fresh_until(summary["upcoming"])
        cache.set(key, summary, settings.PAGE_CACHE_SECONDS)
    return summary


def public_article_count():
    return publication_summary(content_generation())["public"]


def fresh_until(upcoming):
    """When a cached page goes stale: after the configured time, or at the next scheduled publication."""
    until = timezone.now().timestamp() + settings.PAGE_CACHE_SECONDS
    return min(until, upcoming.timestamp()) if upcoming else until


def fresh(entry):
    # Checked here rather than left to the backend's expiry, so it follows this server's clock.
    return entry if entry is not None and timezone.now().timestamp() < entry["fresh_until"] else None


def page_key(request, generation):
    query = "&".join(sorted(request.GET.urlencode().split("&")))
    address = f"{request.get_host()}{request.path}?{query}"
    return f"page:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def cacheable(request):
    """Only anonymous GET/HEAD requests with no pending messages share a cached page."""
    return (request.method in ("GET", "HEAD") and not request.user.is_authenticated
            and not get_messages(request))


class CachedPageMixin:
    """Serve a view's page from the cache, with ETag and Last-Modified and 304s.

    Staff (who see previews) and pages carrying flash messages bypass it; so does anything
    but a 200 TemplateResponse. Never use it on search pages.
    """

    def dispatch(self, request, *args, **kwargs):
        if not cacheable(request):
            return super().dispatch(request, *args, **kwargs)
        generation = content_generation()
        key = page_key(request, generation)
        entry = fresh(cache.get(key))
        if entry is None:
            response = super().dispatch(request, *args, **kwargs)
            if response.status_code != 200 or not hasattr(response, "context_data"):
                return response
            entry = self.render_entry(response, generation)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return self.serve_entry(request, entry)

    def render_entry(self, response, generation):
        response.context_data = {**(response.context_data or {}), "csrf_token": CSRF_PLACEHOLDER}
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
        content = entry["content"].replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
        response = HttpResponse(content, content_type=entry["content_type"])
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["last_modified"])
        # Browsers may keep it but must ask again each time (a cheap 304); shared caches must not
        # keep it at all, since it carries this visitor's CSRF token.
        patch_cache_control(response, private=True, no_cache=True)
        return get_conditional_response(request, etag=entry["etag"], last_modified=entry["last_modified"],
                                        response=response)
