"""Cross-site protection for the one form on cacheable pages, without a CSRF cookie or token.

Content pages carry the mailing-list box, and a page that holds a per-visitor CSRF token cannot be
kept by a CDN. Browsers say where a POST comes from: Sec-Fetch-Site (every current browser) and
Origin (every browser on every POST since 2020). A form post that either marks as coming from another
site is refused with the usual "please try again" page; a request with neither header (and no
Referer) does not come from a browser, so it carries no visitor's cookies and cannot be a forgery.
"""
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt

SAME_SITE_VALUES = {"same-origin", "none"}  # "none": typed or bookmarked, not sent from any page


def trusted_origins(request):
    return {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def refusal_reason(request):
    """Why this POST looks cross-site, or None."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in SAME_SITE_VALUES:
        return f"Sec-Fetch-Site is {fetch_site}."
    origin = request.headers.get("Origin")
    if origin is not None:
        return None if origin in trusted_origins(request) else f"Origin {origin} is not this site."
    referer = request.headers.get("Referer")
    if referer and fetch_site is None:
        parts = urlsplit(referer)
        if f"{parts.scheme}://{parts.netloc}" not in trusted_origins(request):
            return "Referer is another site."
    return None


def same_origin_post(view):
    """Let a view's POSTs through only from this site's own pages (see the module docstring)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method == "POST" and (reason := refusal_reason(request)):
            return import_string(settings.CSRF_FAILURE_VIEW)(request, reason=reason)
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)
