from django.contrib import admin

from ..models import Category
from .checked_params import CheckedParamsMixin
from .counts import ArticleCountMixin


@admin.register(Category)
class CategoryAdmin(CheckedParamsMixin, ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
