"""The archive's content: articles and the people, categories, series and entities around them."""
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q, Subquery
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from taggit.managers import TaggableManager
from taggit.models import ItemBase, NaturalKeyManager, TagBase
from taggit.models import NaturalKeyModel as TaggitNaturalKeyModel

from .anchors import add_anchors, anchor_prefix, table_of_contents
from .dates import validate_publication_date
from .entity_tags import EntityTaggableManager
from .html import (
    drop_unprintable, drop_unprintable_fields, html_to_text, make_excerpt, pictures_without_alt, sanitize_html,
)
from .names import entity_key
from .slug_urls import slug_url
from .slugs import make_slug
from .validators import validate_aliases, validate_demonyms, validate_link_url, validate_offices
from . import images


class NaturalKeyModel(TaggitNaturalKeyModel):
    """A row that fixtures name by the values of its `natural_key_fields`, never by primary key.

    Fields may reach across relations ("article__slug"); taggit's NaturalKeyManager, every
    model's manager here, finds the row again from the same fields.
    """

    natural_key_fields = ("slug",)
    objects = NaturalKeyManager()

    class Meta:
        abstract = True

    def natural_key(self):
        return tuple(attrgetter(field.replace("__", "."))(self) for field in self.natural_key_fields)

    def clean_fields(self, exclude=None):
        # save() drops unprintable characters; dropped before the checks, a name of only U+FFFF is blank
        # (a form error) rather than an empty name saved, whose empty key or slug then collides.
        drop_unprintable_fields(self)
        super().clean_fields(exclude)


class ParentQuerySet(models.QuerySet):
    """Rows that list articles (authors, categories, series, entities) and which of them the public sees."""

    def with_public_articles(self):
        """Only rows with at least one published() article: the others' pages, feeds and names stay private."""
        return self.filter(pk__in=Article.objects.published().values(self.model.articles_lookup))

    def named_for(self, user):
        """The rows whose names `user` may read in the admin (lists, filters, autocomplete): editors all of
        them; anyone else the rows no article uses yet, and those of an article they may see (a public one
        or their own). A name used only by others' drafts stays private."""
        if user.is_active and user.has_perm("articles.publish_article"):
            return self
        lookup = self.model.articles_lookup
        used = Article.objects.filter(**{f"{lookup}__isnull": False}).values(lookup)
        return self.filter(Q(pk__in=Article.objects.visible_to(user).values(lookup)) | ~Q(pk__in=used))


class SlugModel(NaturalKeyModel):
    objects = NaturalKeyManager.from_queryset(ParentQuerySet)()

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        drop_unprintable_fields(self)
        super().save(*args, **kwargs)


class Author(SlugModel):
    articles_lookup = "authors"  # how ArticleQuerySet.of_parent() reaches an author's articles

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    bio = models.TextField(blank=True)
    affiliation = models.CharField(max_length=300, blank=True, help_text="Title and organisation, e.g. “Intern, KEI”.")
    photo = models.ImageField(upload_to="authors/", blank=True)
    website = models.URLField(blank=True, validators=[validate_link_url])
    entity = models.OneToOneField(
        "Entity", null=True, blank=True, on_delete=models.SET_NULL, related_name="author",
        help_text="The person entity this author also is, so “by” and “about” meet.",
    )

    class Meta:
        ordering = ["name"]

    def get_absolute_url(self):
        return slug_url("articles:author", self.slug)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.photo:  # its renditions and size, so article pages never open the file
            images.measure_picture(self.photo.name, self.photo.storage)

    @property
    def picture(self):
        """<img> attributes of the photo at its size beside an article, or None (no photo, or none stored).
        Its size comes from the cache (no query), so a page shows any number of authors at one cost."""
        if not self.photo:
            return None
        return images.stored_picture_attrs(self.photo.name, images.AUTHOR_PHOTO_SIZES, self.photo.storage)


class Category(SlugModel):
    articles_lookup = "categories"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def get_absolute_url(self):
        return slug_url("articles:category", self.slug)


