"""Turning import records into articles: found or created, updated only when the source changed.

An article is the same article when it has the same source and WordPress post id (provenance.py),
or else the same slug (or a numbered variant of it) and the same publication date and no post id
of another source. Authors, categories and entities are reused by slug (entities also by name or
alias) and created only when missing.

An article changed here since its last import (its import digest no longer matches it) is kept
as it is unless the import overwrites; every article an import writes keeps a revision
"Imported from <site>" (history.py).
"""
from collections import Counter
from copy import copy
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from articles.entities import load_gazetteer
from articles.entities.suggestions import known_entity_links
from articles.models import (Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity,
                             EntityKind, LegacyURL, RejectedSuggestion, Series)
from articles.dates import date_problem
from articles.names import entity_key, name_key
from articles.slugs import free_slug, make_slug

from .history import save_revisions
from .provenance import UNKNOWN_SOURCE, article_digest
from .records import AuthorRecord, CategoryRecord, SourceError, TagRecord, check_record_body

CREATED, UPDATED, UNCHANGED, KEPT = "created", "updated", "unchanged", "kept"
NAMED_IN_SUMMARY = 5  # the kept articles and new slugs a summary names, before "and N more"
NAME_LENGTH = 200  # max_length of names and slugs on Author, Category and Entity
ARTICLE_SLUG_LENGTH = 280  # Article.slug's 300, less room for a "-2" when the slug is taken
COMPARED_FIELDS = ("title", "status", "published_at", "body", "excerpt", "author_note", "image_credit")
BATCH = 500  # posts an import reads ahead: their articles and links are read, and their new links written, together
# The link tables' columns, as the writer inserts them: (article, other id, position[, is_main]) rows.
LINK_COLUMNS = {ArticleAuthor: ("article_id", "author_id", "position"),
                ArticleCategory: ("article_id", "category_id", "position"),
                ArticleEntity: ("content_object_id", "tag_id", "position", "is_main")}


@dataclass
class ImportReport:
    """What one import did, for the summary line and for tests."""

    outcomes: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    not_imported: Counter = field(default_factory=Counter)
    new: Counter = field(default_factory=Counter)
    written_pks: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # titles of the articles changed here that the import left alone
    renamed: list = field(default_factory=list)  # (slug, the slug given instead) for new articles whose slug was taken
    claimed: int = 0  # articles imported before sources were recorded, recognised as this source's

    def summary(self):
        parts = [f"{self.outcomes[CREATED]} created, {self.outcomes[UPDATED]} updated, "
                 f"{self.outcomes[UNCHANGED]} unchanged, {sum(self.skipped.values())} skipped"]
        if self.skipped:
            parts[0] += " (" + ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items())) + ")"
        if self.kept:
            parts.append(f"kept: {len(self.kept)} changed here since the last import ("
                         + named(f"“{title}”" for title in self.kept) + "; --overwrite replaces them)")
        if self.renamed:
            parts.append(f"new slugs: {len(self.renamed)} taken by other articles ("
                         + named(f"{old} → {new}" for old, new in self.renamed) + ")")
        if self.claimed:
            parts.append(f"claimed: {self.claimed} imported before sources were recorded")
        if self.not_imported:
            parts.append("not imported: " + ", ".join(f"{n} {kind}" for kind, n in sorted(self.not_imported.items())))
        parts.append(f"new: {self.new['authors']} authors, {self.new['categories']} categories, "
                     f"{self.new['entities']} entities" + (f", {self.new['series']} series" if self.new["series"] else ""))
        return "; ".join(parts)


def named(items):
    items = list(items)
    more = len(items) - NAMED_IN_SUMMARY
    return ", ".join(items[:NAMED_IN_SUMMARY]) + (f" and {more} more" if more > 0 else "")


def local_date(value):
    return timezone.localtime(value).date() if value else None


@dataclass(slots=True)
class Known:
    """An existing article and what it is linked to, read ahead of the record that names it."""

    article: Article
    author_ids: list = field(default_factory=list)  # in byline order
    category_ids: list = field(default_factory=list)
    entity_ids: set = field(default_factory=set)
    last_position: int = 0  # of its entity links
    rejected: set = field(default_factory=set)  # name keys editors turned down for it


