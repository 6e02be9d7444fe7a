"""What searches keep per content generation: result cards, facet panels, "did you mean" names, and
the ids of unpublished articles (which every unfiltered search takes away from the index's counts)."""
from articles.models import Article
from .kept import remember, remember_each
from articles.pages.search_cards import facet_panel_html, render_cards
from articles.search.backends.compiler import unpublished_article_ids
from articles.search.facets import spelling_candidates as all_spelling_candidates


def search_cards(request, hits):
    """The HTML cards of a page of search results (`hits`: their ids and marks), in order. Cards are
    kept per generation; one query checks that the kept ones are still public, so an index row left
    by a raw delete never shows an article, as on a first render."""
    rendered = {}

    def render(missing):
        rendered.update(render_cards(missing))
        return rendered

    cards = remember_each(request, "search-card", hits.ids, render)
    kept = [pk for pk in cards if pk not in rendered]
    public = set(rendered)
    if kept:
        public.update(Article.objects.published().filter(pk__in=kept).order_by().values_list("pk", flat=True))
    return [cards[pk].html(hits.marked.get(pk)) for pk in hits.ids if pk in public]


def facet_panel(request, form, results):
    """The facet panel's HTML for this search. Facet counts are the costly part of a search and the
    same for everyone asking the same thing: kept for these words, sort and filters, whichever page
    is asked for, with the panel's HTML (some seventy links)."""
    asked = (form.text, form.order, tuple(sorted(form.active_filters.items())))
    return remember(request, ("search-facets", asked), lambda: facet_panel_html(form.facets(results)))


def spelling_candidates(request):
    """The names "did you mean" looks among (thousands of spellings)."""
    return remember(request, "spelling-candidates", all_spelling_candidates)


def unpublished_ids(request):
    """The ids of the articles not public now (search.backends.compiler.unpublished_article_ids)."""
    return remember(request, "unpublished-article-ids", unpublished_article_ids)
