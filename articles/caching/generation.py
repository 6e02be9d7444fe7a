"""The content generation: the time (ns) of the last public content change any worker made.

Every committed public write moves it (articles/receivers.py calls `bump_generation` after the commit).
It lives in the cache that never evicts (the "state" alias: SQLite files under var/cache/state by default,
so every gunicorn worker on the host sees it; Redis with REDIS_URL for several hosts): evicted, it would
start afresh and bring back pages an edit had retired. Page keys and kept values name it, so a change
retires all of them at once with no bookkeeping of which page shows what.
"""
import time

from django.core.cache import caches
from django.utils.connection import ConnectionProxy

GENERATION_KEY = "content-generation"
state = ConnectionProxy(caches, "state")


def content_generation(request=None):
    """The current content generation. With `request`, read from the cache once per request and kept on it."""
    generation = getattr(request, "content_generation", None)
    if generation is not None:
        return generation
    generation = state.get(GENERATION_KEY)
    if generation is None:
        generation = start_generation()
    if request is not None:
        request.content_generation = generation
    return generation


def start_generation():
    """A first generation when the cache holds none (new, emptied or restarted): the first worker's wins."""
    generation = time.time_ns()
    if state.add(GENERATION_KEY, generation, None):
        return generation
    return state.get(GENERATION_KEY) or generation


def bump_generation(**kwargs):
    """Retire every cached page and every kept value, in every worker: a new generation, always past the
    current one. A clock that stands still (a frozen test clock) or runs behind (another app server's)
    must not bring back the pages the change retired. Call it after the commit (keyword arguments are
    ignored, so it can be a signal receiver)."""
    state.set(GENERATION_KEY, max(time.time_ns(), (state.get(GENERATION_KEY) or 0) + 1), None)
