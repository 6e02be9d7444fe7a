"""The rows an import writes, held back and inserted together: a statement (or a few) per table a batch.

New articles go in with one `bulk_create`, then their bylines, categories and entity links with one
`bulk_create` per link table (the articles must have ids first), then legacy URLs; the batch's revisions
follow (history.py). This is the importers' one bulk path for link rows: `bulk_create` sends neither
post_save nor taggit's m2m_changed, so `announce()` sends `articles_bulk_created` for every article an
import wrote, once, which receivers.py handles as `links_changed` would each article's links.
"""
from articles.models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, LegacyURL
from articles.signals import articles_bulk_created

from .history import save_revisions

BATCH = 500  # posts an import reads ahead: their articles and links are read, and their new links written, together
# A link row as the writer holds it, (article, other id, position[, is_main]): the fields it fills.
LINK_FIELDS = {ArticleAuthor: ("article_id", "author_id", "position"),
               ArticleCategory: ("article_id", "category_id", "position"),
               ArticleEntity: ("content_object_id", "tag_id", "position", "is_main")}


class RowBuffer:
    """New articles, link rows, legacy URLs and revisions waiting for flush()."""

    def __init__(self, on_inserted):
        self.on_inserted = on_inserted  # called with each new article once it has an id
        self.articles, self.legacy_urls = [], []
        self.links = {model: [] for model in LINK_FIELDS}
        self.unsaved_wp_ids, self.unsaved_slugs = set(), set()  # of the new articles not inserted yet
        self.revised = []  # (article, comment) for the revisions of what the batch wrote

    def add_article(self, article):
        """A new article, inserted with the batch's others (its fields derived, as save() would)."""
        self.articles.append(article)
        self.unsaved_slugs.add(article.slug)
        if article.wp_id is not None:
            self.unsaved_wp_ids.add((article.import_source, article.wp_id))

    def add_links(self, model, rows):
        """Link rows of `model` (a LINK_FIELDS key) as (article, other id, position[, is_main]) tuples."""
        self.links[model] += rows

    def add_legacy_url(self, path, article):
        self.legacy_urls.append(LegacyURL(path=path, article=article))

    def holds(self, wp_key, slugs):
        """Is an article this batch made but has not inserted yet known by (source, post id) `wp_key`,
        or by one of `slugs`?"""
        return wp_key in self.unsaved_wp_ids or bool(self.unsaved_slugs and self.unsaved_slugs & slugs)

    def revise(self, article, comment):
        self.revised.append((article, comment))

    def flush(self):
        """Insert the new articles and the rows written so far, one statement (or a few) per table."""
        if self.articles:
            Article.objects.bulk_create(self.articles, batch_size=BATCH)  # sets their ids, so the links have them
            for article in self.articles:
                self.on_inserted(article)
            self.articles.clear()
            self.unsaved_wp_ids.clear()
            self.unsaved_slugs.clear()
        for model, fields in LINK_FIELDS.items():
            if rows := self.links[model]:
                model.objects.bulk_create([model(**dict(zip(fields, (article.pk, *rest)))) for article, *rest in rows],
                                          batch_size=BATCH)
                rows.clear()
        if self.legacy_urls:
            LegacyURL.objects.bulk_create(self.legacy_urls, batch_size=BATCH, ignore_conflicts=True)
            self.legacy_urls.clear()

    def save_revisions(self):
        """The revisions of the articles this batch wrote, each article once (as last written)."""
        latest = {}
        for article, comment in self.revised:
            latest[article.pk] = (article, comment)
        self.revised.clear()
        save_revisions([article for article, _ in latest.values()], [comment for _, comment in latest.values()])

    @staticmethod
    def announce(pks):
        """Tell the receivers (search index, page cache) which articles the import wrote, rows and links."""
        if pks:
            articles_bulk_created.send(sender=Article, pks=pks)
