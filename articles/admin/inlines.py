"""The rows edited inside an article: byline, categories, entities, related links, legacy URLs."""
from django.contrib import admin

from ..editorial import workflow
from ..models import ArticleAuthor, ArticleCategory, ArticleEntity, LegacyURL, RelatedLink
from .checked_params import CheckedAutocompleteMixin


class ArticleRowInline(admin.TabularInline):
    """An article's rows follow the article: read-only to whoever may not change it (a contributor's
    submitted draft). `obj` is the article, None on the add form."""

    def article_editable(self, request, obj):
        return obj is None or workflow.can_edit(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return self.article_editable(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.article_editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.article_editable(request, obj) and super().has_delete_permission(request, obj)


class OneEmptyRowWhenAdding:
    """A new article starts with one empty row to fill (no "Add another" click first); a blank row is ignored."""

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj is None else 0


class ArticleAuthorInline(CheckedAutocompleteMixin, OneEmptyRowWhenAdding, ArticleRowInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = "author"
    verbose_name_plural = "authors (in byline order)"


class ArticleCategoryInline(CheckedAutocompleteMixin, OneEmptyRowWhenAdding, ArticleRowInline):
    model = ArticleCategory
    extra = 0
    autocomplete_fields = ["category"]
    fields = ["category", "position"]
    verbose_name = "category"
    verbose_name_plural = "categories (the first is shown)"


class ArticleEntityInline(CheckedAutocompleteMixin, ArticleRowInline):
    model = ArticleEntity
    extra = 0
    autocomplete_fields = ["tag"]
    fields = ["tag", "is_main", "position"]
    verbose_name = "entity"
    verbose_name_plural = "entities (people, organisations, places, topics)"


class RelatedLinkInline(ArticleRowInline):
    model = RelatedLink
    extra = 0
    fields = ["title", "url", "position"]


class LegacyURLInline(ArticleRowInline):
    model = LegacyURL
    extra = 0
    verbose_name_plural = "legacy URLs (old paths that redirect here)"


ARTICLE_INLINES = [ArticleAuthorInline, ArticleCategoryInline, ArticleEntityInline, RelatedLinkInline, LegacyURLInline]
