"""The authors, categories, series and entities an import names: found by slug (entities also by name
or alias), created only when missing, each looked up once per import."""
from articles.models import Author, Category, Entity, EntityKind, Series
from articles.names import entity_key, name_key
from articles.slugs import free_slug, make_slug

from .records import AuthorRecord, CategoryRecord, SourceError, TagRecord

NAME_LENGTH = 200  # max_length of names and slugs on Author, Category and Entity


class Lookups:
    """Authors, categories, series and entities by what a record calls them; new ones counted in `report.new`."""

    def __init__(self, report, on_new_entity=lambda: None):
        self.report = report
        self.on_new_entity = on_new_entity  # the entity matcher must learn the new name
        self.authors, self.categories, self.series_by_key = {}, {}, None
        self.entities = None  # name key -> Entity, built on first use
        self.created_pks = set()  # authors, categories, entities made by this import: (model, pk)
        self.category_parents = {}

    def author(self, record: AuthorRecord):
        record.slug = make_slug(record.slug or record.name, "author", NAME_LENGTH)
        if record.slug not in self.authors:
            author = Author.objects.filter(slug=record.slug).first()
            if author is None:
                author = Author.objects.create(name=record.name[:NAME_LENGTH], slug=record.slug, bio=record.bio)
                self.mark_new("authors", author)
            self.authors[record.slug] = author
        return self.authors[record.slug]

    def category(self, record: CategoryRecord):
        slug = make_slug(record.slug or record.name, "category", NAME_LENGTH)
        if slug not in self.categories:
            category = Category.objects.filter(slug=slug).first()
            if category is None:
                category = Category.objects.create(name=record.name[:NAME_LENGTH], slug=slug,
                                                   description=record.description)
                self.mark_new("categories", category)
            self.categories[slug] = category
        if record.parent_slug:
            self.category_parents[slug] = make_slug(record.parent_slug, "category", NAME_LENGTH)
        return self.categories[slug]

    def series(self, name):
        """The Series a group byline names ("Korea View"), created when missing; None for no name."""
        if not name:
            return None
        self.load_series()
        key = name_key(name)
        if key not in self.series_by_key:
            slug = free_slug(Series.objects.all(), make_slug(name, "series", NAME_LENGTH), NAME_LENGTH)
            self.series_by_key[key] = Series.objects.create(name=name[:NAME_LENGTH], slug=slug)
            self.mark_new("series", self.series_by_key[key])
        return self.series_by_key[key]

    def load_series(self):
        if self.series_by_key is None:
            self.series_by_key = {name_key(series.name): series for series in Series.objects.all()}

    def split_byline(self, record):
        """A byline name that is an existing series' name is the series, not an author."""
        self.load_series()
        people = [a for a in record.authors if name_key(a.name) not in self.series_by_key]
        named = [a.name for a in record.authors if name_key(a.name) in self.series_by_key]
        return people, self.series(record.series or (named[0] if named else ""))

    def link_category_parents(self):
        """Set the parents WordPress named, once every category of the file is known; existing parents stay."""
        for slug, parent_slug in self.category_parents.items():
            category, parent = self.categories.get(slug), self.categories.get(parent_slug)
            if parent is None:
                parent = Category.objects.filter(slug=parent_slug).first()
            if category and parent and category.parent_id is None and parent.pk != category.pk:
                category.parent = parent
                category.save(update_fields=["parent"])

    def load_entities(self):
        """Every entity by key, name and alias: a key (unique) beats a name, a name beats someone else's alias."""
        self.entities = {}
        known = list(Entity.objects.only("pk", "name", "slug", "aliases", "disambiguator", "key"))
        for entity in known:
            self.entities.setdefault(entity.key, entity)
        for entity in known:
            self.entities.setdefault(entity_key(entity.name), entity)
        for entity in known:
            for alias in entity.aliases:
                self.entities.setdefault(entity_key(alias), entity)

    def entity(self, record: TagRecord):
        """The entity a tag names: an existing one with that name or alias, else a new topic."""
        if self.entities is None:
            self.load_entities()
        name = " ".join(record.name.split()) or record.slug
        if len(name) > NAME_LENGTH:
            # Cut short, two long names would become one entity without anyone choosing it.
            raise SourceError(f"the tag “{name[:60]}…” is {len(name)} characters long (at most {NAME_LENGTH})")
        key = entity_key(name)
        if key not in self.entities:
            slug = free_slug(Entity.objects.all(), make_slug(record.slug or name, "entity", NAME_LENGTH), NAME_LENGTH)
            entity = Entity.objects.create(name=name, slug=slug, kind=EntityKind.TOPIC,
                                           description=record.description)
            self.mark_new("entities", entity)
            self.entities[key] = entity
            self.on_new_entity()
        return self.entities[key]

    def mark_new(self, kind, obj):
        self.report.new[kind] += 1
        self.created_pks.add((type(obj), obj.pk))

    def is_new(self, obj):
        return (type(obj), obj.pk) in self.created_pks