class Series(SlugModel):
    articles_lookup = "series"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "series"

    def get_absolute_url(self):
        return slug_url("articles:series", self.slug)


class EntityKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organisation"
    PLACE = "place", "Place"
    TOPIC = "topic", "Topic"


class EntityQuerySet(ParentQuerySet):
    def with_article_counts(self):
        """Annotate `article_count`: published articles linked to each entity."""
        published = Article.objects.published().values("pk")
        return self.annotate(
            article_count=models.Count(
                "article_links", filter=Q(article_links__content_object__in=published), distinct=True
            )
        )

    def co_mentioned_with(self, entity, articles):
        """Entities tagged on the same `articles` as `entity`, most often alongside first (`shared`)."""
        return (self.filter(article_links__content_object__in=articles.of_parent(entity).values("pk"))
                .exclude(pk=entity.pk).annotate(shared=models.Count("article_links"))
                .order_by("-shared", "name"))


class EntityManager(NaturalKeyManager.from_queryset(EntityQuerySet)):
    pass


class Entity(NaturalKeyModel, TagBase):
    """A tag that knows what it names: a person, organisation, place or topic."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    kind = models.CharField(max_length=20, choices=EntityKind.choices, default=EntityKind.TOPIC)
    disambiguator = models.CharField(max_length=100, blank=True, help_text="Short note where names collide, e.g. “US state”.")
    key = models.CharField(max_length=320, unique=True, editable=False, help_text="Normalised name + disambiguator.")
    aliases = models.JSONField(default=list, blank=True, validators=[validate_aliases],
                               help_text="Other spellings and metonyms, e.g. “Pyongyang”.")
    demonyms = models.JSONField(default=list, blank=True, validators=[validate_demonyms],
                                help_text="Adjectives naming a place, e.g. “South Korean”: a mention, never a main subject.")
    offices = models.JSONField(
        default=list, blank=True, validators=[validate_offices],
        help_text="Offices a person held: [{“office”: “President of South Korea”, “titles”: [“President”], "
                  "“surname”: “Moon”, “start”: “2017-05-10”, “end”: “2022-05-09”}] (end empty while in office).")
    description = models.TextField(blank=True)
    wikidata_id = models.CharField("Wikidata QID", max_length=20, blank=True)

    articles_lookup = "entity_links__tag"
    natural_key_fields = ("slug",)  # taggit's TagBase names tags by name; entity names may repeat
    objects = EntityManager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "entities"
        constraints = [models.UniqueConstraint(
            fields=["kind", "name"], name="unique_entity_name_per_kind",
            violation_error_message="An entity of this kind with this name already exists: merge them, or "
                                    "name this one apart.")]

    def __str__(self):
        # The name alone, as taggit expects of a tag (names(), and strings given to add() and remove()).
        return self.name

    @property
    def label(self):
        """The name with its kind and disambiguator, wherever an editor picks one "Georgia" of several
        (autocomplete, select widgets, the merge page, revision diffs)."""
        detail = ", ".join(filter(None, [self.get_kind_display().lower(), self.disambiguator]))
        return f"{self.name} ({detail})"

    def save(self, *args, **kwargs):
        validate_aliases(self.aliases)  # before the row is written, whichever way it came (form, import, shell)
        drop_unprintable_fields(self)
        self.aliases = [drop_unprintable(alias) for alias in self.aliases]
        self.key = self.compute_key()
        super().save(*args, **kwargs)

    def compute_key(self):
        return entity_key(self.name, self.disambiguator)

    def slugify(self, tag, i=None):
        slug = make_slug(tag, "entity", max_length=190)
        return f"{slug}-{i}" if i else slug

    def get_absolute_url(self):
        return slug_url("articles:tag", self.slug)


def published_q(prefix=""):
    """The one definition of public as a Q object; `prefix` reaches it across a relation ("content_object__")."""
    return Q(**{f"{prefix}status": Article.Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """The one definition of public: published, and its time has come."""
        return self.filter(published_q())

    def in_review(self):
        """Submitted and waiting for an editor."""
        return self.filter(status=Article.Status.REVIEW)

    def scheduled(self):
        """Published with a date still to come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def unpublished(self):
        """Everything published() leaves out (drafts, reviews, scheduled): search counts by difference."""
        return self.exclude(published_q())

    def publication_summary(self):
        """{"public": how many are public, "latest": the newest public published_at, "upcoming": the
        next scheduled one}, in one query."""
        now = timezone.now()
        return self.filter(status=Article.Status.PUBLISHED).aggregate(
            public=models.Count("pk", filter=Q(published_at__lte=now)),
            latest=models.Max("published_at", filter=Q(published_at__lte=now)),
            upcoming=models.Min("published_at", filter=Q(published_at__gt=now)),
        )

    def visible_to(self, user):
        """Editors see everything and contributors their own articles too (previews); others see published()."""
        if user.is_authenticated and user.is_staff:
            if user.has_perm("articles.publish_article"):
                return self.all()
            return self.filter(Q(pk__in=self.published().values("pk")) | Q(created_by=user))
        return self.published()

    def with_byline(self):
        """Authors and categories prefetched in each article's order (the links' position, then the order
        they were added in), not in the authors' and categories' own alphabetical order."""
        return self.prefetch_related(
            Prefetch("authors", queryset=Author.objects.order_by("article_authors__position", "article_authors__pk")),
            Prefetch("categories",
                     queryset=Category.objects.order_by("article_categories__position", "article_categories__pk")),
        )

    def for_cards(self):
        """Prefetch what a listing card shows, so a list costs a fixed number of queries."""
        return self.select_related("series").with_byline()

    def for_search_cards(self):
        """Only the columns a search result card shows: the body and its text are most of an article's
        row. Its authors and categories come apart, in one query (pages.search_cards.card_links())."""
        return self.select_related("series").only(
            "title", "slug", "published_at", "date_precision", "excerpt", "series__name", "series__slug")

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def of_parent(self, parent):
        """The articles of a category, entity, author or series: its page, its feeds, its counts."""
        return self.filter(**{parent.articles_lookup: parent})

    def neighbours(self, article, parent):
        """(previous, next): the articles of `parent` just before and just after `article` in publication
        order (ties by id), or None; one query. Call it on published()."""
        if article.published_at is None:
            return None, None
        at, siblings = article.published_at, self.of_parent(parent).order_by()
        earlier = siblings.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=article.pk))
        later = siblings.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=article.pk))
        rows = self.filter(Q(pk=Subquery(earlier.order_by("-published_at", "-pk").values("pk")[:1]))
                           | Q(pk=Subquery(later.order_by("published_at", "pk").values("pk")[:1])))
        found = {(row.published_at, row.pk) < (at, article.pk): row
                 for row in rows.only("title", "slug", "published_at").order_by()}
        return found.get(True), found.get(False)

    def count_by_year(self):
        """{year: number of articles}."""
        rows = (self.annotate(year=ExtractYear("published_at")).order_by().values("year")
                .annotate(n=models.Count("pk")).values_list("year", "n"))
        return {year: n for year, n in rows if year is not None}

    def count_by_month(self):
        """{(year, month): number of articles}, months in the site's time zone, as the archives count them."""
        rows = (self.annotate(month=TruncMonth("published_at")).order_by().values("month")
                .annotate(n=models.Count("pk")).values_list("month", "n"))
        return {(month.year, month.month): n for month, n in rows if month is not None}

    def matching_words(self, query):
        """Articles whose title or text contains every word of `query` (case-insensitive)."""
        queryset = self
        for word in query.split()[:20]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(body_text__icontains=word))
        return queryset


