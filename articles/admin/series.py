from django.contrib import admin

from ..models import Series
from .counts import ArticleCountMixin


@admin.register(Series)
class SeriesAdmin(ArticleCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
