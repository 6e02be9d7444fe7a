"""The values public pages show that derive from the whole archive, each kept per content generation.

Views call these and never the cache: each function names its value's key and how to compute it.
`request` (or None) reads the generation once per request; what they return is shared between requests,
so callers must not change it.
"""
from dataclasses import dataclass

from django.utils import timezone

from ..citations.page import article_citations
from ..pages.archives import archive_years
from ..entities.charts import year_chart
from ..entities.related import public_link_counts, rank_related
from ..models import Article, Entity
from .generation import content_generation
from .kept import publication_summary, remember

CO_MENTIONS_SHOWN = 12


def public_article_count(request=None):
    """How many articles readers can see (the "Total Index" count)."""
    return publication_summary(content_generation(request))["public"]


def entity_article_counts(request=None):
    """{entity id: how many published articles name it}: the /tags/ counts and related articles' rarity."""
    return remember(request, "entity-article-counts", public_link_counts)


def related_articles(request, article, links):
    """The published articles related to `article` (whose entity `links` are given), in one query once
    this generation's counts are known."""
    return remember(request, ("related-articles", article.pk), lambda: rank_related(
        article, links=links, total=public_article_count(request), counts=entity_article_counts(request)))


def entity_year_chart(request, entity):
    """The chart of an entity's published articles by year (entities/charts.py)."""
    return remember(request, ("year-chart", entity.pk),
                    lambda: year_chart(Article.objects.published().of_parent(entity).count_by_year()))


def co_mentioned(request, entity):
    """The entities named most often in the same published articles as `entity`, the first few."""
    return remember(request, ("co-mentioned", entity.pk), lambda: list(
        Entity.objects.co_mentioned_with(entity, Article.objects.published())[:CO_MENTIONS_SHOWN]))


@dataclass(frozen=True)
class EntityCount:
    """One /tags/ entry: plain values, since the page lists thousands."""

    name: str
    slug: str
    kind: str
    article_count: int


def entity_index(request=None):
    """Every entity that has published articles, by name, with its count: two light queries."""
    def entity_counts():
        counts = entity_article_counts(request)
        rows = Entity.objects.order_by("name", "pk").values_list("pk", "name", "slug", "kind")
        return [EntityCount(name, slug, kind, counts[pk]) for pk, name, slug, kind in rows if counts.get(pk)]

    return remember(request, "entity-index", entity_counts)


def archives(request=None):
    """The years and months with public articles and their counts (pages/archives.py): the index's list."""
    return remember(request, "archives", archive_years)


def page_citations(request, article):
    """The citations the article page shows, formatted once per article, content generation and day
    (Harvard's carries the reader's date; about 50 ms for the five styles: docs/readers.md, "Citing an article")."""
    today = timezone.localdate()
    return remember(request, ("citations", article.pk, today.isoformat()), lambda: article_citations(article, today))


def neighbouring_articles(article):
    """(previous, next) published articles in the article's first category, or Nones (one query)."""
    category = article.primary_category
    if category is None:
        return None, None
    return Article.objects.published().neighbours(article, category)


def neighbours(request, article):
    """`neighbouring_articles`, kept per content generation."""
    return remember(request, ("neighbours", article.pk), lambda: neighbouring_articles(article))
