"""Previews from the article admin: "Preview changes" (the posted, unsaved form in the public template)
and the shareable link to the saved version. The views themselves live in articles/editorial/previews.py.

Why the preview saves and rolls back: the page shows the posted inline rows (the byline, categories,
entities) and site-wide values such as the "Total Index" count, all read from the database by the same
queries as the public page. Rendering them from the form's unsaved instance would mean a second,
hand-made copy of that page's data; so the form and formsets are saved inside a transaction, the page
is rendered, and the transaction is rolled back. No receiver's after-commit work runs (search index,
page cache, emails); only values kept for the current cache generation may have counted the unsaved
rows, so the generation moves when readers could have seen the article.
"""
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.formsets import all_valid
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import path
from django.utils.html import format_html

from ..editorial import previews as preview
from ..models import Article
from ..caching.generation import bump_generation
from ..receivers import article_shows_publicly


class ArticlePreviewMixin:
    """For ArticleAdmin: the preview URLs and view, and the share link's read-only field."""

    def get_preview_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view(self.preview_view)
        return [path("preview/", view, name="%s_%s_preview" % info),
                path("<path:object_id>/preview/", view, name="%s_%s_preview" % info)]

    def remember_share_url(self, request, obj):
        # The address this editor reached the site by: the one the reviewer they send it to can reach
        # too, whatever SITE_URL says.
        obj.share_preview_url = request.build_absolute_uri(preview.shared_preview_url(obj))

    @admin.display(description="Share a preview")
    def share_preview_link(self, obj):
        url = getattr(obj, "share_preview_url", None) or preview.shared_preview_url(obj)
        days = preview.link_max_age() // 86400
        return format_html('<a href="{}">{}</a><br>Anyone with this link can read the saved version for {} days.',
                           url, url, days)

    def posted_formsets(self, request, article, change):
        """The inline formsets bound to the POST, as the change view builds them (public ModelAdmin API)."""
        formsets, prefixes = [], {}
        args = (request, article) if change else (request,)
        for formset_class, inline in self.get_formsets_with_inlines(*args):
            prefix = formset_class.get_default_prefix()
            prefixes[prefix] = prefixes.get(prefix, 0) + 1
            if prefixes[prefix] != 1 or not prefix:
                prefix = f"{prefix}-{prefixes[prefix]}"
            formsets.append(formset_class(**self.get_formset_kwargs(request, article, inline, prefix)))
        return formsets

    def preview_view(self, request, object_id=None):
        """POST: the posted (unsaved) form rendered with the public template; nothing is kept.
        GET: the saved article's own page (a draft's is a private preview to staff)."""
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and obj is None:
            raise PermissionDenied
        if request.method != "POST":
            if obj is None or not self.has_view_or_change_permission(request, obj):
                raise PermissionDenied
            return redirect(obj.get_absolute_url())
        if not (self.has_change_permission(request, obj) if obj else self.has_add_permission(request)):
            raise PermissionDenied
        with transaction.atomic():
            article, response = self.render_posted(request, obj)
            transaction.set_rollback(True)
        if response.status_code == 200 and article_shows_publicly(article):
            bump_generation()  # see the module's docstring; a draft's rows count nowhere public
        return response

    def render_posted(self, request, obj):
        """Save the posted form and rows (the caller rolls back) and render the article as they make it."""
        change = obj is not None
        form = self.get_form(request, obj, change=change)(request.POST, request.FILES, instance=obj)
        form_ok = form.is_valid()
        article = self.save_form(request, form, change) if form_ok else obj or Article()
        formsets = self.posted_formsets(request, article, change)
        if not (form_ok and all_valid(formsets)):
            return article, HttpResponseBadRequest(format_html(
                "<!DOCTYPE html><title>Preview not possible</title><h1>Preview not possible</h1>"
                "<p>Correct the form first: {}</p>", form.errors.as_text() or "check the inline rows."))
        article.save()
        self.save_related(request, form, formsets, change)
        return article, preview.render_unsaved(request, Article.objects.for_cards().get(pk=article.pk))
