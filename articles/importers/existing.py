"""Finding the article an import record already is, and whether the record would change it.

An article is the same article when it has the same source and WordPress post id (provenance.py),
or else the same slug (or a numbered variant of it) and the same publication date and no post id
of another source. A batch's existing articles are read ahead with their links, in a few queries.
"""
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from articles.models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, LegacyURL, RejectedSuggestion
from articles.slugs import make_slug

from .provenance import UNKNOWN_SOURCE

ARTICLE_SLUG_LENGTH = 280  # Article.slug's 300, less room for a "-2" when the slug is taken
COMPARED_FIELDS = ("title", "status", "published_at", "body", "excerpt", "author_note", "image_credit")


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


class ExistingArticles:
    """The archive's articles as an import finds them: keys and slugs read once, a batch's articles read ahead.

    `buffer` (a RowBuffer) is flushed before a query that must see the rows it still holds.
    """

    def __init__(self, buffer):
        self.buffer = buffer
        self.wp_ids = self.slugs = None  # {(source, post id): pk}, {slug}
        self.unknown_ids = None  # {post id: pk} of the articles imported before sources were recorded
        self.known = {}  # pk -> Known, for the batch being written
        self.known_slugs = {}  # slug -> pk of the articles read ahead
        self.legacy_paths = LegacyPaths()

    def load_keys(self):
        """Existing (source, post id) keys and slugs, read once, so that most lookups need no query."""
        if self.wp_ids is None:
            self.wp_ids, self.unknown_ids = {}, {}
            for source, wp_id, pk in Article.objects.filter(wp_id__isnull=False).values_list(
                    "import_source", "wp_id", "pk"):
                self.wp_ids[source, wp_id] = pk
                if source == UNKNOWN_SOURCE:
                    self.unknown_ids[wp_id] = pk
            self.slugs = set(Article.objects.values_list("slug", flat=True))

    def written(self, article):
        """`article` is stored now (its slug was taken already): it is found by its post id from here on."""
        if article.wp_id is not None:
            self.wp_ids[article.import_source, article.wp_id] = article.pk

    def slug_variants(self, slug):
        """`slug`, `slug-2`, `slug-3`… as far as they are taken."""
        variants, n = [], 1
        while (candidate := slug if n == 1 else f"{slug}-{n}") in self.slugs:
            variants.append(candidate)
            n += 1
        return variants

    def free_slug(self, slug):
        """`slug`, or the next numbered variant when another article has it."""
        return f"{slug}-{len(self.slug_variants(slug)) + 1}" if slug in self.slugs else slug

    def read_ahead(self, records):
        """Read the articles these records already are, with their links: five queries for a batch."""
        self.load_keys()
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

    def forget_batch(self):
        self.known.clear()
        self.known_slugs.clear()

    def take_known(self, pk):
        """The Known for article `pk`, read now if it was not read ahead (or was already written)."""
        if pk not in self.known:
            self.buffer.flush()  # the rows still to insert first: the queries must see them
            self.load_known(Article.objects.filter(pk=pk))
        entry = self.known.pop(pk)
        self.known_slugs.pop(entry.article.slug, None)
        return entry

    def find(self, record):
        """The Known for the article this record already is: same source and WordPress id, or an article
        imported before sources were recorded with that post id and permalink, or same slug (or slug-N) and date."""
        self.load_keys()
        key = (record.source, record.wp_id)
        if self.buffer.holds(key, {record.slug, *self.slug_variants(record.slug)}):
            self.buffer.flush()  # a new article of this batch: it has an id once inserted
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
            self.buffer.flush()
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

    def unchanged(self, known, record, author_ids, category_ids, entity_ids):
        """Would writing `record` change nothing? Fields compared after the model's own derivations."""
        article = known.article
        # the slug too: it names the body's anchors ("<slug>__fn1")
        candidate = Article(slug=article.slug, **{name: getattr(record, name) for name in COMPARED_FIELDS})
        candidate.derive_fields()
        if any(getattr(candidate, name) != getattr(article, name) for name in COMPARED_FIELDS):
            return False
        if article.date_precision != record.date_precision:
            return False
        if record.wp_id is not None and (article.wp_id, article.import_source) != (record.wp_id, record.source):
            return False
        if record.image and article.image.name != record.image:
            return False
        return (known.author_ids == author_ids and known.category_ids == category_ids
                and set(entity_ids) <= known.entity_ids
                and self.has_legacy_path(article, record.legacy_path))

    def has_legacy_path(self, article, path):
        """Does `path` already lead to the article? The writer stores no redirect for the article's own
        address (a page imported from keia.org/the-peninsula/<its slug>/), so that one counts as kept."""
        return not path or path == article.get_absolute_url() or self.legacy_paths.has(path)


class LegacyPaths:
    """Every article's old permalinks (LegacyURL paths), read once an import needs them."""

    def __init__(self):
        self.paths = None

    def load(self):
        if self.paths is None:
            self.paths = set(LegacyURL.objects.values_list("path", flat=True))
        return self.paths

    def has(self, path):
        return path in self.load() or LegacyURL.objects.filter(path=path).exists()

    def claim(self, path):
        """Whether no article has this old permalink yet; from now on, one has."""
        if path in self.load():
            return False
        self.paths.add(path)
        return True