WORDS_PER_MINUTE = 230  # an adult's silent reading of non-fiction


class ArticleManager(NaturalKeyManager.from_queryset(ArticleQuerySet)):
    pass


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month only"


class Article(NaturalKeyModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        REVIEW = "review", "In review"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=300, unique=True, allow_unicode=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True, validators=[validate_publication_date],
                                        help_text="A future date schedules the article.")
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY,
        help_text="How much of the publication date is known: a month only (from an old /YYYY/MM/ address) "
                  "shows as “April 2020”.")
    excerpt = models.TextField(blank=True, help_text="Plain-text card summary; derived from the body when empty.")
    excerpt_is_manual = models.BooleanField(
        default=False, editable=False,
        help_text="Written by hand (an editor, an importer's source): kept as it is. Otherwise derived from the "
                  "body's opening words, and it follows the body when that changes.")
    body = models.TextField(blank=True, help_text="HTML; sanitised on save.")
    body_text = models.TextField(blank=True, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    # The lead picture and body <img>s without alt text, derived on save: the admin lists them for editors.
    pictures_without_alt = models.PositiveIntegerField(default=0, editable=False)
    author_note = models.TextField(blank=True, help_text="The author's bio at the time of writing and any disclaimer.")
    image = models.ImageField(upload_to="articles/%Y/%m/", blank=True, width_field="image_width",
                              height_field="image_height",
                              help_text="The lead picture; resized copies for phones and screens are made on save.")
    image_alt = models.CharField("alt text", max_length=300, blank=True,
                                 help_text="What the picture shows, for readers who cannot see it. Required with a picture.")
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_credit = models.CharField(max_length=500, blank=True, help_text="The credit line as shown, e.g. “Photo from …”.")
    image_credit_url = models.URLField(blank=True, validators=[validate_link_url])
    image_licence = models.CharField(max_length=200, blank=True)
    authors = models.ManyToManyField(Author, through="ArticleAuthor", blank=True, related_name="articles")
    categories = models.ManyToManyField(Category, through="ArticleCategory", blank=True, related_name="articles")
    series = models.ForeignKey(Series, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    entities = TaggableManager(through="ArticleEntity", blank=True, related_name="articles",
                                manager=EntityTaggableManager)
    wp_id = models.PositiveBigIntegerField("WordPress post id", null=True, blank=True)
    # An imported post is known by (import_source, wp_id); see articles/importers/provenance.py.
    import_source = models.CharField("imported from", max_length=300, blank=True, default="", editable=False,
                                     help_text="The site of the WordPress export it came from, e.g. example.org.")
    import_digest = models.CharField(max_length=64, blank=True, default="", editable=False,
                                     help_text="A hash of what the last import wrote: a different one now means "
                                               "the article was changed here since.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    # What readers and crawlers are told (JSON-LD dateModified, sitemap lastmod, Atom <updated>): the
    # later of the source's own modified date and the last real edit here. An import is not an edit.
    source_modified_at = models.DateTimeField(
        null=True, blank=True, editable=False,
        help_text="When the source (a WordPress export's post_modified_gmt) last changed the post.")
    modified_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True,
                                       help_text="When the content last changed: at the source or edited here.")
    # The review desk: who last submitted the article and when, and the editor's note on returning it.
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    review_note = models.TextField(blank=True, editable=False,
                                   help_text="What the editor asked the author to change when returning it.")

    objects = ArticleManager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"])]
        constraints = [models.UniqueConstraint(
            fields=["import_source", "wp_id"], name="unique_import_source_post",
            violation_error_message="An article imported from this source with this WordPress post id (wp_id) already exists.")]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_url("articles:article_detail", self.slug)

    def validate_constraints(self, exclude=None):
        # The admin form edits wp_id but not import_source: a post id typed there must still be free in its source.
        super().validate_constraints(exclude=set(exclude or ()) - {"import_source"})

    def save(self, *args, imported=False, **kwargs):
        """`imported`: written by an importer, which sets `modified_at` from the source; any other save is an
        edit here (a save that names `update_fields` without "modified_at" leaves it as it is)."""
        self.derive_fields()
        if not imported:
            self.modified_at = timezone.now()
        super().save(*args, **kwargs)
        if self.image:
            images.ensure_renditions(self.image.name, self.image.storage)

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the picture: readers who cannot see it hear this text."})

    @property
    def lead_picture(self):
        """<img> attributes of the lead picture (src, srcset, sizes, width, height), or None."""
        if not self.image or not self.image_width:
            return None
        return images.picture_attrs(self.image.name, self.image_width, self.image_height, storage=self.image.storage)

    def derive_fields(self):
        """Sanitise the body, size its stored pictures, and compute its text, excerpt and word count."""
        drop_unprintable_fields(self)
        previous = make_excerpt(self.body_text)  # what the body as last saved derived
        prefix = anchor_prefix(self.slug)
        self.body = images.size_body_pictures(add_anchors(sanitize_html(self.body, id_prefix=prefix), prefix))
        self.body_text = html_to_text(self.body)
        self.word_count = len(self.body_text.split())
        self.pictures_without_alt = pictures_without_alt(self.body) + bool(self.image and not self.image_alt.strip())
        derived = make_excerpt(self.body_text)
        excerpt = self.excerpt.strip()
        if not excerpt:
            self.excerpt_is_manual = False
        elif not self.excerpt_is_manual and excerpt not in (previous, derived):
            self.excerpt_is_manual = True  # set by hand (a shell, an importer, a fixture), not derived
        if not self.excerpt_is_manual:
            self.excerpt = derived  # follows the body until someone writes one

    def set_source_modified(self, when):
        """An import's dates: the source's modified date (or None), and `modified_at` the latest of it, the
        last change here and the publication date."""
        self.source_modified_at = when
        kept = self.modified_at if self.pk else None  # a later edit here, or an earlier import's date
        # Never before publication (WordPress dates a scheduled post's last edit before it goes out).
        self.modified_at = max(filter(None, [when, kept, self.published_at]), default=None)

    @property
    def last_modified(self):
        """When the content last changed (dateModified, lastmod, Atom <updated>)."""
        return self.modified_at or self.published_at or self.updated_at

    @property
    def published_label(self):
        """The publication date as readers see it: "April 1, 2020", or "April 2020" when only the month is known."""
        if not self.published_at:
            return ""
        return date_format(timezone.localtime(self.published_at),
                           "F Y" if self.date_precision == DatePrecision.MONTH else "F j, Y")

    @property
    def published_iso(self):
        """A <time datetime> / JSON-LD value of the same precision: "2020-04" for a month-only date."""
        if not self.published_at:
            return ""
        local = timezone.localtime(self.published_at).replace(microsecond=0)
        return local.strftime("%Y-%m") if self.date_precision == DatePrecision.MONTH else local.isoformat()

    @property
    def reading_minutes(self):
        """Minutes to read the body at WORDS_PER_MINUTE, at least one (from the word count kept on save)."""
        return max(1, round(self.word_count / WORDS_PER_MINUTE))

    @property
    def table_of_contents(self):
        """The body's h2/h3 headings [Heading(level, id, text)] when it has three or more, else []."""
        return table_of_contents(self.body)

    @property
    def is_public(self):
        return (self.status == self.Status.PUBLISHED and self.published_at is not None
                and self.published_at <= timezone.now())

    @property
    def is_scheduled(self):
        return (self.status == self.Status.PUBLISHED and self.published_at is not None
                and self.published_at > timezone.now())

    @property
    def primary_category(self):
        categories = list(self.categories.all())
        return categories[0] if categories else None


class ArticleAuthor(NaturalKeyModel):
    """An author's place in an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="article_authors")
    position = models.PositiveSmallIntegerField(default=0)

    natural_key_fields = ("article__slug", "author__slug")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="unique_article_author")]

    def __str__(self):
        return f"{self.author} on {self.article}"


class ArticleCategory(NaturalKeyModel):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="category_links")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="article_categories")
    position = models.PositiveSmallIntegerField(default=0)

    natural_key_fields = ("article__slug", "category__slug")

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "article categories"
        constraints = [models.UniqueConstraint(fields=["article", "category"], name="unique_article_category")]

    def __str__(self):
        return f"{self.category} on {self.article}"


class ArticleEntityQuerySet(models.QuerySet):
    def public(self):
        """Links to published articles, joined (not a subquery) so the tag index leads."""
        return self.filter(published_q("content_object__"))


class ArticleEntity(NaturalKeyModel, ItemBase):
    """The taggit through model: a real foreign key to Article, its order and its weight.

    Built on taggit's ItemBase, so `article.entities.add/set/remove/clear/names()` work.
    """

    content_object = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="entity_links")
    tag = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="article_links")
    position = models.PositiveSmallIntegerField(default=0)
    is_main = models.BooleanField("main subject", default=False,
                                  help_text="A main subject of the article rather than a passing mention.")

    natural_key_fields = ("content_object__slug", "tag__slug")
    objects = NaturalKeyManager.from_queryset(ArticleEntityQuerySet)()

    class Meta:
        ordering = ["-is_main", "position", "pk"]
        verbose_name = "article entity"
        verbose_name_plural = "article entities"
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_entity")]

    @property
    def article(self):
        return self.content_object

    def __str__(self):
        return f"{self.tag.label} on {self.content_object}"


class RelatedLink(NaturalKeyModel):
    """An editor-picked link shown under an article, internal or external."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_links")
    title = models.CharField(max_length=300)
    url = models.CharField("URL", max_length=500, validators=[validate_link_url],
                           help_text="A full URL (http or https) or a path on this site.")
    position = models.PositiveSmallIntegerField(default=0)

    natural_key_fields = ("article__slug", "url")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["article", "url"], name="unique_related_link")]

    def __str__(self):
        return self.title


