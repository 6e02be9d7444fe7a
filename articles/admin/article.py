"""The article admin: declarative lists and fieldsets; the workflow, history and entity parts are mixins."""
from functools import partial

import reversion
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.admin import VersionAdmin

from ..editorial import proposals, workflow
from ..models import Article, Proposal
from .article_drafts import ArticleDraftsMixin
from .article_entities import (
    SUGGESTION_FIELD, ArticleEntitiesMixin, add_entity_to_selected, remove_entity_from_selected,
)
from .article_history import ArticleHistoryMixin
from .article_versions import ArticleVersionsMixin, VersionCheckedArticleForm
from .article_preview import ArticlePreviewMixin
from .article_workflow import ArticleWorkflowMixin, publish_now, submit_for_review, unpublish, withdraw_submissions
from .checked_params import CheckedParamsMixin
from .filters import EntityKindFilter, PicturesWithoutAltFilter, ReviewDeskFilter
from .inlines import ARTICLE_INLINES


@admin.register(Article)
class ArticleAdmin(CheckedParamsMixin, ArticleVersionsMixin, ArticleWorkflowMixin, ArticlePreviewMixin,
                   ArticleHistoryMixin, ArticleEntitiesMixin, ArticleDraftsMixin, VersionAdmin):
    form = VersionCheckedArticleForm
    list_display = ["title", "workflow_state", "publish_date", "submitted_by_name", "primary_category_name",
                    "author_names", "updated_at"]
    # Related-only: the names a filter offers are those of articles in this user's list (no others' drafts).
    list_filter = [ReviewDeskFilter, "status", ("categories", admin.RelatedOnlyFieldListFilter),
                   ("authors", admin.RelatedOnlyFieldListFilter), EntityKindFilter,
                   ("series", admin.RelatedOnlyFieldListFilter), "published_at",
                   PicturesWithoutAltFilter]
    search_fields = ["title", "body_text", "slug", "authors__name"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["series", "submitted_by", "unsent_email"]
    list_per_page = 50
    inlines = ARTICLE_INLINES
    autocomplete_fields = ["series"]
    readonly_fields = ["word_count", "reading_time", "created_at", "updated_at", "workflow_state", "share_preview_link",
                       "submitted_by_name", "review_note_display", "pending_proposals", "import_source"]
    actions = [submit_for_review, withdraw_submissions, publish_now, unpublish, add_entity_to_selected,
               remove_entity_from_selected]
    change_list_template = "admin/articles/article/change_list.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "published_at", "series"]}),
        ("Workflow", {"fields": ["workflow_state", "submitted_by_name", "review_note_display", "share_preview_link",
                                "note_to_author", "publish_anyway"]}),
        ("Byline and entities to add", {"fields": ["pending_proposals", "propose_author"]}),
        ("Content", {"fields": ["excerpt", "body", "author_note", "word_count", "reading_time"]}),
        ("Image", {"fields": ["image", "image_alt", "image_credit", "image_credit_url", "image_licence"],
                   "classes": ["collapse"]}),
        ("Record", {"fields": ["wp_id", "import_source", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_byline()

    def get_urls(self):
        return [*self.get_workflow_urls(), *self.get_preview_urls(), *self.get_history_urls(), *self.get_entity_urls(),
                *self.get_draft_urls(), *super().get_urls()]

    # The form: who posts it and what they ask for.

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        # ModelAdmin offers get_formset_kwargs() for inlines but no such hook for its main form, so the
        # form class goes back with this request's user and requested transition bound to it.
        return partial(form_class, user=request.user, action=self.requested_action(request))

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return fields if workflow.is_editor(request.user) else [*fields, "published_at"]

    def get_fieldsets(self, request, obj=None):
        hidden = {"share_preview_link"} if obj is None else set()
        if not workflow.is_editor(request.user):
            hidden |= {"publish_anyway", "note_to_author"}
        else:
            hidden.add("propose_author")  # editors add authors themselves
        return [(name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
                for name, options in super().get_fieldsets(request, obj)]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        context = {**self.suggestion_context(request, article), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        saved = self.as_saved(request, obj)
        context.update(self.workflow_context(request, saved))
        context.update(self.drafts_context(request, saved))
        context.update(self.versions_context(request, saved, context["adminform"].form))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.cleaned_data.get("propose_author"):
            name = form.cleaned_data["propose_author"]
            proposals.propose(form.instance, Proposal.Kind.AUTHOR, name, request.user)
            self.message_user(request, f"“{name}” is proposed as an author: an editor will add it to the byline.")
        note = self.apply_posted_suggestion(request, form.instance) if change else ""
        if note:  # tagged from a suggestion pressed with the form: same revision, saying so
            reversion.add_to_revision(form.instance)
            request.tagging_note = note  # read by revision_note()

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        if SUGGESTION_FIELD in request.POST:  # back to the panel, the article saved with the decision
            return redirect(reverse("admin:articles_article_change", args=[obj.pk]) + "#entity-suggestions")
        return response

    def save_model(self, request, obj, form, change):
        if change:
            self.forget_autosave(request, obj)  # saved: the copy kept for recovery is no longer needed
            self.stop_editing(request, obj)
        if self.is_idle_save(request, obj, form, change):
            return  # nothing new: no write, no revision (save_related saves if only rows changed)
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        self.announce_transition(request, obj, form)

    # Columns.

    @admin.display(description="Publish date", ordering="published_at")
    def publish_date(self, obj):
        if obj.published_at is None:
            return "—"
        when = timezone.localtime(obj.published_at)
        return f"{date_format(when, 'DATETIME_FORMAT')} {when.tzname()}"

    @admin.display(description="Proposed, waiting for an editor")
    def pending_proposals(self, obj):
        waiting = obj.proposals.all() if obj and obj.pk else []
        return "; ".join(f"{p.get_kind_display()} “{p.name}”" for p in waiting) or "—"

    @admin.display(description="Category")
    def primary_category_name(self, obj):
        category = obj.primary_category
        return category.name if category else "—"

    @admin.display(description="Authors")
    def author_names(self, obj):
        return ", ".join(author.name for author in obj.authors.all()) or "—"
