"""Pictures in article bodies: measured and resized when an article is saved, sized on its page.

On save (``size_body_pictures``, from ``Article.derive_fields``, after the sanitiser) each <img>
stored in the archive's own storage gets its renditions made and, when the body does not say, its
width and height, written into the body: the editor's toolbar inserts
``<figure><img src="/media/…" alt width height><figcaption>`` and imported or older bodies may not.
On the page (``body_for_page``, the ``{% article_body %}`` tag) those pictures get ``srcset`` and
``sizes`` from their renditions, and every picture after the page's first ``loading="lazy"
decoding="async"``. Those attributes are added to the sanitised body at render time only: the
sanitiser never keeps them from input. Pictures on other hosts keep the width and height the
body gives them, if any: they are never fetched to be measured.

Sizes are looked up in Django's cache (one ``get_many`` a body; a miss reads the picture's header
once), never in the database, so list pages and feeds cost no more queries.
"""
import hashlib
import html
import logging
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from .renditions import ensure_renditions, picture_attrs, rendition_name, rendition_widths

logger = logging.getLogger(__name__)

# An <img> as nh3 writes it: attribute values always double-quoted, "<" and ">" in them escaped.
IMG_TAG = re.compile(r'<img((?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*)\s*/?>', re.I)
ATTRIBUTE = re.compile(r'([^\s"\'>/=]+)(?:="([^"]*)")?')
NUMBER = re.compile(r"[0-9]{1,5}")
# .article-body is at most 30em of a 17px font wide; narrower screens leave 1-1.5rem each side.
BODY_COLUMN_PX = 510
# EXIF orientations that turn the picture a quarter: browsers (and renditions) show it turned.
QUARTER_TURNS = {5, 6, 7, 8}
CACHE_PREFIX = "body-picture:"


@dataclass(frozen=True)
class PictureSize:
    """A stored picture's size as shown and the renditions stored beside it."""

    width: int
    height: int
    renditions: tuple

    @property
    def has_all_renditions(self):
        return self.renditions == tuple(rendition_widths(self.width))


def parse_attributes(text):
    return {name.lower(): html.unescape(value or "") for name, value in ATTRIBUTE.findall(text)}


