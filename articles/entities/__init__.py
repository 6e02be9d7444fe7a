"""Entities: suggestions from the text, merging and renaming, related articles, entity pages."""
from .suggestions import (  # noqa: F401 (the package's public interface)
    accept_candidate, apply_known_entities, find_known_entities, link_entity, load_gazetteer, reject,
    suggest_entities,
)
