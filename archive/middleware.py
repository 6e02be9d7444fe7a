"""Old paths that moved: answered with a 301 instead of a 404."""
from django.http import HttpResponsePermanentRedirect

from articles.models import Article, LegacyURL


class LegacyRedirectMiddleware:
    """On a 404, look the path up among stored legacy URLs (like contrib.redirects)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        candidates = {request.path, request.path.rstrip("/") + "/", request.path.rstrip("/")}
        legacy = (
            LegacyURL.objects.filter(path__in=candidates, article__in=Article.objects.published().values("pk"))
            .select_related("article")
            .first()
        )
        if legacy is None:
            return response
        return HttpResponsePermanentRedirect(legacy.article.get_absolute_url())


class SharedPagesVaryMiddleware:
    """Pages any cache may keep for everyone (`Cache-Control: public`) do not vary on Cookie.

    Sits just outside SessionMiddleware, which adds `Vary: Cookie` whenever a view looked at the
    session, as the page cache does to tell staff from readers. A page sent `public` is the one every
    anonymous reader gets (articles/caching/), whatever cookies they carry, so it varies only on
    Accept-Encoding and a CDN can keep one copy. Pages for a signed-in user are sent `private` and
    keep `Vary: Cookie` (docs/readers.md, "Staying informed").
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Vary") and not response.cookies and is_public(response):
            kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() not in ("cookie", "")]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


def is_public(response):
    directives = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
    return "public" in directives and not directives & {"private", "no-store"}
