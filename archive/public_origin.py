"""The site's public origin, from the SITE_URL setting and never from request headers.

Absolute URLs (canonical links, OpenGraph, JSON-LD, feeds, the sitemap, robots.txt) are built from it,
so a request with a forged Host or X-Forwarded-Proto cannot change them, nor what the page cache then
serves to everyone else.
"""
from urllib.parse import urljoin, urlsplit

from django.conf import settings


def absolute(url):
    """`url` (a path, or already absolute) as an absolute URL on the public origin."""
    return urljoin(settings.SITE_URL.rstrip("/") + "/", url)


class PublicOriginRequest:
    """A request that answers host and scheme with the public origin's, for Django views that build
    absolute URLs from them (syndication feeds, sitemaps): everything else is the request's own."""

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return getattr(self._request, name)

    def get_host(self):
        return urlsplit(settings.SITE_URL).netloc

    @property
    def scheme(self):
        return urlsplit(settings.SITE_URL).scheme

    def is_secure(self):
        return self.scheme == "https"

    def build_absolute_uri(self, location=None):
        return absolute(self._request.get_full_path() if location is None else location)
