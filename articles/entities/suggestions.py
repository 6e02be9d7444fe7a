"""Entity suggestions for an article: known entities it names and new names worth adding."""
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ..models import ArticleEntity, Entity, EntityRedirect, RejectedSuggestion
from ..names import name_key
from .candidates import Candidate, find_candidates
from .matching import Gazetteer

# An entity named in the title, or this often in the body, is a main subject rather than a mention.
MAIN_SUBJECT_MENTIONS = 3
# A topic named only by everyday words ("trade", "currency") needs this many uses, or one in the title,
# the first paragraph or a heading (a list item's first sentence): a single passing use is not what the
# article is about.
TOPIC_EVIDENCE_MENTIONS = 2


@dataclass
class KnownSuggestion:
    """A known entity the text names, with the words that named it."""

    entity: Entity
    words: list = field(default_factory=list)
    count: int = 0
    in_title: bool = False
    by_name: int = 0  # mentions by name, alias or office, not by demonym
    in_lead: bool = False
    proper: bool = False  # named at least once by a proper name or acronym, not only by everyday words

    @property
    def is_main(self):
        """Named in the title or often; a place only ever named by its demonym is a mention, not a subject."""
        if not self.by_name:
            return False
        return self.in_title or self.by_name >= MAIN_SUBJECT_MENTIONS

    @property
    def has_evidence(self):
        """Everyday-word topics count only with several uses or one in the title or first paragraph."""
        if self.entity.kind != "topic" or self.proper:
            return True
        return self.in_title or self.in_lead or self.count >= TOPIC_EVIDENCE_MENTIONS


@dataclass
class Suggestions:
    known: list
    new: list

    def __bool__(self):
        return bool(self.known or self.new)


def load_gazetteer():
    return Gazetteer(Entity.objects.only("pk", "name", "slug", "kind", "aliases", "demonyms", "offices")
                     .order_by("pk"))


def article_date(article):
    """The day whose office-holders "President Moon" refers to: publication, or today for an undated draft."""
    return timezone.localdate(article.published_at) if article.published_at else timezone.localdate()


def article_text(article):
    """The text suggestions are drawn from: the title, then the body (not the author's note)."""
    return f"{article.title}.\n{article.body_text}"


def analyse(text, gazetteer, title_length=0, on=None, new=True):
    """(known suggestions, new candidates) in `text`; the longest name wins where they overlap.

    `on` is the article's date: it says who "President Moon" is. A known name inside a new candidate
    still counts ("South Korea" in "South Korea's KOSPI index"). `new=False` skips looking for new names
    (importers only link known entities).
    """
    matches = gazetteer.matches(text, on=on, title_length=title_length)
    # Titles are in title case, so every word looks like a name there: candidates come from the body.
    candidates = ([c for c in find_candidates(text) if c.start >= title_length and not gazetteer.knows(c.name)]
                  if new else [])
    kept_candidates = []
    for candidate in candidates:
        inside = [m for m in matches if m.start >= candidate.start and m.end <= candidate.end]
        overlapping = [m for m in matches if m.start < candidate.end and m.end > candidate.start]
        if overlapping and (len(inside) != len(overlapping) or not has_own_words(text, candidate, inside)):
            continue
        kept_candidates.append(candidate)
    lead_end = first_paragraph_end(text, title_length)
    headings = heading_spans(text)
    known = {}
    for match in matches:
        suggestion = known.setdefault(match.entity.pk, KnownSuggestion(match.entity))
        suggestion.count += 1
        suggestion.by_name += not match.demonym
        suggestion.proper = suggestion.proper or not match.common_word
        suggestion.in_title = suggestion.in_title or match.start < title_length
        if not suggestion.in_lead:  # once is enough: the headings are looked through only until then
            suggestion.in_lead = match.start < lead_end or any(start <= match.start < end for start, end in headings)
        if match.words not in suggestion.words:
            suggestion.words.append(match.words)
    return [s for s in known.values() if s.has_evidence], kept_candidates


def heading_spans(text):
    """(start, end) of headings: a short line, or a numbered item's first sentence ("3. Household debt.")."""
    spans = []
    for line in _LINE.finditer(text):
        item = _NUMBERED_ITEM.match(line.group(0))
        if item:
            spans.append((line.start() + item.start(1), line.start() + item.end(1)))
        elif len(line.group(0).split()) <= HEADING_WORDS:
            spans.append((line.start(), line.end()))
    return spans


HEADING_WORDS = 8
_LINE = re.compile(r"(?m)^.+$")
_NUMBERED_ITEM = re.compile(r"(?<!\d)\d+[.)][ \t]+([^.!?]+)")  # (?<!\d): a long number is read once


def first_paragraph_end(text, title_length):
    """Where the first paragraph after the title ends (body text has one line a paragraph)."""
    body_start = title_length
    while body_start < len(text) and text[body_start] in ".\n \t":
        body_start += 1
    end = text.find("\n", body_start)
    return len(text) if end < 0 else end


