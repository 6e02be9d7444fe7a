"""Public pages: thin generic views over Article.objects.published()."""
import re
from functools import partial

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import ResolverMatch
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView, MonthArchiveView, RedirectView, View, YearArchiveView

from ..caching import search as kept_searches
from ..caching import values
from ..caching.keys import page_key, page_query
from ..caching.page_cache import CachedPageMixin
from ..caching.search import search_cards
from ..entities.related import rank_related
from ..models import Article, ArticleEntity, Author, Category, Entity, EntityKind, EntityRedirect, Series
from ..search.forms import FILTERS, SearchForm
from .sharing import share_links

PAGE_SIZE = 10


class PublishedArticlesMixin:
    """Published articles, newest first, with what their cards show prefetched, 10 a page."""

    paginate_by = PAGE_SIZE
    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_cards().newest_first()

    def get_context_data(self, **kwargs):
        # The page links keep the parameters the page reads (the page's cache key), nothing stray.
        params = [name for name in getattr(self, "query_params", ()) if name != "page"]
        return super().get_context_data(extra_query=page_query(self.request, params), **kwargs)


class IndexView(CachedPageMixin, PublishedArticlesMixin, ListView):
    """/the-peninsula/: every article, optionally narrowed by ?category= or ?theme=."""

    query_params = ("page", "category", "theme")

    def get_queryset(self):
        queryset = super().get_queryset()
        self.category = self.theme = None
        if slug := self.request.GET.get("category"):
            self.category = get_object_or_404(Category.objects.with_public_articles(), slug=slug)
            queryset = queryset.of_parent(self.category)
        if slug := self.request.GET.get("theme"):
            self.theme = get_object_or_404(Entity.objects.with_public_articles(), slug=slug)
            queryset = queryset.of_parent(self.theme)
        return queryset

    def get_context_data(self, **kwargs):
        archives = values.archives(self.request) if not (self.category or self.theme) else ()
        return super().get_context_data(is_index=True, category=self.category, theme=self.theme,
                                        archives=archives, **kwargs)


