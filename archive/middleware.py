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


