"""The entity admin: a duplicate-safe form, merging, and old slugs kept on rename."""
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from ..entities.editing import record_name_change, record_slug_change
from ..entities.merging import UndoError, merge_entities, merge_preview, undo_merge
from ..models import Entity, EntityMerge
from ..validators import as_id
from .counts import ArticleCountMixin
from .forms import EntityForm, MergeForm


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
        moved = merge_entities(survivor, others, user=request.user)  # each changed article keeps a revision
        modeladmin.log_change(request, survivor, f"Merged {', '.join(f'“{o.name}”' for o in others)} into it.")
        history = reverse("admin:articles_entity_history", args=[survivor.pk])
        modeladmin.message_user(request, format_html(
            "Merged {} entities into “{}”; {} article links moved. <a href=\"{}\">Undo from its history</a>.",
            len(others), survivor, moved, history), messages.SUCCESS)
        return None
    rows = [(entity, merge_preview(entity, [e for e in entities if e.pk != entity.pk])) for entity in entities]
    return TemplateResponse(request, "admin/articles/entity/merge.html", {
        **modeladmin.admin_site.each_context(request), "opts": modeladmin.model._meta, "title": "Merge entities",
        "form": form, "entities": entities, "rows": rows, "action": "merge_selected_entities",
    })


@admin.register(Entity)
class EntityAdmin(ArticleCountMixin, admin.ModelAdmin):
    form = EntityForm
    count_lookup = "article_links"
    counted_article = "article_links__content_object"
    list_display = ["name", "kind", "disambiguator", "article_count", "wikidata_link"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases", "disambiguator"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "kind", "disambiguator", "aliases", "description", "wikidata_id"]
    actions = [merge_selected_entities]
    object_history_template = "admin/articles/entity/object_history.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.undo_merge_view)
        return [path("<path:object_id>/history/undo-merge/<str:merge_id>/", view, name="articles_entity_undo_merge"),
                *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        merges = EntityMerge.objects.filter(survivor_id=as_id(unquote(object_id))).select_related("merged_by",
                                                                                                  "undone_by")
        return super().history_view(request, object_id, {"merges": merges, **(extra_context or {})})

    def undo_merge_view(self, request, object_id, merge_id):
        """POST: bring back an entity merged into this one, with its links (entities/merging.py)."""
        survivor = self.get_object(request, unquote(object_id))
        if request.method != "POST" or survivor is None or not self.has_change_permission(request, survivor) \
                or not self.has_add_permission(request):
            raise PermissionDenied
        record = get_object_or_404(EntityMerge, pk=as_id(merge_id), survivor=survivor)
        try:
            entity = undo_merge(record, user=request.user)
        except UndoError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.log_change(request, survivor, f"Undid the merge of “{entity.name}” into it.")
            self.log_addition(request, entity, f"Brought back by undoing its merge into “{survivor.name}”.")
            self.message_user(request, f"“{entity.label}” is back with its article links.", messages.SUCCESS)
        return redirect(reverse("admin:articles_entity_history", args=[survivor.pk]))

    @admin.display(description="Wikidata")
    def wikidata_link(self, obj):
        if not obj.wikidata_id:
            return "—"
        return format_html('<a href="https://www.wikidata.org/wiki/{}">{}</a>', obj.wikidata_id, obj.wikidata_id)

    def save_model(self, request, obj, form, change):
        old_slug = form.initial.get("slug") if change else None
        old_name = form.initial.get("name") if change else None
        super().save_model(request, obj, form, change)
        if change:
            record_slug_change(obj, old_slug)
            record_name_change(obj, old_name)
