"""Rules every form, importer and save applies to links and structured fields, whatever the widget."""
from datetime import date

from django.conf import settings
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


def is_list_of_names(value):
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def validate_aliases(value):
    """Entity.aliases: a list of names (strings), e.g. ["Pyongyang", "DPRK"], none longer than a name may be."""
    if not is_list_of_names(value):
        raise ValidationError('Aliases must be a list of names, e.g. ["Pyongyang", "DPRK"].', code="invalid_aliases")
    refuse_long_names(value, "alias")


def validate_demonyms(value):
    """Entity.demonyms: a list of adjectives (strings), e.g. ["South Korean"]."""
    if not is_list_of_names(value):
        raise ValidationError('Demonyms must be a list of words, e.g. ["South Korean"].', code="invalid_demonyms")
    refuse_long_names(value, "demonym")


def refuse_long_names(names, what):
    """Every alias goes into the gazetteer's one regular expression: a name is a few words, never a page."""
    limit = settings.ENTITY_ALIAS_MAX_LENGTH
    for name in names:
        if len(name) > limit:
            raise ValidationError(
                "The %(what)s “%(start)s…” is %(length)s characters long: at most %(limit)s are allowed.",
                code=f"long_{what}", params={"what": what, "start": name[:40], "length": len(name), "limit": limit})


def validate_offices(value):
    """Entity.offices: a list of {"office", "titles", "surname", "start", "end"} with ISO dates (end may be empty)."""
    message = ('Offices must be a list like [{"office": "President of South Korea", "titles": ["President"], '
               '"surname": "Moon", "start": "2017-05-10", "end": "2022-05-09"}].')
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ValidationError(message, code="invalid_offices")
    for item in value:
        if not isinstance(item.get("office", ""), str) or not isinstance(item.get("surname", ""), str) \
                or not is_list_of_names(item.get("titles", [])):
            raise ValidationError(message, code="invalid_offices")
        for key in ("start", "end"):
            when = item.get(key) or ""
            try:
                date.fromisoformat(when) if when else None
            except (TypeError, ValueError):
                raise ValidationError(f"{message} “{when}” is not a YYYY-MM-DD date.", code="invalid_offices")


def as_id(value):
    """A row id typed into a URL or form, as an int; None when it is not one (ASCII digits, at most 18, so
    "²", "abc" or 30 digits make a lookup find nothing instead of raising)."""
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None