class ArticleWriter:
    """Creates and updates articles from PostRecords, reusing authors, categories and entities."""

    def __init__(self, report, overwrite=False):
        self.report = report
        self.overwrite = overwrite  # replace articles changed here since their last import, too
        self.authors, self.categories, self.series_by_key = {}, {}, None
        self.entities = None  # name key -> Entity, built on first use
        self.created_pks = set()  # authors, categories, entities made by this import: (model, pk)
        self.category_parents = {}
        self.wp_ids = self.slugs = None  # {(source, post id): pk}, {slug}
        self.unknown_ids = None  # {post id: pk} of the articles imported before sources were recorded
        self.gazetteer = None  # the entity matcher, built once and again only after new entities
        self.known = {}  # pk -> Known, for the batch being written
        self.known_slugs = {}  # slug -> pk of the articles read ahead
        self.legacy_paths = None  # every LegacyURL path, read once
        # Rows to insert, articles first: the links name them, and they have no id before. Link rows are
        # (article, other id, position[, is_main]) tuples (LINK_COLUMNS).
        self.rows = {Article: [], ArticleAuthor: [], ArticleCategory: [], ArticleEntity: [], LegacyURL: []}
        self.unsaved_wp_ids, self.unsaved_slugs = set(), set()  # of the new articles not inserted yet
        self.revised = []  # (article, comment) for the revisions of what the batch wrote

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
        """Existing (source, post id) keys and slugs, read once, so that most lookups need no query."""
        if self.wp_ids is None:
            self.wp_ids, self.unknown_ids = {}, {}
            for source, wp_id, pk in Article.objects.filter(wp_id__isnull=False).values_list(
                    "import_source", "wp_id", "pk"):
                self.wp_ids[source, wp_id] = pk
                if source == UNKNOWN_SOURCE:
                    self.unknown_ids[wp_id] = pk
            self.slugs = set(Article.objects.values_list("slug", flat=True))

    def slug_variants(self, slug):
        """`slug`, `slug-2`, `slug-3`… as far as they are taken."""
        variants, n = [], 1
        while (candidate := slug if n == 1 else f"{slug}-{n}") in self.slugs:
            variants.append(candidate)
            n += 1
        return variants

    def read_ahead(self, records):
        """Read the articles these records already are, with their links: five queries for a batch."""
        self.load_article_keys()
        pks, slugs = set(), set()
        for record in records:
            if record.wp_id is not None and (record.source, record.wp_id) in self.wp_ids:
                pks.add(self.wp_ids[record.source, record.wp_id])
            else:
                if record.wp_id in self.unknown_ids:
                    pks.add(self.unknown_ids[record.wp_id])
                slugs.update(self.slug_variants(make_slug(record.slug or record.title, "article", ARTICLE_SLUG_LENGTH)))
        if pks or slugs:
            self.load_known(Article.objects.filter(Q(pk__in=pks) | Q(slug__in=slugs)))

    def load_known(self, articles):
        known = {article.pk: Known(article) for article in articles}
        ids = list(known)
        for article_id, author_id in (ArticleAuthor.objects.filter(article_id__in=ids)
                                      .order_by("position", "pk").values_list("article_id", "author_id")):
            known[article_id].author_ids.append(author_id)
        for article_id, category_id in (ArticleCategory.objects.filter(article_id__in=ids)
                                        .order_by("position", "pk").values_list("article_id", "category_id")):
            known[article_id].category_ids.append(category_id)
        for article_id, tag_id, position in (ArticleEntity.objects.filter(content_object_id__in=ids)
                                             .values_list("content_object_id", "tag_id", "position")):
            known[article_id].entity_ids.add(tag_id)
            known[article_id].last_position = max(known[article_id].last_position, position)
        for article_id, key in RejectedSuggestion.objects.filter(article_id__in=ids).values_list("article_id", "key"):
            known[article_id].rejected.add(key)
        self.known.update(known)
        self.known_slugs.update((entry.article.slug, pk) for pk, entry in known.items())

    def take_known(self, pk):
        """The Known for article `pk`, read now if it was not read ahead (or was already written)."""
        if pk not in self.known:
            self.flush()  # the rows still to insert first: the queries must see them
            self.load_known(Article.objects.filter(pk=pk))
        entry = self.known.pop(pk)
        self.known_slugs.pop(entry.article.slug, None)
        return entry

    def find(self, record):
        """The Known for the article this record already is: same source and WordPress id, or an article
        imported before sources were recorded with that post id and permalink, or same slug (or slug-N) and date."""
        self.load_article_keys()
        key = (record.source, record.wp_id)
        if key in self.unsaved_wp_ids or self.unsaved_slugs and self.unsaved_slugs & {
                record.slug, *self.slug_variants(record.slug)}:
            self.flush()  # a new article of this batch: it has an id once inserted
        if record.wp_id is not None and key in self.wp_ids:
            return self.take_known(self.wp_ids[key])
        if record.wp_id is not None and record.wp_id in self.unknown_ids and self.claims(record):
            return self.take_known(self.unknown_ids[record.wp_id])
        variants = self.slug_variants(record.slug)
        if not variants:
            return None
        if all(slug in self.known_slugs for slug in variants):
            candidates = sorted((self.known[self.known_slugs[slug]].article for slug in variants), key=lambda a: a.pk)
        else:
            self.flush()
            candidates = Article.objects.filter(slug__in=variants).order_by("pk")
        for article in candidates:
            if (local_date(article.published_at) == local_date(record.published_at)
                    and (record.wp_id is None or article.wp_id is None)):
                return self.take_known(article.pk)
        return None

    def claims(self, record):
        """Is the article with this post id and an unknown source this record's? Its old permalink says so
        (or, for a post without one, its slug and date)."""
        pk = self.unknown_ids[record.wp_id]
        article = self.known[pk].article if pk in self.known else Article.objects.get(pk=pk)
        if record.legacy_path:
            return (record.legacy_path == article.get_absolute_url()
                    or LegacyURL.objects.filter(article_id=pk, path=record.legacy_path).exists())
        return article.slug == record.slug and local_date(article.published_at) == local_date(record.published_at)

    def write(self, record):
        """Create or update the article for `record`; returns (outcome, article)."""
        return self.write_batch([record])[0]

    def write_batch(self, records):
        """Create or update the article for each record, in order; returns [(outcome, article)].

        The existing articles and their links are read ahead for the lot, and the new links inserted
        together at the end, so a batch costs a handful of queries plus one write per changed article.
        """
        self.read_ahead(records)
        results = []
        try:
            for record in records:
                results.append(self.write_one(record))
        except SourceError:
            self.flush()  # what the earlier records wrote stands, as it would have one by one
            raise
        finally:
            self.known.clear()
            self.known_slugs.clear()
        self.flush()
        self.save_revisions()
        return results

    def save_revisions(self):
        """The revisions of the articles this batch wrote, each article once (as last written)."""
        latest = {}
        for article, comment in self.revised:
            latest[article.pk] = (article, comment)
        self.revised.clear()
        save_revisions([article for article, _ in latest.values()], [comment for _, comment in latest.values()])

    def write_one(self, record):
        if problem := date_problem(record.published_at):
            raise SourceError(f"publication date {record.published_at:%Y-%m-%d}: {problem}", record.where)
        check_record_body(record)  # before save() sanitises it (html_limits says why)
        record.slug = make_slug(record.slug or record.title, "article", ARTICLE_SLUG_LENGTH)
        known = self.find(record)
        outcome = CREATED if known is None else UPDATED
        if known is None:
            slug = record.slug
            if slug in self.slugs:  # another article's (another site's post, or one written here)
                slug = f"{record.slug}-{len(self.slug_variants(record.slug)) + 1}"
                self.report.renamed.append((record.slug, slug))
            known = Known(Article(slug=slug))
        article = known.article
        people, series = self.split_byline(record)
        # Two names can make one slug ("a/b" and "a-b"): each author and category once, in first-named order.
        authors = list(dict.fromkeys(self.author(a) for a in people))
        categories = list(dict.fromkeys(self.category(c) for c in record.categories))
        entities = list(dict.fromkeys(self.entity(t) for t in record.tags))
        if outcome == UPDATED:
            if (series is None or article.series_id == series.pk) and self.same(known, record, authors, categories,
                                                                                entities):
                self.report.outcomes[UNCHANGED] += 1
                return UNCHANGED, article
            changed_here = article.import_digest != article_digest(article, known.author_ids, known.category_ids,
                                                                   known.entity_ids)
            if changed_here and not self.overwrite:
                self.report.kept.append(article.title)
                self.report.outcomes[KEPT] += 1
                return KEPT, article
            if changed_here:  # what was changed here stays in the history, whatever saved it
                self.flush()
                save_revisions([article], [f"As changed here, before the import from {self.origin(record)} "
                                           "replaced it"])
            if article.import_source == UNKNOWN_SOURCE and record.wp_id is not None:
                self.report.claimed += 1
                self.unknown_ids.pop(record.wp_id, None)
        for name in COMPARED_FIELDS:
            setattr(article, name, getattr(record, name))
        article.excerpt_is_manual = bool(record.excerpt.strip())  # the source's own excerpt stays as written
        if record.wp_id is not None:
            article.wp_id, article.import_source = record.wp_id, record.source
        if series is not None:  # a series an editor set stays when the source names none
            article.series = series
        if outcome == CREATED:  # inserted with the batch's other new articles, as save() would
            article.derive_fields()
            derived = article
            self.rows[Article].append(article)
            self.unsaved_slugs.add(article.slug)
            if article.wp_id is not None:
                self.unsaved_wp_ids.add((article.import_source, article.wp_id))
        else:
            # The values save() will store, for entity matching and the digest: derived once, as save() does
            # (sanitising is not quite idempotent: a <pre> loses a leading newline each time).
            derived = copy(article)
            derived.derive_fields()
        self.slugs.add(article.slug)
        self.set_links(known, authors, categories, entities, fresh=outcome == CREATED)
        if record.legacy_path and record.legacy_path != article.get_absolute_url():
            self.load_legacy_paths()
            if record.legacy_path not in self.legacy_paths:
                self.legacy_paths.add(record.legacy_path)
                self.rows[LegacyURL].append(LegacyURL(path=record.legacy_path, article=article))
        if self.gazetteer is None:
            self.gazetteer = load_gazetteer()
        matched = known_entity_links(derived, self.gazetteer, known.entity_ids, known.rejected, known.last_position)
        self.rows[ArticleEntity] += [(article, link.tag_id, link.position, link.is_main) for link in matched]
        article.import_digest = article_digest(derived, [a.pk for a in authors], [c.pk for c in categories],
                                               known.entity_ids | {link.tag_id for link in matched})
        if outcome == UPDATED:
            article.save()
            self.report.written_pks.append(article.pk)
            if article.wp_id is not None:
                self.wp_ids[article.import_source, article.wp_id] = article.pk
        self.revised.append((article, f"Imported from {self.origin(record)}"))
        self.report.outcomes[outcome] += 1
        return outcome, article

    @staticmethod
    def origin(record):
        return record.origin or record.source or "an import"

    def load_legacy_paths(self):
        if self.legacy_paths is None:
            self.legacy_paths = set(LegacyURL.objects.values_list("path", flat=True))

    def has_legacy_path(self, path):
        self.load_legacy_paths()
        return path in self.legacy_paths or LegacyURL.objects.filter(path=path).exists()

    def same(self, known, record, authors, categories, entities):
        """Would writing `record` change nothing? Fields compared after the model's own derivations."""
        article = known.article
        candidate = Article(**{name: getattr(record, name) for name in COMPARED_FIELDS})
        candidate.derive_fields()
        if any(getattr(candidate, name) != getattr(article, name) for name in COMPARED_FIELDS):
            return False
        if record.wp_id is not None and (article.wp_id, article.import_source) != (record.wp_id, record.source):
            return False
        return (known.author_ids == [a.pk for a in authors] and known.category_ids == [c.pk for c in categories]
                and {e.pk for e in entities} <= known.entity_ids
                and (not record.legacy_path or self.has_legacy_path(record.legacy_path)))

    def set_links(self, known, authors, categories, entities, fresh):
        """Byline and categories as the source has them; the source's tags added as main subjects.

        The rows are inserted by flush(); `known` is brought up to date for the entity matching that follows.
        """
        article = known.article
        if not fresh:
            article.author_links.all().delete()
            article.category_links.all().delete()
        self.rows[ArticleAuthor] += [(article, a.pk, n) for n, a in enumerate(authors)]
        self.rows[ArticleCategory] += [(article, c.pk, n) for n, c in enumerate(categories)]
        start = len(known.entity_ids)
        for n, entity in enumerate(e for e in entities if e.pk not in known.entity_ids):
            self.rows[ArticleEntity].append((article, entity.pk, start + n, True))
            known.entity_ids.add(entity.pk)
            known.last_position = max(known.last_position, start + n)

    def flush(self):
        """Insert the new articles and the links written so far, one statement (or a few) per table.

        bulk_create sends no post_save: the import sends articles_bulk_created for what it wrote instead.
        """
        articles = self.rows[Article]
        if articles:
            Article.objects.bulk_create(articles, batch_size=BATCH)  # sets their ids, so the links below have them
            for article in articles:
                self.report.written_pks.append(article.pk)
                if article.wp_id is not None:
                    self.wp_ids[article.import_source, article.wp_id] = article.pk
            articles.clear()
            self.unsaved_wp_ids.clear()
            self.unsaved_slugs.clear()
        for model, columns in LINK_COLUMNS.items():
            if self.rows[model]:
                # Plain rows rather than model instances: a tenth of bulk_create's cost, and no signals either way.
                quote = connection.ops.quote_name
                sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) "
                       f"VALUES ({', '.join(['%s'] * len(columns))})")
                with connection.cursor() as cursor:
                    cursor.executemany(sql, [(article.pk, *rest) for article, *rest in self.rows[model]])
                self.rows[model].clear()
        if self.rows[LegacyURL]:
            LegacyURL.objects.bulk_create(self.rows[LegacyURL], batch_size=BATCH, ignore_conflicts=True)
            self.rows[LegacyURL].clear()

    def describe(self, outcome, article):
        """Field-by-field lines for --dry-run."""
        self.flush()
        if outcome == KEPT:
            return [f"would keep article “{article.title}” as it is: changed here since the last import"]
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
