from django.contrib import admin

from ..models import Category
from .counts import ArticleCountMixin


@admin.register(Category)
class CategoryAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
