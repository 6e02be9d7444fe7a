"""Resized copies of stored pictures, named after the original so a page can list them without I/O."""
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

# Widths a phone, a tablet and a wide screen (at 1x and 2x) pick from; never larger than the original.
RENDITION_WIDTHS = (480, 800, 1200)
# The column the lead image fills: the whole width on narrow screens, at most ~46rem beside the sidebar.
LEAD_SIZES = "(max-width: 60rem) calc(100vw - 2rem), 46rem"
AUTHOR_PHOTO_SIZES = "5rem"  # the author's photo beside their article (.author-card img)
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
MAX_PIXELS = 40_000_000  # a decompression bomb is refused, not resized
NOT_A_PICTURE = "The file is not a picture this site can show (JPEG, PNG, WebP or GIF)."


@dataclass(frozen=True)
class StoredImage:
    name: str
    url: str
    width: int
    height: int


def rendition_name(name, width):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / path.parent / f"{path.stem}-{width}w{path.suffix}")


def rendition_widths(width):
    return [w for w in RENDITION_WIDTHS if w < width]


def open_picture(file):
    """A Pillow image of an upload, or a ValidationError saying why it is not a picture we keep."""
    try:
        file.seek(0)
        image = Image.open(file, formats=list(FORMATS))
        if image.format not in FORMATS:  # before decoding: a BMP or TIFF is refused, not read
            raise ValidationError(NOT_A_PICTURE)
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError("The picture is too large (more than 40 megapixels).")
        image.load()
    except Image.DecompressionBombError as error:
        raise ValidationError("The picture is too large (more than 40 megapixels).") from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ValidationError(NOT_A_PICTURE) from error
    return image


def encode(image, fmt):
    buffer = BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    else:
        image.save(buffer, fmt, optimize=True)
    return buffer.getvalue()


def ensure_renditions(name, storage=None):
    """Make the missing resized copies of a stored picture; returns their widths."""
    storage = storage or default_storage
    with storage.open(name, "rb") as file:
        original = open_picture(file)
    fmt = original.format
    original = ImageOps.exif_transpose(original)
    made = []
    for width in rendition_widths(original.width):
        target = rendition_name(name, width)
        if not storage.exists(target):
            height = max(1, round(original.height * width / original.width))
            resized = original.resize((width, height), Image.LANCZOS)
            storage.save(target, ContentFile(encode(resized, fmt)))
        made.append(width)
    return made


def store_image(file, folder, storage=None):
    """Save an uploaded picture under `folder` with its renditions (for uploads outside a model field)."""
    storage = storage or default_storage
    image = open_picture(file)
    file.seek(0)
    original_name = PurePosixPath(getattr(file, "name", "") or "picture").name
    stem = PurePosixPath(original_name).stem or "picture"
    name = storage.save(f"{folder}/{stem}{FORMATS[image.format]}", file)
    ensure_renditions(name, storage)
    return StoredImage(name, storage.url(name), image.width, image.height)


def picture_attrs(name, width, height, sizes=LEAD_SIZES, storage=None):
    """<img> attributes for a stored picture: the largest rendition as src, all of them in srcset."""
    storage = storage or default_storage
    sources = [(storage.url(rendition_name(name, w)), w) for w in rendition_widths(width)]
    sources.append((storage.url(name), width))
    # The original, unless it is wider than any screen needs: then the largest rendition.
    src = sources[-2][0] if width > RENDITION_WIDTHS[-1] else sources[-1][0]
    return {
        "src": src,
        "srcset": ", ".join(f"{url} {w}w" for url, w in sources),
        "sizes": sizes,
        "width": width,
        "height": height,
    }
