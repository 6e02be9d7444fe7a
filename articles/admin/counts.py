"""The "Articles" column shared by the author, category, series and entity lists, and who sees which rows."""
from django.contrib import admin
from django.db.models import Count, Q

from ..editorial import workflow
from ..models import Article


class ArticleCountMixin:
    """Show how many articles each row has: every article for editors; for a contributor only the rows
    and the articles they may see (ParentQuerySet.named_for()), here and in the autocomplete, which
    reads this queryset."""

    count_lookup = "articles"
    counted_article = "articles"  # the article a counted row stands for
    ordering = ["name"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if workflow.is_editor(request.user):
            return queryset.annotate(num_articles=Count(self.count_lookup, distinct=True))
        visible = Q(**{f"{self.counted_article}__in": Article.objects.visible_to(request.user).values("pk")})
        return queryset.named_for(request.user).annotate(
            num_articles=Count(self.count_lookup, filter=visible, distinct=True))

    @admin.display(description="Articles", ordering="num_articles")
    def article_count(self, obj):
        return obj.num_articles
