"""Entities on the article admin: the suggestion panel and its endpoint, and bulk tagging actions."""
from contextlib import contextmanager

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..entities import accept_candidate, link_entity, reject, suggest_entities
from ..entities.editing import add_entity_to_articles, remove_entity_from_articles
from ..editorial import proposals
from ..models import Article, Entity, EntityKind, Proposal
from ..validators import as_id
from .forms import BulkEntityForm


def bulk_entity_action(request, modeladmin, queryset, adding):
    form = BulkEntityForm(request.POST if "confirm" in request.POST else None, admin_site=modeladmin.admin_site)
    if form.is_valid():
        entity = form.cleaned_data["entity"]
        count = 0
        with transaction.atomic():
            for article in queryset:  # each article versioned with its tags, in a revision of its own
                with reversion.create_revision():
                    if adding:
                        changed = add_entity_to_articles(entity, [article], is_main=form.cleaned_data["is_main"])
                    else:
                        changed = remove_entity_from_articles(entity, [article])
                    if changed:
                        reversion.set_user(request.user)
                        reversion.set_comment(
                            f"{'Tagged' if adding else 'Untagged'} “{entity.name}” (from the article list).")
                        reversion.add_to_revision(article)
                count += changed
        text = f"“{entity.label}” {'added to' if adding else 'removed from'} {count} articles."
        modeladmin.message_user(request, text, messages.SUCCESS)
        return None
    return TemplateResponse(request, "admin/articles/article/bulk_entity.html", {
        **modeladmin.admin_site.each_context(request), "opts": modeladmin.model._meta, "form": form,
        "articles": queryset, "adding": adding,
        "title": "Add an entity to articles" if adding else "Remove an entity from articles",
        "action": "add_entity_to_selected" if adding else "remove_entity_from_selected",
    })


@admin.action(description="Add an entity to selected articles…", permissions=["change"])
def add_entity_to_selected(modeladmin, request, queryset):
    return bulk_entity_action(request, modeladmin, queryset, adding=True)


@admin.action(description="Remove an entity from selected articles…", permissions=["change"])
def remove_entity_from_selected(modeladmin, request, queryset):
    return bulk_entity_action(request, modeladmin, queryset, adding=False)


SUGGESTION_FIELD = "_suggestion"


class TaggingRevision:
    note = ""


@contextmanager
def tagging_revision(request, article):
    """A revision of `article` with its tags as they are after the block, if the block sets a `note`."""
    with reversion.create_revision():
        reversion.set_user(request.user)
        revision = TaggingRevision()
        yield revision
        if revision.note:
            reversion.set_comment(revision.note)
            reversion.add_to_revision(article)


class ArticleEntitiesMixin:
    """For ArticleAdmin: the suggestion panel on the change form and its accept/reject endpoint."""

    def get_entity_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("<path:object_id>/entity-suggestion/", self.admin_site.admin_view(self.suggestion_view),
                 name="%s_%s_entity_suggestion" % info),
        ]

    def suggestion_context(self, request, article):
        if article is None or not self.has_change_permission(request, article):  # read-only: nothing to decide
            return {}
        return {"entity_suggestions": suggest_entities(article), "entity_kinds": EntityKind.choices,
                "can_add_entity": request.user.has_perm("articles.add_entity")}

    def suggestion_view(self, request, object_id):
        """POST decision=accept|reject with entity=<pk> (known) or name + kind (new), on its own."""
        article = get_object_or_404(Article, pk=as_id(object_id))
        if request.method != "POST" or not self.has_change_permission(request, article):
            raise PermissionDenied
        with tagging_revision(request, article) as revision:
            revision.note = self.decide_suggestion(request, article, request.POST.get("decision"),
                                                   request.POST.get("entity"), request.POST.get("name", ""),
                                                   request.POST.get("kind"), request.POST.get("is_main") == "1")
        return redirect(reverse("admin:articles_article_change", args=[article.pk]) + "#entity-suggestions")

    def apply_posted_suggestion(self, request, article):
        """While the article form saves: the suggestion button pressed with it, if any (so a decision never
        throws away unsaved edits). Returns the revision note ("Tagged “X”.") or ""."""
        decision, _, rest = request.POST.get(SUGGESTION_FIELD, "").partition(":")
        if decision not in ("accept", "reject", "propose"):
            return ""
        if rest.startswith("entity-"):
            pk, _, is_main = rest.removeprefix("entity-").partition("-")
            return self.decide_suggestion(request, article, decision, pk, "", None, is_main == "main")
        name = request.POST.get(f"{SUGGESTION_FIELD}_name_{rest}", "")
        return self.decide_suggestion(request, article, decision, None, name,
                                      request.POST.get(f"{SUGGESTION_FIELD}_kind_{rest}"), False)

    def decide_suggestion(self, request, article, decision, entity_pk, name, kind, is_main):
        """Accept or reject one suggestion for `article`; tells the user; returns a note when it tagged."""
        name = name.strip()
        entity = Entity.objects.filter(pk=as_id(entity_pk)).first() if as_id(entity_pk) is not None else None
        if decision == "accept" and entity:
            link_entity(article, entity, is_main=is_main)
            self.message_user(request, f"Tagged with “{entity.label}”.", messages.SUCCESS)
            return f"Tagged “{entity.name}”."
        if decision == "accept" and name and not request.user.has_perm("articles.add_entity"):
            self.message_user(request, f"Only an editor can add “{name}” as a new entity; nothing changed.",
                              messages.ERROR)
        elif decision == "accept" and name and kind in EntityKind.values:
            entity = accept_candidate(article, name, kind)
            self.message_user(request, f"“{entity.label}” is now an entity and tags this article.", messages.SUCCESS)
            return f"Tagged “{entity.name}”."
        elif decision == "propose" and name and kind in EntityKind.values:
            proposals.propose(article, Proposal.Kind.ENTITY, name, request.user, entity_kind=kind)
            self.message_user(request, f"“{name}” is proposed as a new entity: an editor will add it.",
                              messages.SUCCESS)
        elif decision == "reject" and (entity or name):
            reject(article, entity.name if entity else name, request.user)
            self.message_user(request, f"“{entity or name}” will not be suggested for this article again.",
                              messages.SUCCESS)
        else:
            self.message_user(request, "That suggestion could not be understood; nothing changed.", messages.ERROR)
        return ""
