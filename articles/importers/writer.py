"""Turning import records into articles: found or created, updated only when the source changed.

An article is the same article when it has the same WordPress post id, or else the same slug
(or a numbered variant of it) and the same publication date. Authors, categories and
entities are reused by slug (entities also by name or alias) and created only when missing.
"""
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from articles.entities import apply_known_entities, load_gazetteer
from articles.models import (Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity,
                             EntityKind, LegacyURL, Series)
from articles.dates import date_problem
from articles.names import entity_key, name_key
from articles.slugs import free_slug, make_slug

from .records import AuthorRecord, CategoryRecord, SourceError, TagRecord

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
NAME_LENGTH = 200  # max_length of names and slugs on Author, Category and Entity
ARTICLE_SLUG_LENGTH = 280  # Article.slug's 300, less room for a "-2" when the slug is taken
COMPARED_FIELDS = ("title", "status", "published_at", "body", "excerpt", "author_note", "image_credit")


@dataclass
class ImportReport:
    """What one import did, for the summary line and for tests."""

    outcomes: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    not_imported: Counter = field(default_factory=Counter)
    new: Counter = field(default_factory=Counter)
    written_pks: list = field(default_factory=list)

    def summary(self):
        parts = [f"{self.outcomes[CREATED]} created, {self.outcomes[UPDATED]} updated, "
                 f"{self.outcomes[UNCHANGED]} unchanged, {sum(self.skipped.values())} skipped"]
        if self.skipped:
            parts[0] += " (" + ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items())) + ")"
        if self.not_imported:
            parts.append("not imported: " + ", ".join(f"{n} {kind}" for kind, n in sorted(self.not_imported.items())))
        parts.append(f"new: {self.new['authors']} authors, {self.new['categories']} categories, "
                     f"{self.new['entities']} entities" + (f", {self.new['series']} series" if self.new["series"] else ""))
        return "; ".join(parts)


def local_date(value):
    return timezone.localtime(value).date() if value else None


