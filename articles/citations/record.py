"""An article's bibliographic record as one CSL-JSON item: what every citation format is made from.

Names come from the byline in its order. A group byline (no authors but a series, "Korea View"; an
author that is an organisation's entity; a one-word name) is an organisation: a CSL `literal` name,
never split into given and family names.
"""
import re

from django.conf import settings
from django.utils import timezone
from nameparser import HumanName

from archive.public_origin import absolute

from ..models import Author, EntityKind

PROPER_NOUN_KINDS = (EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.PLACE)
WORD = re.compile(r"[^\W_][\w'’.-]*")


def organisation_ids(authors):
    """The ids of those `authors` whose entity is an organisation (one query, none without entities)."""
    linked = [author.pk for author in authors if author.entity_id]
    if not linked:
        return set()
    return set(Author.objects.filter(pk__in=linked, entity__kind=EntityKind.ORGANIZATION).values_list("pk", flat=True))


def csl_name(author, is_group=False):
    if is_group or len(author.name.split()) < 2:
        return {"literal": author.name}
    name = HumanName(author.name)
    given = " ".join(part for part in (name.first, name.middle) if part)
    if not given or not name.last:
        return {"literal": author.name}
    parts = {"family": name.last, "given": given}
    if name.suffix:
        parts["suffix"] = name.suffix
    return parts


def byline_names(article):
    """The byline's CSL names in its order: the authors, or the series a group byline names."""
    authors = list(article.authors.all())  # with_byline() prefetches them in byline order
    if authors:
        groups = organisation_ids(authors)
        return [csl_name(author, author.pk in groups) for author in authors]
    if article.series:
        return [{"literal": article.series.name}]
    return []


def proper_words(article):
    """Words a sentence-cased title keeps capitalised: those of the names of the people, organisations
    and places the article is tagged with (and their aliases and demonyms) and of its byline."""
    names = [author.name for author in article.authors.all()]
    for link in article.entity_links.all():
        if link.tag.kind in PROPER_NOUN_KINDS:
            names += [link.tag.name, *link.tag.aliases, *link.tag.demonyms]
    if article.series:
        names.append(article.series.name)
    return {word.casefold() for name in names for word in WORD.findall(name)}


def sentence_case(title, keep=frozenset()):
    """`title` (written in headline style) in sentence case: the first word, the first after a colon,
    question or exclamation mark, words in `keep` (casefolded), "I", and words with capitals past their
    first letter (acronyms, "McCain", "iPhone") keep their capitals; the others are lowercased."""
    result, start, position = [], True, 0
    for match in WORD.finditer(title):
        word = match.group()
        before = title[position:match.start()]
        result.append(before)
        start = start or bool(re.search(r"[:?!]\s*$", before))
        if not (start or word == "I" or word.casefold() in keep or any(c.isupper() for c in word[1:])):
            word = word.lower()
        result.append(word)
        start, position = False, match.end()
    result.append(title[position:])
    return "".join(result)


def publication_date(article):
    """The day the article was published, where the archive is (TIME_ZONE), or None."""
    return timezone.localtime(article.published_at).date() if article.published_at else None


def csl_item(article):
    """The article as a CSL-JSON item (a blog post of the site's blog, published by the site's publisher).
    `article` comes with_byline(), its series and its entity links with their tags."""
    item = {
        "id": article.slug,
        "type": "post-weblog",
        "title": article.title,
        "container-title": settings.SITE_NAME,
        "publisher": settings.SITE_PUBLISHER,
        "URL": absolute(article.get_absolute_url()),
        "language": "en",
    }
    if names := byline_names(article):
        item["author"] = names
    if day := publication_date(article):
        month_only = getattr(article, "date_precision", "day") == "month"  # "April 2020", not April 1
        item["issued"] = {"date-parts": [[day.year, day.month] if month_only else [day.year, day.month, day.day]]}
    if article.excerpt:
        item["abstract"] = article.excerpt
    return item