class LegacyURL(NaturalKeyModel):
    """An old path (earlier slug, WordPress permalink) that answers 301 to its article."""

    path = models.CharField(max_length=500, unique=True, help_text="Path only, starting with “/”.")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="legacy_urls")

    natural_key_fields = ("path",)

    class Meta:
        verbose_name = "legacy URL"

    def __str__(self):
        return self.path


class EntityRedirect(NaturalKeyModel):
    """An old entity slug (after a merge or rename) that answers 301 to the surviving entity."""

    old_slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    natural_key_fields = ("old_slug",)

    def __str__(self):
        return f"{self.old_slug} → {self.entity.slug}"


class EntityMerge(NaturalKeyModel):
    """One entity folded into another, with what the merge moved and added, so that it can be undone:
    the merged entity comes back under its own id and slug, its article links and redirects return to
    it, and the survivor loses only the names, offices and facts the merge gave it."""

    survivor = models.ForeignKey(Entity, null=True, on_delete=models.SET_NULL, related_name="merges_into")
    merged_slug = models.SlugField(max_length=200, allow_unicode=True)
    merged_name = models.CharField(max_length=200)
    merged = models.JSONField(help_text="The merged entity's fields, its id included.")
    added = models.JSONField(default=dict, help_text="What the survivor gained: aliases, demonyms, offices, facts.")
    links = models.JSONField(default=list, help_text="The merged entity's article links: id, article, position, "
                                                     "main subject, and whether it moved or was a duplicate.")
    promoted = models.JSONField(default=list, help_text="The survivor's links made main subjects by the merge.")
    redirects = models.JSONField(default=list, help_text="Ids of the merged entity's redirects, now the survivor's.")
    authors = models.JSONField(default=list, help_text="Ids of the authors who were the merged entity.")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    natural_key_fields = ("merged_slug", "created_at")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"“{self.merged_name}” merged into “{self.survivor.name if self.survivor else '(deleted)'}”"


