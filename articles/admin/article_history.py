"""The article's history in the admin: revision list, diffs, restores and recovering deleted articles,
on top of django-reversion's views, with the workflow's roles applied."""
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..editorial import revisions, workflow


class ArticleHistoryMixin:
    """For ArticleAdmin (a reversion VersionAdmin): compare view and guards on reversion's views."""

    object_history_template = "admin/articles/article/object_history.html"

    def get_history_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [path("<path:object_id>/history/compare/", self.admin_site.admin_view(self.compare_view),
                     name="%s_%s_compare" % info)]

    def compare_view(self, request, object_id):
        """A readable diff between two revisions: ?old=<version id>&new=<version id>."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = revisions.article_versions(obj.pk)
        old, new = (get_object_or_404(versions, pk=int(value) if value.isdigit() else 0)
                    for value in (request.GET.get("old", ""), request.GET.get("new", "")))
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        return TemplateResponse(request, "admin/articles/article/compare.html", {
            **self.admin_site.each_context(request), "opts": self.opts, "original": obj,
            "title": f"Changes to “{obj}”", "old": old, "new": new, "changes": revisions.compare(old, new),
            "history_url": reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk]),
        })

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        versions = list(revisions.article_versions(obj.pk)) if obj else []
        compare_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_compare", args=[object_id])
        context = {"versions": versions, "compare_url": compare_url, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # reversion reverts first and asks the change form afterwards: decide on the article as it is now.
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        if request.method == "POST" and not self.has_change_permission(request, obj):
            raise PermissionDenied
        paths = workflow.known_paths(obj)
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:  # restored
            workflow.keep_known_paths(obj.pk, paths)
        return response

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"can_recover": workflow.is_editor(request.user), **(extra_context or {})})

    def recoverlist_view(self, request, extra_context=None):
        if not workflow.is_editor(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not workflow.is_editor(request.user):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)
