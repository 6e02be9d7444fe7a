"""`article.entities`: taggit's manager, told that an entity name may stand for several entities.

taggit finds tags by name, but entity names are unique per kind only ("Georgia" the place, "Georgia" the
person). So this manager takes an Entity object as itself (by id), and a string as the one entity it names
(by name, any case, or by normalised key) among those `tag_kwargs` allows:
`article.entities.add("Georgia", tag_kwargs={"kind": "place"})`. A string naming several raises
AmbiguousEntityName before anything changes, rather than linking one of them unchosen or removing all of
them. In add() and set(), a string naming none creates a topic, as taggit creates a tag; in remove(), only
the article's own entities count and a name it does not carry is ignored, as in taggit.
"""
from django.db import router
from django.db.models import Q, signals
from taggit.managers import _TaggableManager, require_instance_manager  # taggit's base for `manager=`

from .names import entity_key


class AmbiguousEntityName(ValueError):
    """A name given to article.entities that names more than one entity."""

    def __init__(self, name, entities):
        labels = ", ".join(entity.label for entity in entities)
        super().__init__(f"“{name}” names {len(entities)} entities ({labels}): pass the Entity itself, "
                         f"or tag_kwargs={{'kind': ...}}.")


class EntityTaggableManager(_TaggableManager):
    def _write_db(self):
        return router.db_for_write(self.through, instance=self.instance)

    def _named(self, name, entities):
        """The entities among `entities` (a QuerySet) that `name` names; raises if it names several."""
        found = list(entities.filter(Q(name__iexact=name) | Q(key=entity_key(name))).order_by("pk")[:5])
        if len(found) > 1:
            raise AmbiguousEntityName(name, found)
        return found[0] if found else None

    def _resolve(self, tags, entities):
        """{tag as given: Entity or None}; every string looked up (and refused if ambiguous) first."""
        model = self.through.tag_model()
        resolved = {}
        for tag in tags:
            if isinstance(tag, model):
                resolved[tag] = tag
            elif isinstance(tag, str):
                resolved[tag] = self._named(tag, entities)
            else:
                raise ValueError(f"Cannot tag an article with {tag!r}: expected an Entity or an entity's name.")
        return resolved

    def _chosen(self, tags, tag_kwargs):
        """`tags` with each name replaced by the entity it names, once each; a name naming none stays a string
        (taggit's add() creates it)."""
        entities = self.through.tag_model()._default_manager.using(self._write_db()).filter(**tag_kwargs)
        resolved = self._resolve(tags, entities)
        return list(dict.fromkeys(resolved[tag] or tag for tag in tags))

    @require_instance_manager
    def add(self, *tags, through_defaults=None, tag_kwargs=None, **kwargs):
        """Link these entities, or the entities these names name (see the module's docstring)."""
        super().add(*self._chosen(tags, tag_kwargs or {}), through_defaults=through_defaults,
                    tag_kwargs=tag_kwargs, **kwargs)

    def _linked(self):
        links = self.through._default_manager.using(self._write_db())
        return links.filter(**self.through.lookup_kwargs(self.instance))

    @require_instance_manager
    def remove(self, *tags):
        """Unlink these entities (or the article's entities these names name); others of the same name stay."""
        mine = self.through.tag_model()._default_manager.filter(pk__in=self._linked().values("tag_id"))
        self._unlink({entity.pk for entity in self._resolve(tags, mine).values() if entity is not None})

    def _unlink(self, ids):
        if not ids:
            return
        self._remove_prefetched_objects()
        db, links = self._write_db(), self._linked().filter(tag_id__in=ids)
        ids = set(links.values_list("tag_id", flat=True))
        # The signals taggit's own remove() sends around the delete.
        signal = {"sender": self.through, "instance": self.instance, "reverse": False,
                  "model": self.through.tag_model(), "pk_set": ids, "using": db}
        signals.m2m_changed.send(action="pre_remove", **signal)
        links.delete()
        signals.m2m_changed.send(action="post_remove", **signal)

    @require_instance_manager
    def set(self, tags, *, through_defaults=None, **kwargs):
        """Make the article's entities exactly these (compared by id, not by name)."""
        clear, tag_kwargs = kwargs.pop("clear", False), kwargs.pop("tag_kwargs", {})
        chosen = self._chosen(tags, tag_kwargs)
        if clear:
            self.clear()
        else:
            current = set(self._linked().values_list("tag_id", flat=True))
            self._unlink(current - {tag.pk for tag in chosen if not isinstance(tag, str)})
            chosen = [tag for tag in chosen if isinstance(tag, str) or tag.pk not in current]
        self.add(*chosen, through_defaults=through_defaults, tag_kwargs=tag_kwargs, **kwargs)