class ArticleWriter:
    """Creates and updates articles from PostRecords, reusing authors, categories and entities."""

    def __init__(self, report):
        self.report = report
        self.authors, self.categories, self.series_by_key = {}, {}, None
        self.entities = None  # name key -> Entity, built on first use
        self.created_pks = set()  # authors, categories, entities made by this import: (model, pk)
        self.category_parents = {}
        self.wp_ids = self.slugs = None
        self.gazetteer = None  # the entity matcher, built once and again only after new entities

    # Authors, categories, entities -------------------------------------------------------

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

    def entity(self, record: TagRecord):
        """The entity a tag names: an existing one with that name or alias, else a new topic."""
        if self.entities is None:
            self.entities = {}
            known = list(Entity.objects.only("pk", "name", "slug", "aliases", "disambiguator", "key"))
            # A key (unique) beats a name, a name beats someone else's alias.
            for entity in known:
                self.entities.setdefault(entity.key, entity)
            for entity in known:
                self.entities.setdefault(entity_key(entity.name), entity)
            for entity in known:
                for alias in entity.aliases:
                    self.entities.setdefault(entity_key(alias), entity)
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
            self.gazetteer = None
        return self.entities[key]

    def mark_new(self, kind, obj):
        self.report.new[kind] += 1
        self.created_pks.add((type(obj), obj.pk))

    def is_new(self, obj):
        return (type(obj), obj.pk) in self.created_pks

    # Articles ---------------------------------------------------------------------------

    def load_article_keys(self):
        """Existing WordPress ids and slugs, read once, so that most lookups need no query."""
        if self.wp_ids is None:
            self.wp_ids = dict(Article.objects.filter(wp_id__isnull=False).values_list("wp_id", "pk"))
            self.slugs = set(Article.objects.values_list("slug", flat=True))

    def slug_variants(self, slug):
        """`slug`, `slug-2`, `slug-3`… as far as they are taken."""
        variants, n = [], 1
        while (candidate := slug if n == 1 else f"{slug}-{n}") in self.slugs:
            variants.append(candidate)
            n += 1
        return variants

    def find(self, record):
        """The article this record already is: same WordPress id, or same slug (or slug-N) and date."""
        self.load_article_keys()
        if record.wp_id is not None and record.wp_id in self.wp_ids:
            return Article.objects.get(pk=self.wp_ids[record.wp_id])
        variants = self.slug_variants(record.slug)
        if not variants:
            return None
        for article in Article.objects.filter(slug__in=variants).order_by("pk"):
            if (local_date(article.published_at) == local_date(record.published_at)
                    and (record.wp_id is None or article.wp_id is None)):
                return article
        return None

    def write(self, record):
        """Create or update the article for `record`; returns (outcome, article)."""
        if problem := date_problem(record.published_at):
            raise SourceError(f"publication date {record.published_at:%Y-%m-%d}: {problem}", record.where)
        record.slug = make_slug(record.slug or record.title, "article", ARTICLE_SLUG_LENGTH)
        article = self.find(record)
        outcome = CREATED if article is None else UPDATED
        if article is None:
            article = Article(slug=f"{record.slug}-{len(self.slug_variants(record.slug)) + 1}"
                              if record.slug in self.slugs else record.slug)
        people, series = self.split_byline(record)
        # Two names can make one slug ("a/b" and "a-b"): each author and category once, in first-named order.
        authors = list(dict.fromkeys(self.author(a) for a in people))
        categories = list(dict.fromkeys(self.category(c) for c in record.categories))
        entities = list(dict.fromkeys(self.entity(t) for t in record.tags))
        if outcome == UPDATED and (series is None or article.series_id == series.pk) \
                and self.same(article, record, authors, categories, entities):
            self.report.outcomes[UNCHANGED] += 1
            return UNCHANGED, article
        for name in COMPARED_FIELDS:
            setattr(article, name, getattr(record, name))
        if record.wp_id is not None:
            article.wp_id = record.wp_id
        if series is not None:  # a series an editor set stays when the source names none
            article.series = series
        article.save()
        self.slugs.add(article.slug)
        if article.wp_id is not None:
            self.wp_ids[article.wp_id] = article.pk
        self.set_links(article, authors, categories, entities, fresh=outcome == CREATED)
        if record.legacy_path and record.legacy_path != article.get_absolute_url():
            LegacyURL.objects.get_or_create(path=record.legacy_path, defaults={"article": article})
        if self.gazetteer is None:
            self.gazetteer = load_gazetteer()
        apply_known_entities(article, self.gazetteer)
        self.report.outcomes[outcome] += 1
        self.report.written_pks.append(article.pk)
        return outcome, article

    def same(self, article, record, authors, categories, entities):
        """Would writing `record` change nothing? Fields compared after the model's own derivations."""
        candidate = Article(**{name: getattr(record, name) for name in COMPARED_FIELDS})
        candidate.derive_fields()
        if any(getattr(candidate, name) != getattr(article, name) for name in COMPARED_FIELDS):
            return False
        if record.wp_id is not None and article.wp_id != record.wp_id:
            return False
        author_ids = list(article.author_links.order_by("position").values_list("author_id", flat=True))
        category_ids = list(article.category_links.order_by("position").values_list("category_id", flat=True))
        entity_ids = set(article.entity_links.values_list("tag_id", flat=True))
        return (author_ids == [a.pk for a in authors] and category_ids == [c.pk for c in categories]
                and {e.pk for e in entities} <= entity_ids
                and (not record.legacy_path or LegacyURL.objects.filter(path=record.legacy_path).exists()))

    @staticmethod
    def set_links(article, authors, categories, entities, fresh):
        """Byline and categories as the source has them; the source's tags added as main subjects."""
        if not fresh:
            article.author_links.all().delete()
            article.category_links.all().delete()
        ArticleAuthor.objects.bulk_create(
            [ArticleAuthor(article=article, author=a, position=n) for n, a in enumerate(authors)])
        ArticleCategory.objects.bulk_create(
            [ArticleCategory(article=article, category=c, position=n) for n, c in enumerate(categories)])
        linked = set() if fresh else set(article.entity_links.values_list("tag_id", flat=True))
        start = len(linked)
        ArticleEntity.objects.bulk_create([
            ArticleEntity(content_object=article, tag=e, position=start + n, is_main=True)
            for n, e in enumerate(e for e in entities if e.pk not in linked)
        ])

    def describe(self, outcome, article):
        """Field-by-field lines for --dry-run."""
        def names(objects):
            return ", ".join(f"{o.name} (new)" if self.is_new(o) else o.name for o in objects) or "—"

        when = timezone.localtime(article.published_at).strftime("%B %-d, %Y %H:%M %Z") if article.published_at else "—"
        lines = [
            f"would {outcome[:-1] if outcome.endswith('d') else outcome} article “{article.title}”",
            f"  title: {article.title}",
            f"  slug: {article.slug}",
            f"  status: {article.status}",
            f"  published_at: {when}",
            f"  authors: {names(article.authors.order_by('article_authors__position'))}",
            f"  categories: {names(article.categories.order_by('article_categories__position'))}",
            f"  series: {names([article.series] if article.series else [])}",
            f"  entities: {names(article.entities.all())}",
            f"  excerpt: {article.excerpt}",
            f"  author_note: {article.author_note or '—'}",
            f"  image_credit: {article.image_credit or '—'}",
            f"  body: {article.body.count('<p>')} paragraphs, {article.word_count} words",
        ]
        if article.wp_id:
            lines.append(f"  wp_id: {article.wp_id}")
        lines += [f"  legacy URL: {path}" for path in article.legacy_urls.values_list("path", flat=True)]
        return lines
