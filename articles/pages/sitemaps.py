"""The sitemap: an index (/sitemap.xml) of sections (/sitemap-<section>.xml), each paginated at
SITEMAP_PAGE_SIZE URLs, listing every public article (with its last change) and the pages that list
them. Each page is kept in the page cache per content generation, so asking again costs no query.

URLs are on the public origin (SITE_URL), never the request's Host or scheme.
"""
from django.conf import settings
from django.contrib.sitemaps import Sitemap, views as sitemap_views
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.views import View

from archive.public_origin import PublicOriginRequest

from ..models import Article, Author, Category, Entity, Series, published_q
from ..caching.page_cache import CachedPageMixin
from .archives import archive_years


def changed(prefix=""):
    """When an article last changed for readers: its content (at the source or here: modified_at, never the
    day it was imported) or its going public, whichever is later."""
    return Greatest(Coalesce(f"{prefix}modified_at", f"{prefix}published_at"), f"{prefix}published_at")


# When a list page last changed: an article on it was edited or (scheduled) became public.
CHANGED = changed()


class Section(Sitemap):
    """A section of the index, split into pages of SITEMAP_PAGE_SIZE URLs (?p=N)."""

    @property
    def limit(self):
        return settings.SITEMAP_PAGE_SIZE


class ArticleSitemap(Section):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return (Article.objects.published().annotate(changed=CHANGED).only("slug")
                .order_by("-published_at", "pk"))

    def lastmod(self, article):
        return article.changed

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max(CHANGED))["latest"]


class WithPublishedArticles(Section):
    """The pages of one kind of parent (category, author, ...) that list at least one public article,
    each last modified when the newest of its public articles changed."""

    changefreq = "weekly"
    priority = 0.5
    model = None
    to_articles = "articles"  # the lookup from the parent to its articles

    def items(self):
        lookup = self.to_articles
        latest = Max(changed(f"{lookup}__"), filter=published_q(f"{lookup}__"))
        return (self.model.objects.annotate(changed=latest).filter(changed__isnull=False)
                .only("slug").order_by("slug"))

    def lastmod(self, parent):
        return parent.changed

    def get_latest_lastmod(self):
        listed = Article.objects.published().filter(**{f"{self.model.articles_lookup}__isnull": False})
        return listed.aggregate(latest=Max(CHANGED))["latest"]


class CategorySitemap(WithPublishedArticles):
    model = Category


class AuthorSitemap(WithPublishedArticles):
    model = Author


class SeriesSitemap(WithPublishedArticles):
    model = Series


class EntitySitemap(WithPublishedArticles):
    model = Entity
    to_articles = "article_links__content_object"


class PageSitemap(Section):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["articles:index", "articles:tags"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.get_latest_lastmod()

    def get_latest_lastmod(self):
        if not hasattr(self, "latest"):  # one query for both pages
            self.latest = Article.objects.published().aggregate(latest=Max(CHANGED))["latest"]
        return self.latest


class ArchiveSitemap(Section):
    """The year and month archives with public articles (pages/archives.py), at the address each answers on."""

    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return [entry for year in archive_years() for entry in (year, *year.months)]

    def location(self, entry):
        return entry.url


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "entities": EntitySitemap,
    "authors": AuthorSitemap,
    "series": SeriesSitemap,
    "archives": ArchiveSitemap,
}


class SitemapView(CachedPageMixin, View):
    """Django's sitemap views on the public origin, kept in the page cache per content generation."""

    query_params = ()

    def get(self, request, **kwargs):
        return self.render(PublicOriginRequest(request), **kwargs)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, noodp, noarchive"  # as Django's views say; kept with the page
        return response


class SitemapIndexView(SitemapView):
    """/sitemap.xml: one entry per section page, with the section's last change."""

    def render(self, request):
        return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")


class SitemapSectionView(SitemapView):
    """/sitemap-<section>.xml?p=N: one page of a section."""

    query_params = ("p",)

    def render(self, request, section):
        return sitemap_views.sitemap(request, SITEMAPS, section=section)