def attribute_value(value):
    """Escaped as nh3 (html5ever) escapes attribute values, so a re-sanitised body stays the same."""
    return (str(value).replace("&", "&amp;").replace("\u00a0", "&nbsp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))


def write_img(attrs):
    return "<img" + "".join(f' {name}="{attribute_value(value)}"' for name, value in attrs.items()) + ">"


def storage_base(storage):
    """The URL prefix of the storage's files ('/media/', or a bucket's or CDN's address)."""
    return storage.url("x")[:-1]


def stored_name(src, storage):
    """The storage name a picture's src points at, or None when it is elsewhere."""
    base = storage_base(storage)
    if not src or not src.startswith(base):
        return None
    name = unquote(urlsplit(src[len(base):]).path)
    if not name or name.startswith("/") or ".." in name.split("/"):
        return None
    return name


def cache_key(name, storage):
    return CACHE_PREFIX + hashlib.sha256(f"{storage_base(storage)}{name}".encode()).hexdigest()


def measure(name, storage, make_renditions=False):
    """The PictureSize of a stored picture (its renditions made first if asked), or None if it is
    missing or not a picture. Only the header is read when the renditions are there."""
    try:
        if make_renditions:
            ensure_renditions(name, storage)
        with storage.open(name, "rb") as file:
            with Image.open(file) as image:
                width, height = image.size
                if image.getexif().get(0x0112) in QUARTER_TURNS:
                    width, height = height, width
    except (OSError, ValidationError, SuspiciousFileOperation, ValueError, Image.DecompressionBombError) as error:
        logger.info("body picture not measured: %s (%s)", name, error)
        return None
    made = tuple(w for w in rendition_widths(width) if make_renditions or storage.exists(rendition_name(name, w)))
    return PictureSize(width, height, made)


def picture_sizes(names, storage):
    """{name: PictureSize or None} from the cache, measuring (and remembering) the ones it lacks."""
    keys = {name: cache_key(name, storage) for name in names}
    found = cache.get_many(list(keys.values()))
    sizes = {}
    for name, key in keys.items():
        if key in found:
            sizes[name] = found[key]
        else:
            sizes[name] = measure(name, storage)
            if sizes[name] is not None:
                cache.set(key, sizes[name], None)
    return sizes


def measure_picture(name, storage=None):
    """On save of a picture outside a body (an author's photo): its renditions made and its size kept."""
    storage = storage or default_storage
    size = measure(name, storage, make_renditions=True)
    if size is not None:
        cache.set(cache_key(name, storage), size, None)
    return size


def stored_picture_attrs(name, sizes, storage=None):
    """<img> attributes (src, srcset, sizes, width, height) of a stored picture shown at `sizes`, its size
    from the cache (measured on a miss), or None when it is missing or not a picture."""
    storage = storage or default_storage
    size = picture_sizes([name], storage)[name]
    if size is None:
        return None
    if size.has_all_renditions:
        return picture_attrs(name, size.width, size.height, sizes=sizes, storage=storage)
    return {"src": storage.url(name), "srcset": "", "sizes": "", "width": size.width, "height": size.height}


def dimension(value):
    return int(value) if value and NUMBER.fullmatch(value) and int(value) > 0 else None


def with_dimensions(attrs, size):
    """`attrs` with a width and height: the body's when it gives both, else scaled from the picture's."""
    width, height = dimension(attrs.get("width")), dimension(attrs.get("height"))
    if width and not height:
        height = max(1, round(width * size.height / size.width))
    elif height and not width:
        width = max(1, round(height * size.width / size.height))
    elif not (width and height):
        width, height = size.width, size.height
    return {**attrs, "width": str(width), "height": str(height)}


def size_body_pictures(body, storage=None):
    """On save: each picture of our own storage measured and resized, its width/height written in."""
    storage = storage or default_storage
    if "<img" not in body:
        return body

    def replace(match):
        attrs = parse_attributes(match.group(1))
        name = stored_name(attrs.get("src"), storage)
        if name is None:
            return match.group(0)
        size = measure(name, storage, make_renditions=not name.startswith("renditions/"))
        if size is None:
            return match.group(0)
        cache.set(cache_key(name, storage), size, None)
        sized = with_dimensions(attrs, size)
        return match.group(0) if sized == attrs else write_img(sized)

    return IMG_TAG.sub(replace, body)


def body_sizes(width):
    """The `sizes` of a body picture shown `width` px wide at most: the column's width, or the screen's."""
    column = min(width, BODY_COLUMN_PX)
    return f"(max-width: {column + 48}px) calc(100vw - 2rem), {column}px"


def body_for_page(body, pictures_before=0, storage=None):
    """The sanitised body as the page shows it: our pictures with srcset/sizes (and width/height if the
    body lacks them), every picture after the page's first lazy. `pictures_before`: pictures the page
    shows above the body (the lead picture)."""
    storage = storage or default_storage
    matches = list(IMG_TAG.finditer(body))
    if not matches:
        return body
    found = [(match, parse_attributes(match.group(1))) for match in matches]
    names = {id(match): stored_name(attrs.get("src"), storage) for match, attrs in found}
    sizes = picture_sizes({name for name in names.values() if name}, storage)
    pieces, position = [], 0
    for index, (match, attrs) in enumerate(found, start=pictures_before):
        name = names[id(match)]
        size = sizes.get(name) if name else None
        if size is not None:
            attrs = with_dimensions(attrs, size)
            if size.has_all_renditions and size.renditions and not name.startswith("renditions/"):
                shown = picture_attrs(name, size.width, size.height, sizes=body_sizes(int(attrs["width"])),
                                      storage=storage)
                attrs.update(src=shown["src"], srcset=shown["srcset"], sizes=shown["sizes"])
        if index > 0:
            attrs.update(loading="lazy", decoding="async")
        pieces += [body[position:match.start()], write_img(attrs)]
        position = match.end()
    pieces.append(body[position:])
    return "".join(pieces)

