"""The entity admin: a duplicate-safe form, merging, and old slugs kept on rename."""
import reversion
from django.contrib import admin, messages
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.html import format_html

from ..entities.editing import merge_entities, merge_preview, record_name_change, record_slug_change
from ..models import Article, Entity
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
        articles = list(Article.objects.filter(entity_links__tag__in=others).distinct())
        with reversion.create_revision():  # each article that changes tags keeps a revision saying why
            reversion.set_user(request.user)
            reversion.set_comment(f"Merged {', '.join(f'“{o.name}”' for o in others)} into “{survivor.name}”.")
            moved = merge_entities(survivor, others)
            for article in articles:
                reversion.add_to_revision(article)
        modeladmin.message_user(request, f"Merged {len(others)} entities into “{survivor}”; {moved} article links moved.",
                                messages.SUCCESS)
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
