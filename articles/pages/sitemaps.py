"""The sitemap: every public article (with its last change) and the pages that list them."""
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ..models import Article, Author, Category, Entity, Series


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-published_at", "pk")

    def lastmod(self, article):
        return article.updated_at


class WithPublishedArticles(Sitemap):
    """The pages of one kind of parent (category, author, ...) that list at least one public article."""

    changefreq = "weekly"
    priority = 0.5
    model = None
    link = None

    def items(self):
        public = Article.objects.published().values("pk")
        return self.model.objects.filter(**{f"{self.link}__in": public}).distinct().order_by("slug")


class CategorySitemap(WithPublishedArticles):
    model, link = Category, "articles"


class AuthorSitemap(WithPublishedArticles):
    model, link = Author, "articles"


class SeriesSitemap(WithPublishedArticles):
    model, link = Series, "articles"


class EntitySitemap(WithPublishedArticles):
    model, link = Entity, "article_links__content_object"


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["articles:index", "articles:tags"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "entities": EntitySitemap,
    "authors": AuthorSitemap,
    "series": SeriesSitemap,
}
