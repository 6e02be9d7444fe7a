"""The rows edited inside an article: byline, categories, entities, related links, legacy URLs."""
from django.contrib import admin

from ..models import ArticleAuthor, ArticleCategory, ArticleEntity, LegacyURL, RelatedLink
from .checked_params import CheckedAutocompleteMixin


class OneEmptyRowWhenAdding:
    """A new article starts with one empty row to fill (no "Add another" click first); a blank row is ignored."""

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0


class ArticleAuthorInline(CheckedAutocompleteMixin, OneEmptyRowWhenAdding, admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = "author"
    verbose_name_plural = "authors (in byline order)"


class ArticleCategoryInline(CheckedAutocompleteMixin, OneEmptyRowWhenAdding, admin.TabularInline):
    model = ArticleCategory
    extra = 0
    autocomplete_fields = ["category"]
    fields = ["category", "position"]
    verbose_name = "category"
    verbose_name_plural = "categories (the first is shown)"


class ArticleEntityInline(CheckedAutocompleteMixin, admin.TabularInline):
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


ARTICLE_INLINES = [ArticleAuthorInline, ArticleCategoryInline, ArticleEntityInline, RelatedLinkInline, LegacyURLInline]
