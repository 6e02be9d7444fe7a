"""Rules every form, importer and save applies to links and structured fields, whatever the widget."""
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

LINK_SCHEMES = ["http", "https"]
_ABSOLUTE = URLValidator(schemes=LINK_SCHEMES)


def validate_link_url(value):
    """A web address (http or https) or a path on this site ("/the-peninsula/…").

    Anything else (javascript:, data:, vbscript:, "//host", "/\\host") is refused: a link
    readers click must not run code or leave the site by a trick of the path.
    """
    text = str(value or "")
    if text.startswith("/") and not text.startswith(("//", "/\\")) and text.isprintable() and " " not in text:
        return
    try:
        _ABSOLUTE(text)
    except ValidationError:
        raise ValidationError("Enter a web address starting with http:// or https://, or a path on this site "
                              "starting with “/”.", code="invalid_link") from None


def validate_aliases(value):
    """Entity.aliases: a list of names (strings), e.g. ["Pyongyang", "DPRK"]."""
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValidationError('Aliases must be a list of names, e.g. ["Pyongyang", "DPRK"].', code="invalid_aliases")


def as_id(value):
    """A row id typed into a URL or form, as an int; None when it is not one (ASCII digits, at most 18, so
    "²", "abc" or 30 digits make a lookup find nothing instead of raising)."""
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None
