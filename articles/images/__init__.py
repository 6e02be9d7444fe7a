"""Pictures: stored through Django's storage API, resized into renditions, copied in from the web.

The API other parts of the archive use (the article page, the importers, the admin's editor):

- ``store_image(file, folder)`` checks an upload is a real picture, saves it in the default
  storage, makes its renditions and returns a ``StoredImage`` (name, url, width, height);
- ``ensure_renditions(name)`` makes the resized copies of a stored picture (idempotent);
- ``picture_attrs(name, width, height)`` gives ``src``, ``srcset``, ``sizes``, ``width`` and
  ``height`` for an ``<img>`` of a stored picture;
- ``localise_images(html, fetch)`` copies a body's reachable external pictures into storage, each
  fetched by a ``safe_fetch.Fetcher`` (http(s), public addresses only, size and time limits);
- ``originals.PictureFormField`` is every upload's form field: a kept format within the limits, the
  original re-saved without camera data (``clean_original``);
- ``size_body_pictures(body)`` (on save) gives a body's stored pictures their renditions and
  width/height, ``body_for_page(body)`` (on the page) their srcset/sizes and lazy loading;
- ``measure_picture(name)`` (on save) and ``stored_picture_attrs(name, sizes)`` (on the page) do the
  same for a picture outside a body (an author's photo).

Storage is whatever ``STORAGES["default"]`` names: the local media folder (served by
``archive.media``) or an S3-compatible bucket (docs/readers.md, "What readers see: pictures").
"""
from .body import body_for_page, measure_picture, size_body_pictures, stored_picture_attrs
from .external import localise_images
from .renditions import AUTHOR_PHOTO_SIZES, RENDITION_WIDTHS, StoredImage, ensure_renditions, picture_attrs, store_image

__all__ = ["AUTHOR_PHOTO_SIZES", "RENDITION_WIDTHS", "StoredImage", "body_for_page", "ensure_renditions", "localise_images",
           "measure_picture", "picture_attrs", "size_body_pictures", "store_image", "stored_picture_attrs"]
