"""Normalised name keys, so that "Russia", "russia" and "Rüssia" are one entity."""
import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")


def strip_diacritics(value):
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=16384)  # the same names come back article after article
def name_key(value):
    """Case-, diacritic-, hyphen- and punctuation-insensitive key for a name."""
    value = strip_diacritics(value or "").casefold().replace("’", "'").replace("'", "")
    return _NON_WORD.sub(" ", value).strip()


def entity_key(name, disambiguator=""):
    """An entity's unique key: name_key() of name and disambiguator, or, for a name of symbols only
    ("☃", "!!!") that name_key() empties, the name itself case-folded, so no two such names collide."""
    text = f"{name} {disambiguator}"
    return name_key(text) or " ".join(text.casefold().split())
