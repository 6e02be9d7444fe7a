"""The search form: the reader's words, the sort switch and the facet filters."""
import secrets
from urllib.parse import quote_plus

from django import forms
from django.http import QueryDict

from articles.models import Article

from .backends import get_search_backend
from .query import MAX_INPUT, parse
from .facets import build_facets, did_you_mean, spelling_candidates

SORTS = [("relevance", "Relevance"), ("date", "Newest first")]
FILTERS = ("category", "entity", "author", "year")


class SearchForm(forms.Form):
    """Bound to request.GET; invalid filters are ignored rather than refused (it is a GET form)."""

    q = forms.CharField(required=False, strip=True)
    sort = forms.ChoiceField(choices=SORTS, required=False)
    category = forms.SlugField(required=False, allow_unicode=True)
    entity = forms.SlugField(required=False, allow_unicode=True)
    author = forms.SlugField(required=False, allow_unicode=True)
    year = forms.IntegerField(required=False, min_value=1, max_value=9999)

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.params = data
        self.is_valid()  # fills cleaned_data with whatever is valid

    @property
    def text(self):
        """What was typed, up to the length the parser reads (so links and titles stay short)."""
        return (self.cleaned_data.get("q") or "")[:MAX_INPUT]

    @property
    def order(self):
        return self.cleaned_data.get("sort") or "relevance"

    @property
    def active_filters(self):
        return {name: str(self.cleaned_data[name]) for name in FILTERS if self.cleaned_data.get(name)}

    def candidates(self):
        """Published articles narrowed by the valid filters (an unknown slug narrows to none)."""
        articles = Article.objects.published()
        data = self.cleaned_data
        if data.get("category"):
            articles = articles.filter(categories__slug=data["category"])
        if data.get("entity"):
            articles = articles.filter(entity_links__tag__slug=data["entity"])
        if data.get("author"):
            articles = articles.filter(authors__slug=data["author"])
        if data.get("year"):
            articles = articles.filter(published_at__year=data["year"])
        return articles

    def results(self, unpublished_ids=None):
        """The matching articles, from the database's search backend (`unpublished_ids`: see
        SearchBackend.search)."""
        return get_search_backend().search(parse(self.text), self.candidates(), self.order,
                                           narrowed=bool(self.active_filters), unpublished_ids=unpublished_ids)

    def url_with(self, **changes):
        """This search's query string with some parameters changed (None removes one), page reset."""
        params = QueryDict(mutable=True)
        if self.text:
            params["q"] = self.text
        for name in ("sort", *FILTERS):
            if self.params.get(name):
                params[name] = self.params.get(name)[:MAX_INPUT]
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        return "?" + params.urlencode()

    def facets(self, results):
        """(facets, sampled): facet links that add a filter, and whether counts are of a sample."""
        if not results.total:
            return [], False
        scope, sampled = results.facet_scope()
        return build_facets(scope, self.filter_links(), self.active_filters), sampled

    def filter_links(self):
        """link(name, value): url_with(name=value), from this search's query string built once per filter
        name rather than once per link (a page has some seventy)."""
        slot, around = secrets.token_hex(8), {}

        def link(name, value):
            if name not in around:
                around[name] = self.url_with(**{name: slot}).split(slot)
            before, after = around[name]
            return f"{before}{quote_plus(str(value))}{after}"
        return link

    def removable_filters(self):
        """[(name, value, url without it)] for the filters in force."""
        return [(name, value, self.url_with(**{name: None})) for name, value in self.active_filters.items()]

    def sort_links(self):
        return {"relevance": self.url_with(sort=None), "date": self.url_with(sort="date")}

    def suggestions(self, results, candidates=spelling_candidates):
        """[(name, url)]: close entity or author names, when nothing matched. `candidates()` gives the
        names to look among (spelling_candidates, or a kept copy of what it returns)."""
        if not results.query or results.total:
            return []
        return [(name, self.url_with(q=name)) for name in did_you_mean(results.query, candidates=candidates())]
