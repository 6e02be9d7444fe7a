"""The editorial workflow in the article admin: roles enforced per object, state buttons and
actions, previews of unsaved changes, revision diffs, and the checks editors expect before publishing.

Used by ArticleAdmin as a mixin; the rules themselves live in articles/workflow.py.
"""
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms.formsets import all_valid
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from . import caching, preview, revisions, workflow
from .models import Article
from .validators import as_id

ACTION_FIELD = "_workflow"
CONTRIBUTOR_ACTIONS = {"submit_for_review"}
# Inline prefixes and the field that makes a row count, for the "nothing to publish with" warning.
PUBLICATION_PARTS = {"author": ("author_links", "author"), "category": ("category_links", "category"),
                     "entity": ("entity_links", "tag")}


def posted_rows(data, prefix, field):
    """How many inline rows of `prefix` in POST `data` name a `field` value and are not being deleted."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
    except ValueError:
        return 0
    return sum(1 for i in range(min(total, 1000))
               if data.get(f"{prefix}-{i}-{field}") and not data.get(f"{prefix}-{i}-DELETE"))


class WorkflowFormMixin:
    """Validation for the article form: the requested transition, dates, slugs, publishing warnings."""

    user = None
    action = None

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        other = Article.objects.filter(slug=slug).exclude(pk=self.instance.pk).first()
        if other is not None:
            # Name the other article only to someone who may see it (a contributor may not see others' drafts).
            owner = f"“{other.title}”" if Article.objects.visible_to(self.user).filter(pk=other.pk).exists() \
                else "Another article"
            raise ValidationError(f"{owner} already uses the slug “{slug}”: choose another "
                                  f"(the slug is the article's web address).", code="unique")
        return slug

    def clean(self):
        cleaned = super().clean()
        target = Article(status=self.instance.status, published_at=self.instance.published_at,
                         created_by_id=self.instance.created_by_id or self.user.pk)
        for name in ("status", "published_at"):
            if name in self.fields and name in cleaned:
                setattr(target, name, cleaned[name])
        if self.action:
            transition = workflow.TRANSITIONS[self.action]
            try:
                # Permission and state are checked against the article as saved, not as posted.
                current = Article(pk=self.instance.pk, title=cleaned.get("title", self.instance.title),
                                  status=self.instance.status, published_at=self.instance.published_at,
                                  created_by_id=target.created_by_id)
                transition.check(current, self.user, when=target.published_at)
            except workflow.TransitionError as error:
                raise ValidationError(str(error)) from None
            transition.apply(target, when=target.published_at)
        if target.status == Article.Status.PUBLISHED:
            if not workflow.is_editor(self.user):
                raise ValidationError("Only an editor can publish or schedule an article.")
            if target.published_at is None:
                self.add_error("published_at" if "published_at" in self.fields else None,
                               "Set a publish date to publish this article, or use “Publish now”.")
            self.warn_if_incomplete()
        cleaned["status"] = self.instance.status = target.status
        cleaned["published_at"] = self.instance.published_at = target.published_at
        return cleaned

    def warn_if_incomplete(self):
        if self.instance.status == Article.Status.PUBLISHED or self.cleaned_data.get("publish_anyway"):
            return
        counts = {name: posted_rows(self.data, *part) for name, part in PUBLICATION_PARTS.items()}
        missing = workflow.missing_for_publication(self.instance, counts)
        if missing:
            self.add_error("publish_anyway", "This article has no " + ", no ".join(missing)
                           + ". Tick “publish anyway” to publish it like this, or add them first.")


class WorkflowAdminMixin:
    """Roles, workflow buttons and actions, previews and revision diffs for ArticleAdmin."""

    actions = ["submit_for_review", "publish_now", "unpublish"]
    object_history_template = "admin/articles/article/object_history.html"
    change_list_template = "admin/articles/article/change_list.html"

    # Who sees and changes what.

    def get_queryset(self, request):
        return workflow.editable_by(super().get_queryset(request), request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and workflow.can_delete(request.user, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not workflow.is_editor(request.user):  # contributors only submit; bulk edits are editors' work
            actions = {name: action for name, action in actions.items() if name in CONTRIBUTOR_ACTIONS}
        return actions

    def has_publish_permission(self, request):
        return workflow.is_editor(request.user)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            for inline in inlines:  # an article's rows follow the article: read-only when it is
                inline.has_add_permission = inline.has_change_permission = inline.has_delete_permission = (
                    lambda *args, **kwargs: False)
        return inlines

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "reading_time", "workflow_state", "share_preview_link"]
        if not workflow.is_editor(request.user):
            fields.append("published_at")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = [(name, {**options, "fields": [
            part for field in options["fields"] for part in ([field, "reading_time"] if field == "word_count" else [field])
        ]}) for name, options in super().get_fieldsets(request, obj)]
        workflow_fields = ["workflow_state"] + (["share_preview_link"] if obj else [])
        if workflow.is_editor(request.user):
            workflow_fields.append("publish_anyway")
        return [fieldsets[0], ("Workflow", {"fields": workflow_fields}), *fieldsets[1:]]

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        action = request.POST.get(ACTION_FIELD) if request.method == "POST" else None
        kwargs["form"] = type(base.__name__, (WorkflowFormMixin, base), {
            "user": request.user,
            "action": action if action in workflow.TRANSITIONS else None,
            "publish_anyway": forms.BooleanField(required=False, label="Publish anyway",
                                                 help_text="Publish even without an author, category or entity."),
        })
        return super().get_form(request, obj, change, **kwargs)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not workflow.is_editor(request.user):
            kwargs["choices"] = [(s.value, s.label) for s in (Article.Status.DRAFT, Article.Status.REVIEW)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_list_display(self, request):
        return ["workflow_state" if name == "status" else name for name in super().get_list_display(request)]

    # Columns and read-only fields.

    @admin.display(description="State", ordering="status")
    def workflow_state(self, obj):
        return workflow.state_label(obj) if obj and obj.pk else "New draft"

    @admin.display(description="Reading time")
    def reading_time(self, obj):
        minutes = workflow.reading_minutes(obj.word_count if obj else 0)
        return f"about {minutes} min ({obj.word_count} words at {workflow.WORDS_PER_MINUTE} a minute)" if minutes else "—"

    @admin.display(description="Share a preview")
    def share_preview_link(self, obj):
        url = settings.SITE_URL.rstrip("/") + preview.shared_preview_url(obj)
        days = preview.link_max_age() // 86400
        return format_html('<a href="{}">{}</a><br>Anyone with this link can read the saved version for {} days.',
                           url, url, days)

    # The change form's buttons: transitions and "Preview changes".

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or Article(created_by=request.user)
        info = self.opts.app_label, self.opts.model_name
        context.update(
            workflow_transitions=workflow.available_transitions(article, request.user) if (
                obj is None or self.has_change_permission(request, obj)) else [],
            preview_url=reverse(f"admin:{info[0]}_{info[1]}_preview", args=[obj.pk] if obj else []),
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.action:
            messages.success(request, f"“{obj}”: {workflow.TRANSITIONS[form.action].label.lower()} done — "
                                      f"now {workflow.state_label(obj).lower()}.")

    # Actions for many articles.

    def run_transition(self, request, queryset, name):
        done, refused = 0, []
        for article in queryset:
            try:
                workflow.perform(name, article, request.user)
                done += 1
            except workflow.TransitionError as error:
                refused.append(str(error))
        label = workflow.TRANSITIONS[name].label.lower()
        if done:
            messages.success(request, f"{label.capitalize()}: {done} article{'s' if done != 1 else ''}.")
        if refused:
            messages.warning(request, f"Not changed ({len(refused)}): " + " ".join(refused[:10]))

    @admin.action(description="Submit selected drafts for review")
    def submit_for_review(self, request, queryset):
        self.run_transition(request, queryset, "submit")

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        incomplete = [(article, workflow.missing_for_publication(article)) for article in queryset
                      if not article.is_public]
        incomplete = [(article, missing) for article, missing in incomplete if missing]
        if incomplete and not request.POST.get("publish_anyway"):
            return TemplateResponse(request, "admin/articles/article/publish_confirmation.html", {
                **self.admin_site.each_context(request), "opts": self.opts, "title": "Publish anyway?",
                "incomplete": incomplete, "queryset": queryset, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            })
        self.run_transition(request, queryset, "publish")

    @admin.action(description="Unpublish selected articles (back to draft)", permissions=["publish"])
    def unpublish(self, request, queryset):
        self.run_transition(request, queryset, "unpublish")

    # Extra views: preview of unsaved changes, revision diff; guards on reversion's views.

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path("preview/", view(self.preview_view), name="%s_%s_preview" % info),
            path("<path:object_id>/preview/", view(self.preview_view), name="%s_%s_preview" % info),
            path("<path:object_id>/history/compare/", view(self.compare_view), name="%s_%s_compare" % info),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id=None):
        """POST: the posted (unsaved) form rendered with the public template; nothing is kept."""
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        if object_id and obj is None:
            raise PermissionDenied
        allowed = self.has_change_permission(request, obj) if obj else self.has_add_permission(request)
        if request.method != "POST":
            if obj is None or not self.has_view_or_change_permission(request, obj):
                raise PermissionDenied
            return redirect(obj.get_absolute_url())
        if not allowed:
            raise PermissionDenied
        change = obj is not None
        form = self.get_form(request, obj, change=change)(request.POST, request.FILES, instance=obj)
        with transaction.atomic():
            form_ok = form.is_valid()
            article = self.save_form(request, form, change) if form_ok else obj or Article()
            formsets, _ = self._create_formsets(request, article, change=change)
            if not (form_ok and all_valid(formsets)):
                return HttpResponseBadRequest(format_html(
                    "<!DOCTYPE html><title>Preview not possible</title><h1>Preview not possible</h1>"
                    "<p>Correct the form first: {}</p>", form.errors.as_text() or "check the inline rows."))
            article.save()
            self.save_related(request, form, formsets, change)
            response = preview.render_unsaved(request, Article.objects.for_cards().get(pk=article.pk))
            transaction.set_rollback(True)
        # The rolled-back writes bumped the page-cache generation and may have cached counts that
        # included them: retire that generation too.
        caching.bump_generation()
        return response

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
