"""Finding known entities in an article's text, by name or alias, on word boundaries."""
import re

from .models import ArticleEntity, Entity


def entity_patterns(entities):
    """One regex per entity over its name and aliases: case-sensitive, whole words, possessives allowed."""
    patterns = []
    for entity in entities:
        names = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
        alternatives = "|".join(re.escape(name).replace(r"\-", r"[-\s]").replace(r"\ ", r"[-\s]") for name in names)
        patterns.append((entity, re.compile(rf"(?<!\w)(?:{alternatives})(?:['’]s)?(?!\w)")))
    return patterns


def find_known_entities(text, entities=None):
    """[(entity, matched words)] for each known entity named in `text`, in order of first mention."""
    entities = Entity.objects.all() if entities is None else entities
    found = []
    for entity, pattern in entity_patterns(entities):
        match = pattern.search(text)
        if match:
            found.append((match.start(), entity, match.group(0)))
    return [(entity, words) for _, entity, words in sorted(found, key=lambda item: item[0])]


def apply_known_entities(article):
    """Link every known entity named in the article's title or body; returns the entities added."""
    text = f"{article.title}\n{article.body_text}"
    linked = set(article.entity_links.values_list("tag_id", flat=True))
    start = len(linked)
    added = []
    for entity, _words in find_known_entities(text):
        if entity.pk not in linked:
            ArticleEntity.objects.create(content_object=article, tag=entity, position=start + len(added))
            added.append(entity)
    return added
