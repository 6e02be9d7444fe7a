"""Copying a body's external pictures into the archive's storage, when they can be reached.

Old WordPress posts point at pictures on hosts that may vanish. An import can keep copies: each
external <img> is fetched once, checked to be a real picture, stored under ``imported/`` with a
name made from its URL (so a second import finds the copy and fetches nothing), and the body then
points at the copy. A picture that cannot be fetched (offline, 404, not an image, too big) keeps
its original address: an import never fails or loses a picture because the network is down.
"""
import hashlib
import logging
import re
import urllib.request
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .renditions import FORMATS, open_picture

logger = logging.getLogger(__name__)

FOLDER = "imported"
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT_SECONDS = 10
# The src of an <img>, quoted either way; what the sanitiser leaves (nh3 always writes double quotes).
IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")(https?://[^"]+)(")', re.I)


class FetchFailed(Exception):
    pass


def fetch_url(url):
    """The bytes at `url` (at most MAX_BYTES), or FetchFailed."""
    request = urllib.request.Request(url, headers={"User-Agent": "The Peninsula archive importer"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (http/https only)
            data = response.read(MAX_BYTES + 1)
    except (OSError, ValueError) as error:  # URLError, HTTPError, timeouts and bad URLs are all OSError/ValueError
        raise FetchFailed(str(error)) from error
    if len(data) > MAX_BYTES:
        raise FetchFailed("larger than 10 MB")
    return data


def copy_name(url, fmt):
    return f"{FOLDER}/{hashlib.sha256(url.encode()).hexdigest()[:24]}{FORMATS[fmt]}"


def existing_copy(url, storage):
    for suffix in dict.fromkeys(FORMATS.values()):
        name = f"{FOLDER}/{hashlib.sha256(url.encode()).hexdigest()[:24]}{suffix}"
        if storage.exists(name):
            return name
    return None


def copy_image(url, fetch=fetch_url, storage=None):
    """The storage name of a copy of the picture at `url` (made if missing), or None if unreachable."""
    storage = storage or default_storage
    if name := existing_copy(url, storage):
        return name
    try:
        data = fetch(url)
        image = open_picture(BytesIO(data))
    except (FetchFailed, ValidationError) as error:
        logger.info("picture not copied, kept as a link: %s (%s)", url, error)
        return None
    return storage.save(copy_name(url, image.format), ContentFile(data))


def localise_images(html, fetch=fetch_url, storage=None):
    """`html` with each reachable external picture pointing at the archive's copy; (html, copied count)."""
    storage = storage or default_storage
    copied = 0

    def replace(match):
        nonlocal copied
        name = copy_image(match.group(2).replace("&amp;", "&"), fetch, storage)
        if name is None:
            return match.group(0)
        copied += 1
        return f"{match.group(1)}{storage.url(name)}{match.group(3)}"

    return IMG_SRC.sub(replace, html or ""), copied