class RejectedSuggestion(NaturalKeyModel):
    """An entity suggestion an editor turned down for one article; never offered there again."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="rejected_suggestions")
    key = models.CharField(max_length=320, help_text="name_key() of the suggested name.")
    name = models.CharField(max_length=300)
    rejected_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    natural_key_fields = ("article__slug", "key")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "key"], name="unique_rejected_suggestion")]

    def __str__(self):
        return f"{self.name} rejected on {self.article}"


class UnsentEmail(NaturalKeyModel):
    """A review-desk email about an article that could not be sent (editorial/review_mail.py): the desk shows
    it until a later email about the article goes out. A row of its own, not a column of Article's, so
    it never touches the article (nor its revisions, nor an import's batches)."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="unsent_email")
    subject = models.CharField(max_length=300)
    recipients = models.PositiveIntegerField()
    failed_at = models.DateTimeField(default=timezone.now)

    natural_key_fields = ("article__slug",)

    def __str__(self):
        return f"Not emailed to {self.recipients} recipient{'s' if self.recipients != 1 else ''}: “{self.subject}”"


class Proposal(NaturalKeyModel):
    """A byline or an entity a contributor asks for on their article; an editor approves (the author or
    entity is created and put on the article) or declines it. Contributors cannot create either."""

    class Kind(models.TextChoices):
        AUTHOR = "author", "Author"
        ENTITY = "entity", "Entity"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="proposals")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=200)
    entity_kind = models.CharField(max_length=20, choices=EntityKind.choices, blank=True,
                                   help_text="For an entity: what it names.")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    natural_key_fields = ("article__slug", "kind", "name")

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["article", "kind", "name"], name="unique_proposal")]

    def __str__(self):
        return f"{self.get_kind_display()} “{self.name}” for {self.article}"



