"""Admin for entities: suggestions on the article page, merge, rename redirects, bulk tagging."""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .entities import accept_candidate, link_entity, reject, suggest_entities
from .entities.editing import (
    add_entity_to_articles, merge_entities, merge_preview, record_name_change, record_slug_change,
    remove_entity_from_articles,
)
from .models import Article, Entity, EntityKind
from .names import name_key
from .validators import as_id


class EntityForm(forms.ModelForm):
    """Refuses a second entity whose name differs only by case, accents or punctuation."""

    class Meta:
        model = Entity
        fields = ["name", "slug", "kind", "disambiguator", "aliases", "description", "wikidata_id"]

    def clean(self):
        cleaned = super().clean()
        key = name_key(f"{cleaned.get('name', '')} {cleaned.get('disambiguator', '')}")
        clash = Entity.objects.filter(key=key).exclude(pk=self.instance.pk).first()
        if clash:
            raise forms.ValidationError(
                "“%(name)s” is already an entity (“%(existing)s”): names that differ only in case or accents are "
                "one entity. Add a disambiguator if they are different things, or merge them.",
                code="duplicate_key", params={"name": cleaned.get("name"), "existing": clash},
            )
        return cleaned


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(queryset=Entity.objects.none(), widget=forms.RadioSelect,
                                      label="Keep this entity; merge the others into it")

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = entities


@admin.action(description="Merge selected entities…", permissions=["change"])
def merge_selected_entities(modeladmin, request, queryset):
    """Two steps: a preview of how many articles move, then the merge on confirmation."""
    entities = queryset.annotate(num_links=Count("article_links")).order_by("-num_links", "name")
    if entities.count() < 2:
        modeladmin.message_user(request, "Select at least two entities to merge.", messages.WARNING)
        return None
    form = MergeForm(request.POST if "confirm" in request.POST else None, entities=entities,
                     initial={"survivor": entities.first()})
    if form.is_valid():
        survivor = form.cleaned_data["survivor"]
        others = [entity for entity in entities if entity.pk != survivor.pk]
        moved = merge_entities(survivor, others)
        modeladmin.message_user(request, f"Merged {len(others)} entities into “{survivor}”; {moved} article links moved.",
                                messages.SUCCESS)
        return None
    rows = [(entity, merge_preview(entity, [e for e in entities if e.pk != entity.pk])) for entity in entities]
    return TemplateResponse(request, "admin/articles/entity/merge.html", {
        **modeladmin.admin_site.each_context(request), "opts": modeladmin.model._meta, "title": "Merge entities",
        "form": form, "entities": entities, "rows": rows, "action": "merge_selected_entities",
    })


class EntityAdminMixin:
    """Mixed into EntityAdmin: duplicate-safe form, merge action, old slug kept on rename."""

    form = EntityForm

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            actions["merge_selected_entities"] = (merge_selected_entities, "merge_selected_entities",
                                                  merge_selected_entities.short_description)
        return actions

    def save_model(self, request, obj, form, change):
        old_slug = form.initial.get("slug") if change else None
        old_name = form.initial.get("name") if change else None
        super().save_model(request, obj, form, change)
        if change:
            record_slug_change(obj, old_slug)
            record_name_change(obj, old_name)


class BulkEntityForm(forms.Form):
    entity = forms.ModelChoiceField(queryset=Entity.objects.order_by("name"))
    is_main = forms.BooleanField(required=False, label="Mark as a main subject (when adding)")


def bulk_entity_action(request, modeladmin, queryset, adding):
    form = BulkEntityForm(request.POST if "confirm" in request.POST else None)
    if form.is_valid():
        entity = form.cleaned_data["entity"]
        if adding:
            count = add_entity_to_articles(entity, queryset, is_main=form.cleaned_data["is_main"])
            text = f"“{entity}” added to {count} articles."
        else:
            count = remove_entity_from_articles(entity, queryset)
            text = f"“{entity}” removed from {count} articles."
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


class EntitySuggestionsMixin:
    """Mixed into ArticleAdmin: the suggestion panel, its accept/reject endpoint, bulk entity actions."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.has_change_permission(request):
            for func in (add_entity_to_selected, remove_entity_from_selected):
                actions[func.__name__] = (func, func.__name__, func.short_description)
        return actions

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path("<path:object_id>/entity-suggestion/", self.admin_site.admin_view(self.suggestion_view),
                 name="%s_%s_entity_suggestion" % info),
        ] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        article = self.get_object(request, object_id)
        if article is not None and self.has_change_permission(request, article):  # read-only: nothing to decide
            extra_context["entity_suggestions"] = suggest_entities(article)
            extra_context["entity_kinds"] = EntityKind.choices
            extra_context["can_add_entity"] = request.user.has_perm("articles.add_entity")
        return super().change_view(request, object_id, form_url, extra_context)

    def suggestion_view(self, request, object_id):
        """POST decision=accept|reject with entity=<pk> (known) or name + kind (new)."""
        article = get_object_or_404(Article, pk=as_id(object_id))
        if request.method != "POST" or not self.has_change_permission(request, article):
            raise PermissionDenied
        decision, name = request.POST.get("decision"), request.POST.get("name", "").strip()
        entity = Entity.objects.filter(pk=as_id(request.POST.get("entity"))).first()
        kind = request.POST.get("kind")
        if decision == "accept" and entity:
            link_entity(article, entity, is_main=request.POST.get("is_main") == "1")
            self.message_user(request, f"Tagged with “{entity}”.", messages.SUCCESS)
        elif decision == "accept" and name and not request.user.has_perm("articles.add_entity"):
            self.message_user(request, f"Only an editor can add “{name}” as a new entity; nothing changed.",
                              messages.ERROR)
        elif decision == "accept" and name and kind in EntityKind.values:
            entity = accept_candidate(article, name, kind)
            self.message_user(request, f"“{entity}” is now an entity and tags this article.", messages.SUCCESS)
        elif decision == "reject" and (entity or name):
            reject(article, entity.name if entity else name, request.user)
            self.message_user(request, f"“{entity or name}” will not be suggested for this article again.",
                              messages.SUCCESS)
        else:
            self.message_user(request, "That suggestion could not be understood; nothing changed.", messages.ERROR)
        return redirect(reverse("admin:articles_article_change", args=[article.pk]) + "#entity-suggestions")
