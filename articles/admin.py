"""The editors' admin: declarative, with autocomplete, filters and counts."""
from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from reversion.admin import VersionAdmin

from .admin_entities import EntityAdminMixin, EntitySuggestionsMixin
from .admin_workflow import WorkflowAdminMixin
from .models import (
    Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity, EntityKind,
    EntityRedirect, LegacyURL, RejectedSuggestion, RelatedLink, Series,
)


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = "author"
    verbose_name_plural = "authors (in byline order)"


class ArticleCategoryInline(admin.TabularInline):
    model = ArticleCategory
    extra = 0
    autocomplete_fields = ["category"]
    fields = ["category", "position"]
    verbose_name = "category"
    verbose_name_plural = "categories (the first is shown)"


class ArticleEntityInline(admin.TabularInline):
    model = ArticleEntity
    extra = 0
    autocomplete_fields = ["tag"]
    fields = ["tag", "is_main", "position"]
    verbose_name = "entity"
    verbose_name_plural = "entities (people, organisations, places, topics)"


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    extra = 0
    fields = ["title", "url", "position"]


class LegacyURLInline(admin.TabularInline):
    model = LegacyURL
    extra = 0
    verbose_name_plural = "legacy URLs (old paths that redirect here)"


class EntityKindFilter(admin.SimpleListFilter):
    title = "entity kind"
    parameter_name = "entity_kind"

    def lookups(self, request, model_admin):
        return EntityKind.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(entity_links__tag__kind=self.value()).distinct()
        return queryset


@admin.register(Article)
class ArticleAdmin(WorkflowAdminMixin, EntitySuggestionsMixin, VersionAdmin):
    list_display = ["title", "status", "published_at", "primary_category_name", "author_names", "updated_at"]
    list_filter = ["status", "categories", "authors", EntityKindFilter, "series", "published_at"]
    search_fields = ["title", "body_text", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["series"]
    list_per_page = 50
    inlines = [ArticleAuthorInline, ArticleCategoryInline, ArticleEntityInline, RelatedLinkInline, LegacyURLInline]
    autocomplete_fields = ["series"]
    readonly_fields = ["word_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "published_at", "series"]}),
        ("Content", {"fields": ["excerpt", "body", "author_note", "word_count"]}),
        ("Image", {"fields": ["image", "image_alt", "image_credit", "image_credit_url", "image_licence"],
                   "classes": ["collapse"]}),
        ("Record", {"fields": ["wp_id", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("authors", "categories")

    @admin.display(description="Category")
    def primary_category_name(self, obj):
        category = obj.primary_category
        return category.name if category else "—"

    @admin.display(description="Authors")
    def author_names(self, obj):
        return ", ".join(author.name for author in obj.authors.all()) or "—"

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class ArticleCountMixin:
    """Show how many articles each row has (all statuses: this is the editors' view)."""

    count_lookup = "articles"
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count(self.count_lookup, distinct=True))

    @admin.display(description="Articles", ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles


@admin.register(Author)
class AuthorAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "affiliation", "article_count"]
    search_fields = ["name", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["entity"]


@admin.register(Category)
class CategoryAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(Series)
class SeriesAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Entity)
class EntityAdmin(EntityAdminMixin, ArticleCountMixin, admin.ModelAdmin):
    count_lookup = "article_links"
    list_display = ["name", "kind", "disambiguator", "article_count", "wikidata_link"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases", "disambiguator"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "kind", "disambiguator", "aliases", "description", "wikidata_id"]

    @admin.display(description="Wikidata")
    def wikidata_link(self, obj):
        if not obj.wikidata_id:
            return "—"
        return format_html('<a href="https://www.wikidata.org/wiki/{}">{}</a>', obj.wikidata_id, obj.wikidata_id)


@admin.register(EntityRedirect)
class EntityRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "entity", "created_at"]
    search_fields = ["old_slug", "entity__name"]
    autocomplete_fields = ["entity"]


@admin.register(RejectedSuggestion)
class RejectedSuggestionAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "rejected_by", "created_at"]
    search_fields = ["name", "article__title"]
    raw_id_fields = ["article"]