class ArticlePageView(DetailView):
    """An article as the public sees it, uncached: the article page and its previews."""

    context_object_name = "article"
    # Related articles are kept per content generation; a view that may render rows no commit made
    # (a preview of unsaved changes, rolled back afterwards) sets this off.
    keeps_related_articles = True

    def get_queryset(self):
        return Article.objects.visible_to(self.request.user).for_cards().prefetch_related(
            Prefetch("entity_links", queryset=ArticleEntity.objects.select_related("tag")))

    def get_context_data(self, **kwargs):
        article = self.object
        links = list(article.entity_links.all())  # prefetched with their tags; the JSON-LD uses them too
        if self.keeps_related_articles:
            related = values.related_articles(self.request, article, links)
            neighbours = values.neighbours(self.request, article)
        else:
            related = rank_related(article, links=links)
            neighbours = values.neighbouring_articles(article)
        return super().get_context_data(
            is_preview=not article.is_public,
            entity_groups=entity_groups(links),
            related_articles=related,
            previous_article=neighbours[0], next_article=neighbours[1],
            share_links=share_links(article),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context["is_preview"]:
            keep_private(response)
        return response


class ArticleDetailView(CachedPageMixin, ArticlePageView):
    """/the-peninsula/<slug>/: the article page, kept in the page cache for anonymous readers."""

    query_params = ()


def keep_private(response):
    """Mark a preview response (or its refusal) as never kept by a cache and never indexed."""
    patch_cache_control(response, private=True, no_store=True)
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def entity_groups(links):
    """The article's entity links as [(kind label, [links])], main subjects first within a kind."""
    groups = []
    for kind, label in EntityKind.choices:
        members = [link for link in links if link.tag.kind == kind]
        if members:
            groups.append((label, members))
    return groups


def home(request):
    """/: the latest articles. /?p=N, WordPress's default link to post N, answers 301 with the
    article imported from that post, so links to the old site keep working. Posts of several sites can share
    the number: the one imported first answers."""
    wp_id = request.GET.get("p")
    if wp_id is None:
        return redirect("articles:index")
    if not re.fullmatch(r"[0-9]{1,18}", wp_id):  # beyond 18 digits the database's integers overflow
        raise Http404("No such post.")
    article = Article.objects.published().filter(wp_id=int(wp_id)).order_by("pk").first()
    if article is None:
        raise Http404("No such post.")
    return redirect(article, permanent=True)


class OldBlogArticleRedirectView(RedirectView):
    """/YYYY/MM/<slug>/, the old blog's article URLs."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return get_object_or_404(Article.objects.published(), slug=kwargs["slug"]).get_absolute_url()


class ArticleYearArchiveView(CachedPageMixin, PublishedArticlesMixin, YearArchiveView):
    date_field = "published_at"
    make_object_list = True
    template_name = "articles/article_archive.html"


class YearOrArticleView(View):
    """/the-peninsula/YYYY/: the year's archive, unless a published article has the year as its slug; then
    that article, which the index, feeds and sitemap link there (its year's archive moves to
    /the-peninsula/archive/YYYY/). Decided here, not in the URL converter, so that resolving the path
    (the page-cache middleware does it for every request) costs no query."""

    keeps_pages = True
    query_params = ArticleYearArchiveView.query_params

    def dispatch(self, request, *args, year, **kwargs):
        if Article.objects.published().filter(slug=str(year)).exists():
            view, match = ArticleDetailView.as_view(), request.resolver_match
            # The page metadata is keyed by the view name: this page is the article's.
            request.resolver_match = ResolverMatch(view, (), {"slug": str(year)}, url_name="article_detail",
                                                   app_names=match.app_names, namespaces=match.namespaces,
                                                   route=match.route)
            return view(request, slug=str(year))
        return ArticleYearArchiveView.as_view()(request, year=year)


class ClaimedYearArchiveView(ArticleYearArchiveView):
    """/the-peninsula/archive/YYYY/: the year's archive when an article's slug is that year (pages/converters.py);
    for any other year, a redirect to /the-peninsula/YYYY/, so each archive has one address."""

    def get(self, request, *args, **kwargs):
        if not Article.objects.published().filter(slug=str(kwargs["year"])).exists():
            return redirect("articles:archive_year", year=kwargs["year"], permanent=True)
        return super().get(request, *args, **kwargs)


class ArticleMonthArchiveView(CachedPageMixin, PublishedArticlesMixin, MonthArchiveView):
    date_field = "published_at"
    month_format = "%m"
    template_name = "articles/article_archive.html"


class ParentListView(CachedPageMixin, PublishedArticlesMixin, ListView):
    """Articles belonging to one parent object (category, entity, author, series)."""

    parent_model = None
    parent_context_name = None

    def get_parent(self):
        # A parent whose articles are all drafts or scheduled has no public page: its name and
        # description would tell what is coming.
        return get_object_or_404(self.parent_model.objects.with_public_articles(), slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        self.parent = self.get_parent()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().of_parent(self.parent)

    def get_context_data(self, **kwargs):
        kwargs[self.parent_context_name] = self.parent
        return super().get_context_data(**kwargs)


class CategoryView(ParentListView):
    parent_model = Category
    parent_context_name = "category"
    template_name = "articles/category_detail.html"


class AuthorView(ParentListView):
    parent_model = Author
    parent_context_name = "author"
    template_name = "articles/author_detail.html"


class SeriesView(ParentListView):
    parent_model = Series
    parent_context_name = "series"
    template_name = "articles/series_detail.html"


class EntityView(ParentListView):
    """/tag/<slug>/: an entity's archive; an old slug of a merged or renamed entity redirects."""

    parent_model = Entity
    parent_context_name = "entity"
    template_name = "articles/entity_detail.html"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = EntityRedirect.objects.filter(old_slug=kwargs["slug"]).select_related("entity").first()
            if moved is None:
                raise
            return redirect(moved.entity, permanent=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(year_chart=values.entity_year_chart(self.request, self.parent),
                                        co_mentioned=values.co_mentioned(self.request, self.parent), **kwargs)


class OldTagPageRedirectView(RedirectView):
    """/tag/<slug>/page/N/ from the old blog becomes /tag/<slug>/?page=N."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        entity = get_object_or_404(Entity.objects.with_public_articles(), slug=kwargs["slug"])
        return f"{entity.get_absolute_url()}?page={kwargs['page']}"


class EntityIndexView(CachedPageMixin, ListView):
    """/tags/: every entity that has published articles, with counts, grouped by kind."""

    template_name = "articles/entity_list.html"
    context_object_name = "entities"

    def get_queryset(self):
        return values.entity_index(self.request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["groups"] = [
            (label, [e for e in context["entities"] if e.kind == kind]) for kind, label in EntityKind.choices
        ]
        return context


class SearchCards:
    """A search's results as their HTML cards, sliced lazily for the Paginator: a page's ids and marks
    from the backend, its cards from those kept for the generation."""

    def __init__(self, request, results):
        self.request, self.results = request, results

    def count(self):
        return self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        start, stop = key.start or 0, min(key.stop, self.count())
        return search_cards(self.request, self.results.hits(start, max(stop - start, 0)))


class SearchView(CachedPageMixin, ListView):
    """/search/?q=: ranked full-text results, facets, sort switch; the backend follows the database.

    Results are the same for every reader (published articles only), so anonymous readers' pages are
    kept per content generation like the other public pages, keyed by the search as the form reads it
    (words, sort, valid filters, page), so stray parameters do not make new copies.
    """

    template_name = "articles/search.html"
    context_object_name = "results"
    paginate_by = PAGE_SIZE
    query_params = ("q", "sort", *FILTERS, "page")  # the served copy's key; the view's own reads the form

    @cached_property
    def form(self):
        """Bound once a request: the cache key and, on a miss, the results both read it."""
        return SearchForm(self.request.GET)

    def page_cache_key(self, request, generation):
        page = request.GET.get(self.page_kwarg, "")[:20]
        return page_key(request, generation, f"{self.form.url_with()}&page={page}")

    @cached_property
    def results(self):
        return self.form.results(unpublished_ids=kept_searches.unpublished_ids(self.request))

    def get_queryset(self):
        return SearchCards(self.request, self.results)

    def get_context_data(self, **kwargs):
        request, results = self.request, self.results
        return super().get_context_data(
            form=self.form, query=self.form.text, searchable=bool(results.query),
            facet_panel=kept_searches.facet_panel(request, self.form, results), exact_total=results.exact_total,
            filters=self.form.removable_filters(),
            suggestions=self.form.suggestions(results, partial(kept_searches.spelling_candidates, request)),
            extra_query=self.form.url_with()[1:], **kwargs)
