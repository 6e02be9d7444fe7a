"""Search result cards, rendered once per article and content generation.

A card is the same for every search but for two parts: the title and the snippet with the searched
words marked. So each article's card is rendered (includes/search_result.html) once with two
placeholders in their place, kept per generation, and each search fills in its own marks: a fresh
search page then neither loads its ten articles' rows, bylines and categories nor renders their
cards, which were most of its cost.
"""
import secrets
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.template.loader import get_template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from ..models import Article, ArticleAuthor, ArticleCategory, Author, Category
from ..caching.kept import remember_each

# Random per process, so no article's own text can contain them.
TITLE_SLOT = SafeString(f"\x00title-{secrets.token_hex(8)}\x00")
SNIPPET_SLOT = SafeString(f"\x00snippet-{secrets.token_hex(8)}\x00")


@dataclass(frozen=True)
class SearchCard:
    """An article's card as HTML around its title and snippet, plus both unmarked (escaped), for an
    article the search index could not mark."""

    before_title: str
    before_snippet: str
    after_snippet: str
    title: str
    excerpt: str

    def html(self, marked=None):
        """The card with `marked` = (title HTML, snippet HTML) in place, or the plain title and excerpt."""
        title, snippet = marked or (self.title, self.excerpt)
        return mark_safe(f"{self.before_title}{title}{self.before_snippet}{snippet}{self.after_snippet}")


def card_links(article_ids):
    """({article id: [Author]}, {article id: first Category}) of these articles, in byline order, in one
    query: the ORM's two prefetches cost some 1.1 ms of Python for ten cards, this 0.05 ms."""
    links = [(ArticleAuthor, Author, "author"), (ArticleCategory, Category, "category")]
    placeholders = ", ".join(["%s"] * len(article_ids)) or "NULL"
    selects = [f"SELECT l.article_id, '{kind}', t.id, t.name, t.slug, l.position, l.id FROM {link._meta.db_table} l "
               f"JOIN {target._meta.db_table} t ON t.id = l.{kind}_id WHERE l.article_id IN ({placeholders})"
               for link, target, kind in links]
    authors, categories = defaultdict(list), {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects) + " ORDER BY 6, 7", [*article_ids, *article_ids])
        for article_id, kind, pk, name, slug, _position, _link in cursor.fetchall():
            if kind == "author":
                authors[article_id].append(Author(pk=pk, name=name, slug=slug))
            else:
                categories.setdefault(article_id, Category(pk=pk, name=name, slug=slug))
    return authors, categories


def render_card(article, authors, category, template=None):
    """The SearchCard of an article loaded with Article.objects.for_search_cards(), with its byline's
    authors and first category (card_links())."""
    template = template or get_template("includes/search_result.html")
    article.search_title, article.search_snippet = TITLE_SLOT, SNIPPET_SLOT
    html = template.render({"article": article, "authors": authors, "category": category})
    before_title, rest = html.split(TITLE_SLOT)
    before_snippet, after_snippet = rest.split(SNIPPET_SLOT)
    return SearchCard(before_title, before_snippet, after_snippet,
                      conditional_escape(article.title), conditional_escape(article.excerpt))


def render_cards(article_ids):
    """{id: SearchCard} of these articles that are public (one query for the rows, one for the bylines
    and categories)."""
    template = get_template("includes/search_result.html")
    articles = Article.objects.published().filter(pk__in=article_ids).for_search_cards()
    authors, categories = card_links(article_ids)
    return {article.pk: render_card(article, authors[article.pk], categories.get(article.pk), template)
            for article in articles}


def search_result_cards(request, article_ids, marked):
    """The HTML cards of these search results, in order: `marked` maps an id to its (title HTML,
    snippet HTML). Cards are kept per generation; one query checks that the kept ones are still
    public, so an index row left by a raw delete never shows an article, as on a first render."""
    rendered = {}

    def render(missing):
        rendered.update(render_cards(missing))
        return rendered

    cards = remember_each(request, "search-card", article_ids, render)
    kept = [pk for pk in cards if pk not in rendered]
    public = set(rendered)
    if kept:
        public.update(Article.objects.published().filter(pk__in=kept).order_by().values_list("pk", flat=True))
    return [cards[pk].html(marked.get(pk)) for pk in article_ids if pk in public]
