"""Copying a body's external pictures into the archive's storage, when they can be reached.

Old WordPress posts point at pictures on hosts that may vanish. An import can keep copies: each
external <img> is fetched once, checked to be a real picture, stored under ``imported/`` with a
name made from its URL (so a second import finds the copy and fetches nothing), and the body then
points at the copy. A picture that cannot be fetched (offline, 404, not an image, too big, too slow)
or may not be (a non-public address, a scheme other than http(s): safe_fetch.py) keeps its original
address, and the import lists it: an import never fails or loses a picture because the network is down.
"""
import hashlib
import logging
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .originals import clean_original
from .renditions import FORMATS
from .safe_fetch import Fetcher, FetchFailed

logger = logging.getLogger(__name__)

FOLDER = "imported"
# The src of an <img>, quoted either way; what the sanitiser leaves (nh3 always writes double quotes).
IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")(https?://[^"]+)(")', re.I)

__all__ = ["FetchFailed", "copy_image", "localise_images"]


def copy_name(url, fmt):
    return f"{FOLDER}/{hashlib.sha256(url.encode()).hexdigest()[:24]}{FORMATS[fmt]}"


def existing_copy(url, storage):
    for suffix in dict.fromkeys(FORMATS.values()):
        name = f"{FOLDER}/{hashlib.sha256(url.encode()).hexdigest()[:24]}{suffix}"
        if storage.exists(name):
            return name
    return None


def copy_image(url, fetch=None, storage=None, refusals=None):
    """The storage name of a copy of the picture at `url` (made if missing), or None if it is not copied:
    then (url, why) is added to `refusals`. The copy is the picture without its camera data."""
    storage = storage or default_storage
    if name := existing_copy(url, storage):
        return name
    try:
        data, image = clean_original(ContentFile((fetch or Fetcher())(url)))
    except (FetchFailed, ValidationError) as error:
        reason = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        logger.info("picture not copied, kept as a link: %s (%s)", url, reason)
        if refusals is not None:
            refusals.append((url, reason))
        return None
    return storage.save(copy_name(url, image.format), ContentFile(data))


def localise_images(html, fetch=None, storage=None, refusals=None):
    """`html` with each reachable external picture pointing at the archive's copy; (html, copied count).
    `fetch` is one import's Fetcher (its time limit spans every call); each picture not copied is
    added to `refusals` as (url, why)."""
    storage = storage or default_storage
    fetch = fetch or Fetcher()
    copied = 0

    def replace(match):
        nonlocal copied
        name = copy_image(match.group(2).replace("&amp;", "&"), fetch, storage, refusals)
        if name is None:
            return match.group(0)
        copied += 1
        return f"{match.group(1)}{storage.url(name)}{match.group(3)}"

    return IMG_SRC.sub(replace, html or ""), copied
