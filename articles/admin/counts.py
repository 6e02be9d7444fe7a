"""The "Articles" column shared by the author, category, series and entity lists."""
from django.contrib import admin
from django.db.models import Count


class ArticleCountMixin:
    """Show how many articles each row has (all statuses: this is the editors' view)."""

    count_lookup = "articles"
    ordering = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_articles=Count(self.count_lookup, distinct=True))

    @admin.display(description="Articles", ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles
