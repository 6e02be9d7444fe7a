"""The kept-values primitive: a value computed once per process and content generation.

What a fresh render derives from the whole archive (the site summary, related articles, entity counts,
year charts, co-mentions, search facets and cards) is kept in each process for the current generation
only, so it is computed once per worker and change, not once per page view. Kept values also go stale at
the next scheduled publication (`publication_summary`), so a scheduled article appears on time without
any write. Pages use the same summary for the same reason (page_cache.py).

`remember` and `remember_each` are the whole interface; values.py names the values built on them.
"""
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from ..models import Article
from .generation import content_generation
from .memo import GenerationMemo

memo = GenerationMemo()
# Values kept per article (search result cards): many small ones, kept apart so that reaching the
# bound never drops the generation's costlier values above (facet counts, "did you mean" names).
article_memo = GenerationMemo(max_entries=10000)


def remember(request, key, compute):
    """compute() for the current generation, once per process: `key` must name everything it depends on
    (what, and for which article or entity). Shared values: callers must not change what they get.
    `request` (or None) reads the generation once per request."""
    generation = content_generation(request)
    publication_summary(generation)  # sets when these values go stale (the next scheduled publication)
    return memo.get(generation, key, compute)


def remember_each(request, kind, article_ids, compute_missing):
    """{article id: value} of one `kind` for these articles, each kept for the current generation like
    `remember`; `compute_missing(ids)` gives {id: value} for the ones not kept yet, all at once."""
    generation = content_generation(request)
    until = publication_summary(generation)["fresh_until"]
    found = article_memo.get_many(generation, [(kind, pk) for pk in article_ids],
                                  lambda keys: {(kind, pk): value
                                                for pk, value in compute_missing([pk for _, pk in keys]).items()},
                                  until)
    return {pk: found[kind, pk] for pk in article_ids if (kind, pk) in found}


def forget_derived_values():
    """Drop every value this process keeps (tests, which roll the database back under one generation)."""
    memo.clear()
    article_memo.clear()


def publication_summary(generation):
    """How many articles are public, the newest and the next scheduled one, for this generation: kept in
    this process, then in the shared cache, computed (one query) only when neither has it.

    Kept until the next scheduled publication, so the "Total Index" count it also serves stays right.
    """
    def shared_summary():
        key = f"publication-summary:{generation}"
        summary = fresh(cache.get(key))
        if summary is None:
            summary = Article.objects.publication_summary()
            summary["fresh_until"] = fresh_until(summary["upcoming"])
            cache.set(key, summary, settings.PAGE_CACHE_SECONDS)
        return summary

    summary = fresh(memo.get(generation, "publication-summary", shared_summary))
    if summary is None:  # this process kept it past its time: start the generation's values afresh
        forget_derived_values()
        summary = memo.get(generation, "publication-summary", shared_summary)
    memo.expire_at(generation, summary["fresh_until"])
    return summary


def fresh_until(upcoming):
    """When a kept value or cached page goes stale: after the configured time, or at the next scheduled
    publication."""
    until = timezone.now().timestamp() + settings.PAGE_CACHE_SECONDS
    return min(until, upcoming.timestamp()) if upcoming else until


def fresh(entry):
    # Checked here rather than left to the backend's expiry, so it follows this server's clock.
    return entry if entry is not None and timezone.now().timestamp() < entry["fresh_until"] else None
