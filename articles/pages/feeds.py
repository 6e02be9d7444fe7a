"""RSS 2.0 and Atom feeds for the whole blog and for each category, entity, author and series."""
from urllib.parse import urljoin

import nh3
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from archive.public_origin import PublicOriginRequest, absolute

from ..html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES
from ..models import Article, ArticleEntity, Author, Category, Entity, EntityRedirect, Series
from ..templatetags.peninsula import join_names

FEED_SIZE = 20
BLOG_DESCRIPTION = ("Short analysis and commentary on the Korean peninsula, its economy, its politics and its "
                    "place in the world, from the Korea Economic Institute of America.")


# Characters XML 1.0 forbids; Django's feed writer raises on them (a 500), so they are dropped.
XML_FORBIDDEN = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


def xml_safe(value):
    """`value` (a string, or a list of them) without characters XML cannot carry; anything else as is."""
    if isinstance(value, str):
        return value.translate(XML_FORBIDDEN)
    if isinstance(value, (list, tuple)):
        return [xml_safe(member) for member in value]
    return value


def with_absolute_urls(body, page_url):
    """The (sanitised) body with every `src` and `href` absolute: a feed reader shows it away from the site,
    and few of them honour xml:base. Relative ones resolve against the article's page (`page_url`)."""
    def resolve(tag, attribute, value):
        return urljoin(page_url, value) if attribute in ("src", "href") else value

    return nh3.clean(body, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_URL_SCHEMES,
                     link_rel="noopener noreferrer", attribute_filter=resolve)


class XMLSafeFeedMixin:
    """A feed generator that drops forbidden control characters from every text it is given."""

    def __init__(self, *args, **kwargs):
        super().__init__(*map(xml_safe, args), **{key: xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(xml_safe, args), **{key: xml_safe(value) for key, value in kwargs.items()})


class XMLSafeRssFeed(XMLSafeFeedMixin, Rss201rev2Feed):
    pass


class FullContentAtom1Feed(XMLSafeFeedMixin, Atom1Feed):
    """Atom with the article's full (sanitised) HTML in <content> and one <author> per author."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("extra_authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class ArticleFeed(Feed):
    """The newest published articles of the whole blog, as RSS 2.0 (links on the public origin)."""

    feed_type = XMLSafeRssFeed
    title = settings.SITE_NAME
    author_name = "Korea Economic Institute of America"

    def link(self, obj=None):
        return obj.get_absolute_url() if obj else reverse("articles:index")

    def description(self, obj=None):
        return BLOG_DESCRIPTION

    def get_feed(self, obj, request):
        return super().get_feed(obj, PublicOriginRequest(request))

    def get_queryset(self, obj):
        return Article.objects.published()

    def items(self, obj=None):
        return (
            self.get_queryset(obj).for_cards().newest_first()
            .prefetch_related(Prefetch("entity_links", queryset=ArticleEntity.objects.select_related("tag")))
            [:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.excerpt

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_modified

    def item_author_name(self, item):
        names = [author.name for author in item.authors.all()]
        return join_names(names) or (item.series.name if item.series else None)

    def item_categories(self, item):
        names = [c.name for c in item.categories.all()] + [link.tag.name for link in item.entity_links.all()]
        return list(dict.fromkeys(names))  # a category and an entity may share a name


class AtomFeedMixin:
    """Atom flavour of a feed: same items, full content, authors listed one by one."""

    feed_type = FullContentAtom1Feed

    def subtitle(self, obj=None):
        return self.description(obj)

    def item_author_name(self, item):
        names = [author.name for author in item.authors.all()]
        return names[0] if names else (item.series.name if item.series else None)

    def item_extra_kwargs(self, item):
        return {"content": with_absolute_urls(item.body, absolute(item.get_absolute_url())), "extra_authors": [author.name for author in item.authors.all()][1:]}


class ArticleAtomFeed(AtomFeedMixin, ArticleFeed):
    pass


class ParentFeed(ArticleFeed):
    """The articles of one category, entity, author or series."""

    model = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model.objects.with_public_articles(), slug=slug)

    def title(self, obj):
        return f"{obj.name} – {settings.SITE_NAME}"

    def get_queryset(self, obj):
        return Article.objects.published().of_parent(obj)

    def description(self, obj):
        return obj.description or f"Articles of {settings.SITE_NAME} on {obj.name}."


class CategoryFeed(ParentFeed):
    model = Category


class EntityFeed(ParentFeed):
    model = Entity

    def __call__(self, request, *args, **kwargs):
        """A merged or renamed entity's old feed URL answers 301 to the feed of the entity it became."""
        try:
            return super().__call__(request, *args, **kwargs)
        except Http404:
            moved = EntityRedirect.objects.filter(old_slug=kwargs.get("slug")).select_related("entity").first()
            if moved is None:
                raise
            return redirect(request.resolver_match.view_name, permanent=True, slug=moved.entity.slug)


class AuthorFeed(ParentFeed):
    model = Author

    def description(self, obj):
        return f"Articles by {obj.name} in {settings.SITE_NAME}."


class SeriesFeed(ParentFeed):
    model = Series


class CategoryAtomFeed(AtomFeedMixin, CategoryFeed):
    pass


class EntityAtomFeed(AtomFeedMixin, EntityFeed):
    pass


class AuthorAtomFeed(AtomFeedMixin, AuthorFeed):
    pass


class SeriesAtomFeed(AtomFeedMixin, SeriesFeed):
    pass
