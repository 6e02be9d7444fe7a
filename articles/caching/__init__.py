"""Caching as a layer: what the site keeps per content generation, and the page cache.

    generation.py   the content generation: one site-wide number every public write moves (after the
                    commit, from articles/receivers.py); whatever is kept under an older one is retired
    memo.py         GenerationMemo, a bounded in-process store for one generation
    kept.py         the kept-values primitive (`remember`, `remember_each`) and the site summary that says
                    when kept values and pages go stale (the next scheduled publication)
    values.py       the values views ask for, as plain functions (related articles, entity counts, the
                    entity index, year charts, co-mentions, the public article count)
    keys.py         page cache keys: host, path and the query parameters a page reads
    page_cache.py   CachedPageMixin: a public view's page kept per generation, with ETag and 304s
    middleware.py   CachedPageMiddleware: an anonymous reader's page replayed as it was last sent
    search.py       search's kept values: result cards, facet panels, "did you mean" names, unpublished ids

Views call values.py, search.py and CachedPageMixin; nothing outside this package touches the cache API for
content (rate limits and /healthz use Django's cache for their own ends).
"""
