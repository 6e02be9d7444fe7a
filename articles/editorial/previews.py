"""Previews: an article as the public will see it, before it is public.

Staff preview drafts on the article's own URL (ArticleDetailView) and unsaved changes from the
admin; a reviewer without an account gets a signed link, /preview/<token>/, that expires.
Every preview is private, never stored by a cache, and never indexed.
"""
from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from ..models import Article
from ..pages.views import ArticlePageView, keep_private

SALT = "articles.preview"


def link_max_age():
    """Seconds a shared preview link stays valid (PREVIEW_LINK_MAX_AGE, default 7 days)."""
    return getattr(settings, "PREVIEW_LINK_MAX_AGE", 7 * 24 * 3600)


def preview_token(article):
    return signing.TimestampSigner(salt=SALT).sign(str(article.pk))


def shared_preview_url(article):
    return reverse("articles:preview", kwargs={"token": preview_token(article)})


def article_pk_from_token(token):
    """The article pk a token signs, or None when it is forged, altered or expired."""
    try:
        return int(signing.TimestampSigner(salt=SALT).unsign(token, max_age=link_max_age()))
    except (signing.BadSignature, ValueError):
        return None


class InvalidLink(Http404):
    """A preview token that is forged, altered, expired, or names an article that is gone."""


class ArticlePreviewView(ArticlePageView):
    """The public article template, marked as a preview, for a given article or a signed token."""

    preview_note = ""

    def dispatch(self, request, *args, **kwargs):
        # Not a cached page: a preview is never stored, and its token is checked on every visit.
        try:
            return super().dispatch(request, *args, **kwargs)
        except InvalidLink:  # say why, to a reviewer who has no other way to know; keep it private too
            return keep_private(render(request, "articles/preview_invalid.html",
                                       {"max_age_days": link_max_age() // 86400}, status=404))

    def get_object(self, queryset=None):
        pk = article_pk_from_token(self.kwargs["token"])
        article = Article.objects.for_cards().filter(pk=pk).first() if pk else None
        if article is None:
            raise InvalidLink("This preview link is invalid or has expired.")
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = True
        context["preview_note"] = self.preview_note or (
            "this is the published version" if self.object.is_public else "")
        return context


def render_unsaved(request, article):
    """Render `article` (with unsaved changes) now: the caller rolls the changes back afterwards."""
    view = ArticlePreviewView(preview_note="unsaved changes, not visible to anyone until saved")
    view.setup(request)
    view.object = article
    response = view.render_to_response(view.get_context_data(object=article))
    return response.render()