class DraftAutosave(NaturalKeyModel):
    """The latest unsaved form one user had open on an article, posted by the editor every few seconds,
    so a closed tab or a crash loses nothing: the change form offers to recover it. Title and body have
    columns (the body sanitised); `fields` holds every other input of the form as posted (byline rows
    and their order, categories, series, entities, links, picture text, dates) and `labels` what its
    pickers showed, so a recovered picker shows names, not ids. Forgotten when that user saves the article."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="autosaves")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True, help_text="HTML; sanitised on save.")
    fields = models.JSONField(default=dict, blank=True, help_text="The form's other inputs: name -> value.")
    labels = models.JSONField(default=dict, blank=True, help_text="The pickers' shown names: input name -> label.")
    saved_at = models.DateTimeField(default=timezone.now)

    natural_key_fields = ("article__slug", "user__username")

    class Meta:
        ordering = ["-saved_at"]
        constraints = [models.UniqueConstraint(fields=["article", "user"], name="unique_draft_autosave")]

    def __str__(self):
        return f"Autosave of {self.article} by {self.user}"

    def save(self, *args, **kwargs):
        self.title = drop_unprintable(self.title)
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def differs_from(self, article):
        """Whether recovering it would change what the article holds (blanks between tags aside)."""
        squeeze = (lambda html: " ".join(str(html or "").split()).replace("> <", "><"))
        # The editor posts the whole form only once it differs from the page as opened.
        return bool(self.fields) or self.title != article.title or squeeze(self.body) != squeeze(article.body)

    def recovery(self):
        """What the change form puts back: every input's value (the sanitised title and body) and labels."""
        return {"values": {**self.fields, "title": self.title, "body": self.body}, "labels": self.labels}

# Every saved article keeps a revision (django-reversion) that also holds its byline, category,
# entity, link and legacy-URL rows, so history, diffs and restores cover them (articles/revisions.py).
import reversion  # noqa: E402

for _part in (ArticleAuthor, ArticleCategory, ArticleEntity, RelatedLink, LegacyURL):
    reversion.register(_part)
reversion.register(Article, follow=["author_links", "category_links", "entity_links", "related_links", "legacy_urls"])


from .follows.models import Follow, FollowDelivery  # noqa: E402,F401  follow by email (articles/follows/)
