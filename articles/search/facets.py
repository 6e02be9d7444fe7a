"""Facets beside the results: counts by category, entity (grouped by kind), author and year,
each a link that narrows the search; and "did you mean" names for searches that find nothing."""
import difflib
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear

from articles.models import Article, Author, Category, Entity, EntityKind
from articles.names import name_key

# Above this many matches, facets count the best FACET_SAMPLE of them: exact counts over
# 100,000 matches of a common word would cost more than the whole rest of the page.
FACET_SAMPLE = 1000
TOP = 8


@dataclass
class FacetValue:
    label: str
    count: int
    url: str
    active: bool = False


@dataclass
class Facet:
    name: str
    title: str
    values: list


def facet_scope(results):
    """The articles the facets count: every match, or the best FACET_SAMPLE of many."""
    if results.total <= FACET_SAMPLE:
        return results.matches, False
    return Article.objects.filter(pk__in=results.ids(0, FACET_SAMPLE)), True


def build_facets(scope, link, active):
    """[Facet] over `scope`; `link(param, value)` makes each value's URL, `active` maps param -> value."""
    def values(param, rows):
        return [FacetValue(label, count, link(param, key), active.get(param) == str(key)) for key, label, count in rows]

    categories = (Category.objects.filter(article_categories__article__in=scope)
                  .annotate(hits=Count("article_categories")).order_by("-hits", "name")[:TOP])
    authors = (Author.objects.filter(article_authors__article__in=scope)
               .annotate(hits=Count("article_authors")).order_by("-hits", "name")[:TOP])
    entities = list(Entity.objects.filter(article_links__content_object__in=scope)
                    .annotate(hits=Count("article_links")).order_by("-hits", "name")[:TOP * 5])
    years = (scope.order_by().annotate(year=ExtractYear("published_at")).values("year")
             .annotate(hits=Count("pk")).order_by("-year"))
    facets = [Facet("category", "Category", values("category", [(c.slug, c.name, c.hits) for c in categories]))]
    for kind, label in EntityKind.choices:
        rows = [(e.slug, e.name, e.hits) for e in entities if e.kind == kind][:TOP]
        facets.append(Facet("entity", label, values("entity", rows)))
    facets.append(Facet("author", "Author", values("author", [(a.slug, a.name, a.hits) for a in authors])))
    facets.append(Facet("year", "Year", values("year", [(y["year"], y["year"], y["hits"]) for y in years])))
    return [facet for facet in facets if facet.values]


def did_you_mean(query, limit=3):
    """Entity and author names close to what was typed, for a search that found nothing."""
    wanted = name_key(query.words())
    if not wanted:
        return []
    candidates = {}
    for name, aliases in Entity.objects.values_list("name", "aliases"):
        for spelling in [name, *(a for a in aliases or () if isinstance(a, str))]:
            candidates.setdefault(name_key(spelling), spelling)
    for name in Author.objects.values_list("name", flat=True):
        candidates.setdefault(name_key(name), name)
        # Readers often type only a surname.
        for part in name_key(name).split():
            if len(part) > 3:
                candidates.setdefault(part, name)
    close = difflib.get_close_matches(wanted, list(candidates), n=limit * 2, cutoff=0.75)
    names = []
    for key in close:
        if key != wanted and candidates[key] not in names:
            names.append(candidates[key])
    return names[:limit]
