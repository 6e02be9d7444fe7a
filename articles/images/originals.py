"""The original of a picture as the archive keeps it: a checked format and size, no camera data.

A phone's photo carries its GPS position, the camera and often the owner's name in EXIF (and
XMP); the archive serves originals to everyone, so each upload and each imported copy is re-saved
without them, turned the way its EXIF orientation said (renditions and browsers then agree).
Only the colour profile, and a GIF's or WebP's animation timing, are kept.
"""
from io import BytesIO
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ImageOps

from .renditions import FORMATS, open_picture

KEPT_INFO = ("icc_profile", "transparency", "duration", "loop", "background")
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


def check_size(file):
    limit = settings.PICTURE_UPLOAD_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(f"The picture is too big ({file.size / 1024 / 1024:.1f} MB): at most "
                              f"{limit // (1024 * 1024)} MB.", code="too_big")


def without_metadata(image):
    """The encoded picture, turned per its EXIF orientation, with no EXIF, XMP or comments."""
    fmt = image.format
    kept = {key: image.info[key] for key in KEPT_INFO if key in image.info}
    buffer = BytesIO()
    if getattr(image, "n_frames", 1) > 1:  # an animation: every frame, none turned (cameras do not make them)
        image.info = kept
        image.save(buffer, fmt, save_all=True, **kept)
        return buffer.getvalue()
    quantization = getattr(image, "quantization", None)
    turned = ImageOps.exif_transpose(image)
    turned.info = kept
    if fmt == "JPEG":
        # The original's quantisation tables: about the same quality and size as uploaded.
        options = {"qtables": quantization} if quantization else {"quality": 90}
        turned.convert("RGB" if turned.mode not in ("L", "RGB", "CMYK") else turned.mode).save(
            buffer, "JPEG", optimize=True, **options, **kept)
    else:
        turned.save(buffer, fmt, **kept)
    return buffer.getvalue()


def clean_original(file):
    """(bytes to store, Pillow image) of an uploaded or fetched picture, or a ValidationError saying why not."""
    check_size(file)
    image = open_picture(file)
    return without_metadata(image), image


def cleaned_upload(upload):
    """An upload replaced by its cleaned original, under the same name (with the format's suffix)."""
    data, image = clean_original(upload)
    stem = PurePosixPath(upload.name or "picture").stem or "picture"
    return SimpleUploadedFile(f"{stem}{FORMATS[image.format]}", data, CONTENT_TYPES[image.format])


class PictureFormField(forms.FileField):
    """An uploaded picture (lead picture, body picture, author photo): JPEG, PNG, WebP or GIF, within the
    byte and pixel limits, cleaned of its camera data. A refusal is a form error, before anything is stored."""

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": ",".join(CONTENT_TYPES.values())}

    def to_python(self, data):
        upload = super().to_python(data)
        return None if upload is None else cleaned_upload(upload)
