"""Error pages that hold up whatever went wrong: a busy database is "try again shortly", not a crash."""
import sys

from django.conf import settings
from django.db import OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

# What SQLite says when another process (an import) holds the write lock past the busy timeout, and
# what PostgreSQL says when a lock_timeout or statement_timeout runs out.
BUSY_MESSAGES = ("database is locked", "database table is locked", "database is busy", "lock timeout",
                 "canceling statement due to")


def is_database_busy(error):
    return isinstance(error, OperationalError) and any(text in str(error).lower() for text in BUSY_MESSAGES)


def server_error(request):
    """handler500: a 503 with Retry-After while the database is busy, else the standalone 500 page.

    Django calls it while handling the exception, from the view or any middleware (a session
    save after the view), so the exception is at hand in sys.exception().
    """
    if is_database_busy(sys.exception()):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(settings.BUSY_RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)
