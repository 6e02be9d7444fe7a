"""The editorial workflow on the article admin: roles enforced per object, state buttons and actions,
and previews of unsaved changes. The rules themselves live in articles/editorial/workflow.py."""
import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.formsets import all_valid
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from ..caching.generation import bump_generation
from ..editorial import previews as preview, workflow
from ..receivers import article_shows_publicly
from ..models import Article
from . import review_mail

ACTION_FIELD = "_workflow"
CONTRIBUTOR_ACTIONS = {"submit_for_review", "withdraw_submissions"}
# What each transition did, as the revision history says it.
DONE = {"submit": "Submitted for review.", "publish": "Published.", "schedule": "Scheduled for {when}.",
        "unpublish": "Unpublished.", "return": "Returned to author: {note}", "withdraw": "Withdrawn by the author."}


class ArticleWorkflowMixin:
    """For ArticleAdmin: who sees and changes what, the transition buttons and actions, previews."""

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

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not workflow.is_editor(request.user):
            kwargs["choices"] = [(s.value, s.label) for s in (Article.Status.DRAFT, Article.Status.REVIEW)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def requested_action(self, request):
        """The transition the posted form asks for (the button pressed), or None."""
        return request.POST.get(ACTION_FIELD) if request.method == "POST" else None

    # Read-only fields.

    @admin.display(description="State", ordering="status")
    def workflow_state(self, obj):
        if not obj or not obj.pk:
            return "New draft"
        # A refused form's instance holds the posted status and date: say what is saved (as_saved()).
        saved = getattr(obj, "saved_copy", obj)
        unsent = getattr(obj, "unsent_email", None)  # the email about it failed (review_mail.send_quietly)
        if unsent is not None:
            return format_html("{} <strong>{}</strong>", workflow.state_label(saved), unsent)
        return workflow.state_label(saved)

    @admin.display(description="Reading time")
    def reading_time(self, obj):
        minutes = workflow.reading_minutes(obj.word_count if obj else 0)
        return f"about {minutes} min ({obj.word_count} words at {workflow.WORDS_PER_MINUTE} a minute)" if minutes else "—"

    @admin.display(description="Share a preview")
    def share_preview_link(self, obj):
        # The address this editor reached the site by (as_saved() builds it from the request): the one
        # the reviewer they send it to can reach too, whatever SITE_URL says.
        url = getattr(obj, "share_preview_url", None) or preview.shared_preview_url(obj)
        days = preview.link_max_age() // 86400
        return format_html('<a href="{}">{}</a><br>Anyone with this link can read the saved version for {} days.',
                           url, url, days)

    # The change form's buttons: transitions and "Preview changes".

    def as_saved(self, request, obj):
        """The article as stored, for a change form about to be shown: after a refused POST the form's
        instance carries what was posted (a status, a date) though nothing was saved, and the state,
        the buttons and the share link must say what is. Also gives the instance its absolute share URL."""
        if obj is None or not obj.pk:
            return obj
        obj.saved_copy = Article.objects.get(pk=obj.pk) if request.method == "POST" else obj
        obj.share_preview_url = request.build_absolute_uri(preview.shared_preview_url(obj))
        return obj.saved_copy

    def workflow_context(self, request, obj):
        article = obj or Article(created_by=request.user)
        info = self.opts.app_label, self.opts.model_name
        available = workflow.available_transitions(article, request.user)
        editable = obj is None or self.has_change_permission(request, obj)
        return {
            "workflow_transitions": available if editable else [],
            "preview_url": reverse(f"admin:{info[0]}_{info[1]}_preview", args=[obj.pk] if obj else []),
            "withdraw_url": reverse(f"admin:{info[0]}_{info[1]}_withdraw", args=[obj.pk]) if (
                obj is not None and not editable and workflow.TRANSITIONS["withdraw"] in available) else None,
        }

    @admin.display(description="Editor's note")
    def review_note_display(self, obj):
        return obj.review_note if obj and obj.review_note else "—"

    @admin.display(description="Submitted by", ordering="submitted_at")
    def submitted_by_name(self, obj):
        user = obj.submitted_by
        if user is None:
            return "—"
        when = timezone.localtime(obj.submitted_at) if obj.submitted_at else None
        name = user.get_full_name() or user.get_username()
        return f"{name}, {date_format(when, 'DATETIME_FORMAT')} {when.tzname()}" if when else name

    def transition_note(self, name, obj):
        if name not in DONE:
            return ""
        when = workflow.state_label(obj).removeprefix("Scheduled for ")
        return DONE[name].format(when=when, note=obj.review_note)

    def workflow_step(self, form):
        """The transition a saved form made: its button, or a status changed in the menu."""
        if form.action:
            return form.action
        if "status" not in form.changed_data:
            return None
        article = form.instance
        if article.status == Article.Status.PUBLISHED:
            return "schedule" if article.is_scheduled else "publish"
        return "submit" if article.status == Article.Status.REVIEW else None

    def announce_transition(self, request, obj, form):
        review_mail.notify(request, obj, self.workflow_step(form))
        if form.action:
            messages.success(request, f"“{obj}”: {workflow.TRANSITIONS[form.action].label.lower()} done — "
                                      f"now {workflow.state_label(obj).lower()}.")

    # Actions for many articles.

    def run_transition(self, request, queryset, name):
        """Apply transition `name` to each article, each keeping a revision that says what happened."""
        done, refused = 0, []
        comment = DONE[name].format(when="a later date") + " (from the article list)"
        for article in queryset:
            try:
                with reversion.create_revision():  # one per article: a restore of one leaves the others be
                    reversion.set_user(request.user)
                    reversion.set_comment(comment)
                    workflow.perform(name, article, request.user)
                done += 1
                review_mail.notify(request, article, name)
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

    @admin.action(description="Withdraw selected submissions (back to draft)")
    def withdraw_submissions(self, request, queryset):
        self.run_transition(request, queryset, "withdraw")

    def withdraw_view(self, request, object_id):
        """POST: the author takes back their submission (the change form is read-only to them in review)."""
        article = self.get_object(request, unquote(object_id))
        if article is None or request.method != "POST":
            raise PermissionDenied
        try:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(DONE["withdraw"])
                workflow.perform("withdraw", article, request.user)
        except workflow.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"“{article}” is withdrawn: it is a draft again, yours to edit.")
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[article.pk]))

    # Preview of unsaved changes.

    def get_workflow_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path("preview/", view(self.preview_view), name="%s_%s_preview" % info),
            path("<path:object_id>/preview/", view(self.preview_view), name="%s_%s_preview" % info),
            path("<path:object_id>/withdraw/", view(self.withdraw_view), name="%s_%s_withdraw" % info),
        ]

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
            formsets = self.posted_formsets(request, article, change)
            if not (form_ok and all_valid(formsets)):
                return HttpResponseBadRequest(format_html(
                    "<!DOCTYPE html><title>Preview not possible</title><h1>Preview not possible</h1>"
                    "<p>Correct the form first: {}</p>", form.errors.as_text() or "check the inline rows."))
            article.save()
            self.save_related(request, form, formsets, change)
            response = preview.render_unsaved(request, Article.objects.for_cards().get(pk=article.pk))
            transaction.set_rollback(True)
        # The rolled-back writes of an article readers can see may have been counted in values kept for
        # the current generation (the "Total Index" count): retire that generation too. A draft's cannot.
        if article_shows_publicly(article):
            bump_generation()
        return response
