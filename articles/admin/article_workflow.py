"""The editorial workflow on the article admin: roles enforced per object, the transition buttons and
list actions. The rules (states, transitions, who may take each) live in articles/editorial/workflow.py;
the emails are sent by a receiver (articles/receivers.py) when a transition is announced."""
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from ..editorial import workflow
from ..models import Article

ACTION_FIELD = "_workflow"
CONTRIBUTOR_ACTIONS = {"submit_for_review", "withdraw_submissions"}


class ArticleWorkflowMixin:
    """For ArticleAdmin: who sees and changes what, the transition buttons and actions."""

    def get_queryset(self, request):
        return workflow.editable_by(super().get_queryset(request), request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and workflow.can_delete(request.user, obj)

    def has_publish_permission(self, request):
        return workflow.is_editor(request.user)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not workflow.is_editor(request.user):  # contributors only submit; bulk edits are editors' work
            actions = {name: action for name, action in actions.items() if name in CONTRIBUTOR_ACTIONS}
        return actions

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not workflow.is_editor(request.user):
            kwargs["choices"] = [(s.value, s.label) for s in (Article.Status.DRAFT, Article.Status.REVIEW)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def requested_action(self, request):
        """The transition the posted form asks for (the button pressed), or None."""
        return request.POST.get(ACTION_FIELD) if request.method == "POST" else None

    @admin.display(description="State", ordering="status")
    def workflow_state(self, obj):
        if not obj or not obj.pk:
            return "New draft"
        saved = getattr(obj, "saved_copy", obj)  # a refused form's instance holds what was posted (as_saved)
        unsent = getattr(obj, "unsent_email", None)  # the email about it failed (review_mail.send_quietly)
        if unsent is not None:
            return format_html("{} <strong>{}</strong>", workflow.state_label(saved), unsent)
        return workflow.state_label(saved)

    @admin.display(description="Reading time")
    def reading_time(self, obj):
        minutes = workflow.reading_minutes(obj.word_count if obj else 0)
        return f"about {minutes} min ({obj.word_count} words at {workflow.WORDS_PER_MINUTE} a minute)" if minutes else "—"

    @admin.display(description="Editor's note")
    def review_note_display(self, obj):
        return obj.review_note if obj and obj.review_note else "—"

    @admin.display(description="Submitted by", ordering="submitted_at")
    def submitted_by_name(self, obj):
        user, when = obj.submitted_by, obj.submitted_at and timezone.localtime(obj.submitted_at)
        name = (user.get_full_name() or user.get_username()) if user else "—"
        return f"{name}, {date_format(when, 'DATETIME_FORMAT')} {when.tzname()}" if user and when else name

    def as_saved(self, request, obj):
        """The article as stored, for a change form about to be shown: after a refused POST the form's
        instance carries what was posted (a status, a date) though nothing was saved, and the state,
        the buttons and the share link must say what is."""
        if obj is None or not obj.pk:
            return obj
        obj.saved_copy = Article.objects.get(pk=obj.pk) if request.method == "POST" else obj
        self.remember_share_url(request, obj)
        return obj.saved_copy

    def workflow_context(self, request, obj):
        available = workflow.available_transitions(obj or Article(created_by=request.user), request.user)
        editable = obj is None or self.has_change_permission(request, obj)
        withdraw = not editable and workflow.TRANSITIONS["withdraw"] in available
        return {"workflow_transitions": available if editable else [],
                "preview_url": reverse("admin:articles_article_preview", args=[obj.pk] if obj else []),
                "withdraw_url": reverse("admin:articles_article_withdraw", args=[obj.pk]) if withdraw else None}

    def announce_transition(self, request, obj, form):
        """After the change form saved `obj`: announce the transition it made (its button or the menu)."""
        name = workflow.transition_made(obj, form.action, form.changed_data)
        if name is not None:
            workflow.announce(obj, name, request.user)
        if form.action:
            messages.success(request, f"“{obj}”: {workflow.TRANSITIONS[form.action].label.lower()} done — "
                                      f"now {workflow.state_label(obj).lower()}.")

    def get_workflow_urls(self):
        view = self.admin_site.admin_view(self.withdraw_view)
        return [path("<path:object_id>/withdraw/", view, name="articles_article_withdraw")]

    def withdraw_view(self, request, object_id):
        """POST: the author takes back their submission (the change form is read-only to them in review)."""
        article = self.get_object(request, unquote(object_id))
        if article is None or request.method != "POST":
            raise PermissionDenied
        try:
            workflow.take("withdraw", article, request.user)
        except workflow.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"“{article}” is withdrawn: it is a draft again, yours to edit.")
        return redirect(reverse("admin:articles_article_change", args=[article.pk]))


# Actions for many articles (listed in ArticleAdmin.actions).

def run_transition(request, queryset, name):
    """Apply transition `name` to each article, each in a revision of its own that says so."""
    done, refused = 0, []
    for article in queryset:
        try:
            workflow.take(name, article, request.user, comment_suffix=" (from the article list)")
            done += 1
        except workflow.TransitionError as error:
            refused.append(str(error))
    if done:
        label = workflow.TRANSITIONS[name].label
        messages.success(request, f"{label}: {done} article{'s' if done != 1 else ''}.")
    if refused:
        messages.warning(request, f"Not changed ({len(refused)}): " + " ".join(refused[:10]))


@admin.action(description="Submit selected drafts for review")
def submit_for_review(modeladmin, request, queryset):
    run_transition(request, queryset, "submit")


@admin.action(description="Publish selected articles now", permissions=["publish"])
def publish_now(modeladmin, request, queryset):
    incomplete = [(article, workflow.missing_for_publication(article)) for article in queryset
                  if not article.is_public]
    incomplete = [(article, missing) for article, missing in incomplete if missing]
    if incomplete and not request.POST.get("publish_anyway"):
        return TemplateResponse(request, "admin/articles/article/publish_confirmation.html", {
            **modeladmin.admin_site.each_context(request), "opts": modeladmin.opts, "title": "Publish anyway?",
            "incomplete": incomplete, "queryset": queryset, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })
    run_transition(request, queryset, "publish")


@admin.action(description="Unpublish selected articles (back to draft)", permissions=["publish"])
def unpublish(modeladmin, request, queryset):
    run_transition(request, queryset, "unpublish")


@admin.action(description="Withdraw selected submissions (back to draft)")
def withdraw_submissions(modeladmin, request, queryset):
    run_transition(request, queryset, "withdraw")