def has_own_words(text, candidate, inside):
    """True when a candidate says more than the known names inside it ("Council for … North Korea")."""
    rest = text[candidate.start:candidate.end]
    for match in sorted(inside, key=lambda m: m.start, reverse=True):
        rest = rest[:match.start - candidate.start] + " " + rest[match.end - candidate.start:]
    return any(word[:1].isupper() for word in rest.split())


def find_known_entities(text, entities=None, on=None):
    """[(entity, matched words)] for each known entity named in `text`, in order of first mention."""
    gazetteer = load_gazetteer() if entities is None else Gazetteer(entities)
    known, _new = analyse(text, gazetteer, on=on)
    return [(suggestion.entity, suggestion.words[0]) for suggestion in known]


def suggest_entities(article, gazetteer=None, new=True):
    """What the article names that it is not yet tagged with, less what editors rejected for it."""
    gazetteer = gazetteer or load_gazetteer()
    known, new = analyse(article_text(article), gazetteer, title_length=len(article.title), on=article_date(article),
                         new=new)
    linked = set(article.entity_links.values_list("tag_id", flat=True)) if article.pk else set()
    rejected = set(article.rejected_suggestions.values_list("key", flat=True)) if article.pk else set()
    return Suggestions(
        known=[s for s in known if s.entity.pk not in linked and not rejected & names_of(s.entity)],
        new=[c for c in new if c.key not in rejected],
    )


def names_of(entity):
    """The name keys an entity answers to: after a rename or a merge, old names live on as aliases."""
    return {name_key(name) for name in [entity.name, *entity.aliases]}


def link_entity(article, entity, is_main=False):
    """Tag `article` with `entity` after its existing tags; False if it already was."""
    if article.entity_links.filter(tag=entity).exists():
        return False
    position = (article.entity_links.aggregate(last=Max("position"))["last"] or 0) + 1
    ArticleEntity.objects.create(content_object=article, tag=entity, position=position, is_main=is_main)
    return True


@transaction.atomic
def apply_known_entities(article, gazetteer=None):
    """Link every known entity the article names (except rejected ones); returns the entities added.

    The links go in after the last position with no per-entity lookups (imports do the same for a batch
    of articles at once with known_entity_links()).
    """
    linked = set(article.entity_links.values_list("tag_id", flat=True))
    rejected = set(article.rejected_suggestions.values_list("key", flat=True))
    last = article.entity_links.aggregate(last=Max("position"))["last"] or 0
    links = known_entity_links(article, gazetteer or load_gazetteer(), linked, rejected, last)
    for link in links:
        link.save()
    return [link.tag for link in links]


def known_entity_links(article, gazetteer, linked, rejected, last_position):
    """Unsaved links to the known entities `article` names: not those in `linked` (entity ids) or whose
    names editors rejected for it (`rejected`, name keys); positions after `last_position`."""
    known, _new = analyse(article_text(article), gazetteer, title_length=len(article.title), on=article_date(article),
                          new=False)
    known = [s for s in known if s.entity.pk not in linked and not (rejected and rejected & names_of(s.entity))]
    return [ArticleEntity(content_object=article, tag=suggestion.entity, position=last_position + offset,
                          is_main=suggestion.is_main) for offset, suggestion in enumerate(known, start=1)]


@transaction.atomic
def accept_candidate(article, name, kind):
    """Make a new name an entity (or reuse the one with the same key) and tag the article with it."""
    name = " ".join(name.split())[:200]
    entity = entity_named(name)
    if entity is None:
        entity = Entity(name=name, kind=kind)
        entity.slug = unique_slug(entity)
        entity.save()
    link_entity(article, entity)
    return entity


def entity_named(name):
    """The entity already answering to `name` (its key, or a name or alias with the same key), or None."""
    key = name_key(name)
    entity = Entity.objects.filter(key=key).first()
    if entity is None:
        entity = next((e for e in Entity.objects.only("pk", "name", "aliases").order_by("pk")
                       if key in names_of(e)), None)
    return entity


def unique_slug(entity):
    """A slug no entity has and no renamed or merged entity's old URL redirects from."""
    base = entity.slugify(entity.name)
    slug, i = base, 1
    while Entity.objects.filter(slug=slug).exists() or EntityRedirect.objects.filter(old_slug=slug).exists():
        i += 1
        slug = entity.slugify(entity.name, i)
    return slug


def reject(article, name, user=None):
    """Remember that `name` is not to be suggested for `article` again."""
    RejectedSuggestion.objects.get_or_create(
        article=article, key=name_key(name), defaults={"name": name[:300], "rejected_by": user})


__all__ = ["Candidate", "KnownSuggestion", "Suggestions", "accept_candidate", "apply_known_entities",
           "find_known_entities", "link_entity", "load_gazetteer", "reject", "suggest_entities"]
