"""Facets beside the results: counts by category, entity (grouped by kind), author and year,
each a link that narrows the search; and "did you mean" names for searches that find nothing."""
import difflib
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.expressions import RawSQL
from django.utils.timezone import localtime

from articles.models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Entity, EntityKind
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


def listed(article_ids):
    """A subquery selecting these article ids, written out as integers: the ORM would prepare a
    1,000-item id list once per facet query, costing more than the queries themselves."""
    literal = ", ".join(str(int(pk)) for pk in article_ids) or "NULL"
    return RawSQL(f"SELECT id FROM articles_article WHERE id IN ({literal})", [])


def facet_scope(results):
    """(ids of the articles the facets count, whether they are a sample): every match, or the best
    FACET_SAMPLE of many. Listed by id once, so the four facet queries do not search again."""
    return results.ids(0, FACET_SAMPLE), results.total > FACET_SAMPLE


def build_facets(scope, link, active):
    """[Facet] over `scope` (article ids); `link(param, value)` makes each value's URL, `active`
    maps param -> value."""
    def values(param, rows):
        return [FacetValue(label, count, link(param, key), active.get(param) == str(key)) for key, label, count in rows]

    # Counted from the link tables, which the ids reach through their (article, ...) indexes.
    ids = listed(scope)
    categories = top(ArticleCategory.objects.filter(article_id__in=ids), "category", TOP)
    authors = top(ArticleAuthor.objects.filter(article_id__in=ids), "author", TOP)
    entities = top(ArticleEntity.objects.filter(content_object_id__in=ids), "tag", TOP * 5, "tag__kind")
    facets = [Facet("category", "Category", values("category", categories))]
    for kind, label in EntityKind.choices:
        facets.append(Facet("entity", label, values("entity", [row[:3] for row in entities if row[3] == kind][:TOP])))
    facets.append(Facet("author", "Author", values("author", authors)))
    facets.append(Facet("year", "Year", values("year", years(ids))))
    return [facet for facet in facets if facet.values]


def top(links, field, limit, *extra):
    """[(slug, name, count, *extra)] of the most linked `field` rows, most first."""
    rows = (links.values(f"{field}__slug", f"{field}__name", *extra).annotate(hits=Count("pk"))
            .order_by("-hits", f"{field}__name")[:limit])
    return [(row[f"{field}__slug"], row[f"{field}__name"], row["hits"], *(row[e] for e in extra)) for row in rows]


def years(scope):
    """[(year, year, count)], newest first, years as the site's time zone has them (counted here:
    SQLite would call back into Python for every row to convert it)."""
    dates = Article.objects.filter(pk__in=scope).values_list("published_at", flat=True)
    counts = Counter(localtime(date).year for date in dates if date)
    return [(year, year, counts[year]) for year in sorted(counts, reverse=True)]


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
