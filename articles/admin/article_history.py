"""The article's history in the admin: revision list, diffs, restores and recovering deleted articles,
on top of django-reversion's views, with the workflow's roles applied.

A save that changes nothing keeps no revision; each revision's comment says what happened; a restore
shows its diff against the article as it is and keeps entities tagged since unless the editor unticks it.
A restore or recovery writes back that article and its own rows only (editorial/restores.py), never the
other articles its revision may hold; actions on the article list keep one revision per article.
"""
from contextlib import nullcontext

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from reversion.models import Version
from reversion.utils import mute_signals

from ..editorial import legacy_urls, restores, revisions, workflow
from ..models import Article, ArticleEntity
from ..validators import as_id

KEEP_LATER_ENTITIES = "_keep_later_entities"
# Form fields that are instructions rather than content: ticking one changes nothing by itself.
NOT_CONTENT = {"publish_anyway", "propose_author"}


def content_changed(form):
    return bool(set(form.changed_data) - NOT_CONTENT)


class ShowRestoreForm(Exception):
    """Carries the rendered restore form out of the transaction that is rolled back under it."""

    def __init__(self, response):
        self.response = response


class ArticleHistoryMixin:
    """For ArticleAdmin (a reversion VersionAdmin): compare view, restore with diff, guards on reversion's views."""

    object_history_template = "admin/articles/article/object_history.html"

    def get_history_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [path("<path:object_id>/history/compare/", self.admin_site.admin_view(self.compare_view),
                     name="%s_%s_compare" % info)]

    # Saving: no revision for a save that changes nothing.

    def is_idle_save(self, request, obj, form, change):
        """True when this admin save would store nothing new: same fields, no transition, not a restore,
        and the article already has a revision to compare with."""
        return (change and not content_changed(form) and not self.requested_action(request)
                and not hasattr(request, "later_entity_links") and revisions.article_versions(obj.pk).exists())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        relinked = self.keep_later_entities(request, form.instance)
        if (relinked or any(formset.has_changed() for formset in formsets)) and self.is_idle_save(
                request, form.instance, form, change):
            form.instance.save()  # skipped in save_model: its rows changed, so version it with them

    def keep_later_entities(self, request, article):
        """On a restore: tag again the entities added since the restored revision, unless unticked."""
        links = getattr(request, "later_entity_links", [])
        if not links or not request.POST.get(KEEP_LATER_ENTITIES):
            return 0
        tagged = set(article.entity_links.values_list("tag_id", flat=True))
        new = [ArticleEntity(content_object=article, tag_id=link.tag_id, is_main=link.is_main, position=link.position)
               for link in links if link.tag_id not in tagged]
        for link in new:
            link.save()
        return len(new)

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        note = self.revision_note(request, obj, entry)
        if note and reversion.is_active():
            reversion.set_comment(note)
        return entry

    def revision_note(self, request, obj, entry):
        """What happened, for the revision's comment: the workflow step, then the fields changed."""
        step = workflow.done_note(self.requested_action(request), obj)
        tagged = getattr(request, "tagging_note", "")
        return " ".join(part for part in (step, tagged, entry.get_change_message()) if part)

    # Views.

    def compare_view(self, request, object_id):
        """A readable diff between two revisions: ?old=<version id>&new=<version id>."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = revisions.article_versions(obj.pk)
        old, new = (get_object_or_404(versions, pk=as_id(value))
                    for value in (request.GET.get("old"), request.GET.get("new")))
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
        version = get_object_or_404(revisions.article_versions(obj.pk), pk=as_id(version_id))
        restored = revisions.snapshot(version)
        tagged_then = set(revisions.entity_ids(version))
        later = [link for link in obj.entity_links.select_related("tag") if link.tag_id not in tagged_then]
        request.later_entity_links = later  # read by save_related() while the restore saves
        context = {"changes": revisions.compare_snapshots(revisions.current_snapshot(obj), restored),
                   "later_entity_links": later, "version": version, "keep_later_entities_field": KEEP_LATER_ENTITIES,
                   **(extra_context or {})}
        paths = legacy_urls.known_paths(obj)
        context = {"title": f"Revert {version.object_repr}", "revert": True, **context}
        response = self.restore_form_view(request, version, "revision_form.html", context)
        if request.method == "POST" and response.status_code == 302:  # restored
            legacy_urls.keep_known_paths(obj.pk, paths)
        return response

    def restore_form_view(self, request, version, template, context):
        """django-reversion's revision form, restoring only this article (editorial/restores.py) where
        reversion would revert the whole revision: on GET the form shows the restored article and nothing
        is kept; a valid POST saves it as a new revision. A contributor's restore keeps the article's state."""
        # Looking must have no side effects: signals are muted and the writes rolled back.
        signals = mute_signals(pre_save, post_save, pre_delete, post_delete, m2m_changed) if (
            request.method == "GET") else nullcontext()
        try:
            with transaction.atomic(), signals:
                restores.restore_article(version, keep_workflow=not workflow.is_editor(request.user))
                with self.create_revision(request):
                    response = self.changeform_view(request, quote(version.object_id), request.path, context)
                    if request.method == "POST" and response.status_code == 302:
                        reversion.set_comment("Reverted to previous version, saved on %s" % localize(
                            template_localtime(version.revision.date_created)))
                    elif response.status_code == 200:
                        info = self.opts.app_label, self.opts.model_name
                        response.template_name = [f"reversion/{info[0]}/{info[1]}/{template}",
                                                  f"reversion/{info[0]}/{template}", f"reversion/{template}"]
                        response.render()
                        raise ShowRestoreForm(response)
        except restores.RestoreError as error:
            messages.error(request, str(error))
            return redirect(f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_changelist")
        except ShowRestoreForm as shown:
            return shown.response
        return response

    def changelist_view(self, request, extra_context=None):
        # An action changes many articles: it keeps one revision per article itself (one revision holding
        # them all would make restoring one of them a question about the others), so none wraps the list.
        request.revision_per_article = request.method == "POST"
        return super().changelist_view(request, {"can_recover": workflow.is_editor(request.user), **(extra_context or {})})

    def create_revision(self, request):
        if getattr(request, "revision_per_article", False):
            return nullcontext()
        return super().create_revision(request)

    def recoverlist_view(self, request, extra_context=None):
        if not workflow.is_editor(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not workflow.is_editor(request.user) or not self.has_add_permission(request):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(Article), pk=as_id(version_id))
        context = {"title": f"Recover {version.object_repr}", "recover": True, **(extra_context or {})}
        return self.restore_form_view(request, version, "recover_form.html", context)
