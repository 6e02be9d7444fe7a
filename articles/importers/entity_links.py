"""An imported article's entity links: the source's tags as main subjects, then the known entities its text names.

Matching (`known_entity_links()`, entities/suggestions.py) needs no query: what the article is already
linked to and what editors rejected for it were read ahead (existing.Known). The gazetteer is compiled
once per import, and again only after the import makes a new entity. The rows go to the RowBuffer.
"""
from articles.entities import load_gazetteer
from articles.entities.suggestions import known_entity_links
from articles.models import ArticleEntity


class EntityLinks:
    """Entity link rows for the articles an import writes."""

    def __init__(self, buffer):
        self.buffer = buffer
        self.gazetteer = None

    def forget_gazetteer(self):
        """A new entity: compile the gazetteer again before the next match."""
        self.gazetteer = None

    def tag(self, known, entities):
        """Link the source's tags as main subjects after the links the article has; `known` kept up to date."""
        article, start, rows = known.article, len(known.entity_ids), []
        for n, entity in enumerate(e for e in entities if e.pk not in known.entity_ids):
            rows.append((article, entity.pk, start + n, True))
            known.entity_ids.add(entity.pk)
            known.last_position = max(known.last_position, start + n)
        self.buffer.add_links(ArticleEntity, rows)

    def match(self, known, derived):
        """Link the known entities the text names (`derived`: the article as save() stores it); their ids."""
        if self.gazetteer is None:
            self.gazetteer = load_gazetteer()
        matched = known_entity_links(derived, self.gazetteer, known.entity_ids, known.rejected, known.last_position)
        self.buffer.add_links(ArticleEntity, [(known.article, link.tag_id, link.position, link.is_main)
                                              for link in matched])
        return {link.tag_id for link in matched}
