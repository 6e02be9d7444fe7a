import datetime
import os
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import caches
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def test_clock():
    """TEST_CLOCK=2027-03-01T00:30 runs the whole session on that date, the clock ticking from there
    (`make test-dates`). A naive time is in TEST_CLOCK_ZONE (default UTC), which also becomes the
    process's zone: the machine's own TZ cannot be used, Django sets the process zone to TIME_ZONE.
    A test's own time_machine.travel() nests inside it and returns to it."""
    clock = os.environ.get("TEST_CLOCK")
    if not clock:
        yield None
        return
    when = datetime.datetime.fromisoformat(clock)
    if when.tzinfo is None:
        when = when.replace(tzinfo=ZoneInfo(os.environ.get("TEST_CLOCK_ZONE") or "UTC"))
    with time_machine.travel(when, tick=True):
        yield when


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with empty caches (on disk, or Redis in the second CI pass) and nothing derived
    kept in this process: the database is rolled back between tests, which no generation records."""
    from articles.caching.kept import forget_derived_values
    from articles.caching.middleware import recent_pages

    for cache in caches.all():  # pages, and the generation and rate limits ("state")
        cache.clear()
    forget_derived_values()
    recent_pages.forget()
    yield
    for cache in caches.all():
        cache.clear()
    forget_derived_values()
    recent_pages.forget()


@pytest.fixture(autouse=True)
def side_effects_at_each_write(request, monkeypatch):
    """Most tests run inside one transaction that is never committed, where the after-commit
    side effects (search index, page-cache generation) would never run: run them at each write,
    as in autocommit mode. Tests of the after-commit behaviour itself are marked `after_commit`."""
    if request.node.get_closest_marker("after_commit") is None:
        from articles.receivers import pending

        monkeypatch.setattr(pending, "on_commit", lambda func, using=None: func())


@pytest.fixture
def peninsula(db):
    """The site's real data: the reference article and its author, category and entities."""
    call_command("loaddata", "fixtures/the_peninsula.json", verbosity=0)
    from articles.models import Article

    return Article.objects.get(slug="north-korea-looking-abroad")


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw", is_staff=True,
                                                 is_superuser=True)
    client.force_login(user)
    return client
