"""An import's picture copies: each record's body pictures and lead picture copied through one Fetcher.

Imports copy pictures unless told not to (``--no-copy-images``; the default is the setting
``IMPORT_COPY_IMAGES``). Whatever is not copied keeps its original address (a body picture) or is
left out (a saved page's featured picture: a lead picture must be a stored file), and the import's
summary lists it with its article and why.
"""
import argparse
import html
import re

from django.conf import settings

from articles.images.external import copy_image, localise_images
from articles.images.safe_fetch import Fetcher


def copy_option(parser, what):
    """--copy-images / --no-copy-images on a command (default: settings.IMPORT_COPY_IMAGES)."""
    parser.add_argument("--copy-images", action=argparse.BooleanOptionalAction, default=None,
                        help=f"keep copies of {what} in the archive's storage (those that can be reached; the others "
                             "stay links and are listed); the default unless IMPORT_COPY_IMAGES is off; not in a dry run")


def copies_wanted(option, dry_run):
    return not dry_run and (settings.IMPORT_COPY_IMAGES if option is None else option)


def without_picture(body, url):
    """`body` without the <img> of `url` (and the <figure> holding only it): the lead picture shown once."""
    src = re.escape(html.escape(url))
    img = rf'<img\b[^<>]*\bsrc="{src}"[^<>]*>'
    body = re.sub(rf"<figure>\s*{img}\s*</figure>\n?", "", body, count=1)
    return re.sub(img, "", body, count=1)


class PictureCopies:
    """Copies the pictures of one import's records; `lines(command)` is its part of the summary."""

    def __init__(self):
        self.fetch = Fetcher()  # one time limit for all the import's pictures
        self.copied = 0
        self.refused = []  # (article, url, why)

    def copy(self, record):
        """Point `record`'s body at copies of its reachable pictures; give it its lead picture's copy."""
        refusals = []
        if record.image_url and not record.image:
            record.image = copy_image(record.image_url, self.fetch, refusals=refusals) or ""
            if record.image:
                self.copied += 1
                record.body = without_picture(record.body, record.image_url)
        record.body, copied = localise_images(record.body, self.fetch, refusals=refusals)
        self.copied += copied
        self.refused += [(record.slug or record.title, url, why) for url, why in refusals]

    def lines(self, command):
        yield (f"{command}: {self.copied} external pictures copied into storage, "
               f"{len(self.refused)} not copied (kept as links)")
        for article, url, why in self.refused:
            yield f"  not copied: {article}: {url}: {why}"
