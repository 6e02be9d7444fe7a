"""Uploaded pictures served from the default storage by the app itself, with debug on or off.

Enough for one machine (gunicorn behind a proxy or a CDN): names never change content, since
storage never overwrites a name and renditions are named after their original, so responses may
be kept for a year. With an S3-compatible store (docs/readers.md, "What readers see: pictures") the bucket serves them
and SERVE_MEDIA is off.
"""
import mimetypes

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import re_path
from django.utils.http import http_date
from django.views.decorators.http import require_safe

# Only pictures: a stray non-image file in the media folder is never served from the site's origin.
SERVED_TYPES = {"image/jpeg", "image/png", "image/webp", "image/gif"}
YEAR = 365 * 24 * 3600


@require_safe
def serve_media(request, path):
    content_type, _ = mimetypes.guess_type(path)
    if content_type not in SERVED_TYPES:
        raise Http404("No such picture.")
    try:
        file = default_storage.open(path, "rb")
    # OSError: missing, a folder, a path through a file (NotADirectoryError), a name too long for the disk.
    except (OSError, SuspiciousFileOperation, ValueError) as error:
        raise Http404("No such picture.") from error
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = f"public, max-age={YEAR}, immutable"
    try:
        response["Last-Modified"] = http_date(default_storage.get_modified_time(path).timestamp())
    except (NotImplementedError, OSError):
        pass
    return response


def media_urls():
    """The URL pattern serving MEDIA_URL, when the site serves its own media (a relative MEDIA_URL)."""
    if not settings.SERVE_MEDIA or "//" in settings.MEDIA_URL:
        return []
    prefix = settings.MEDIA_URL.strip("/")
    return [re_path(rf"^{prefix}/(?P<path>.+)$", serve_media, name="media")]
