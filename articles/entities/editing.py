"""Editors' entity operations: keep renamed slugs and names working, tag many articles at once (merging
duplicates is entities/merging.py)."""
from django.db import transaction

from ..models import ArticleEntity, EntityRedirect, RejectedSuggestion
from ..names import name_key
from .suggestions import link_entity


def record_slug_change(entity, old_slug):
    """After a rename, the old /tag/<slug>/ keeps answering (301) and no redirect shadows the new slug."""
    if old_slug and old_slug != entity.slug:
        EntityRedirect.objects.update_or_create(old_slug=old_slug, defaults={"entity": entity})
    EntityRedirect.objects.filter(old_slug=entity.slug).delete()


def record_name_change(entity, old_name):
    """After a rename, the old name stays an alias (so it is never offered as a new entity again), and
    articles that turned the entity down under its old name keep it turned down."""
    if not old_name or name_key(old_name) == name_key(entity.name):
        return
    if name_key(old_name) not in {name_key(alias) for alias in entity.aliases}:
        entity.aliases = [*entity.aliases, old_name]
        entity.save(update_fields=["aliases"])
    RejectedSuggestion.objects.bulk_create(
        [RejectedSuggestion(article_id=r.article_id, key=name_key(entity.name), name=entity.name[:300],
                            rejected_by_id=r.rejected_by_id)
         for r in RejectedSuggestion.objects.filter(key=name_key(old_name))],
        ignore_conflicts=True)


@transaction.atomic
def add_entity_to_articles(entity, articles, is_main=False):
    """Tag each article with `entity`; returns how many were newly tagged."""
    return sum(link_entity(article, entity, is_main=is_main) for article in articles)


@transaction.atomic
def remove_entity_from_articles(entity, articles):
    """Untag `entity` from each article; returns how many links went."""
    deleted, _ = ArticleEntity.objects.filter(tag=entity, content_object__in=articles).delete()
    return deleted
