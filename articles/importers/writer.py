"""Turning import records into articles: found or created, updated only when the source changed.

The writer puts together the parts of an import, each in its own module: finding the article a
record already is (existing.py), the authors, categories, series and entities it names (lookups.py),
its entity links (entity_links.py), and the rows held back and written a batch at a time (buffer.py).

An article changed here since its last import (its import digest no longer matches it) is kept
as it is unless the import overwrites; every article an import writes keeps a revision
"Imported from <site>" (history.py).
"""
from copy import copy

from articles import images
from articles.dates import date_problem
from articles.models import Article, ArticleAuthor, ArticleCategory
from articles.slugs import make_slug

from .buffer import BATCH, RowBuffer
from .entity_links import EntityLinks
from .existing import ARTICLE_SLUG_LENGTH, COMPARED_FIELDS, ExistingArticles, Known
from .history import save_revisions
from .lookups import Lookups
from .provenance import UNKNOWN_SOURCE, article_digest
from .records import SourceError, check_record_body
from .report import CREATED, KEPT, UNCHANGED, UPDATED, ImportReport, describe

__all__ = ["BATCH", "CREATED", "KEPT", "UNCHANGED", "UPDATED", "ArticleWriter", "ImportReport"]


def origin(record):
    return record.origin or record.source or "an import"


class ArticleWriter:
    """Creates and updates articles from PostRecords, reusing authors, categories and entities.

    Authors, categories and entities a WXR lists before its posts go through `lookups`. After the last
    batch, `announce()` tells the receivers which articles the import wrote.
    """

    def __init__(self, report, overwrite=False):
        self.report = report
        self.overwrite = overwrite  # replace articles changed here since their last import, too
        self.buffer = RowBuffer(on_inserted=self.stored)
        self.existing = ExistingArticles(self.buffer)
        self.entity_links = EntityLinks(self.buffer)
        self.lookups = Lookups(report, on_new_entity=self.entity_links.forget_gazetteer)

    def stored(self, article):
        self.report.written_pks.append(article.pk)
        self.existing.written(article)

    def write(self, record):
        """Create or update the article for `record`; returns (outcome, article)."""
        return self.write_batch([record])[0]

    def write_batch(self, records):
        """Create or update the article for each record, in order; returns [(outcome, article)].

        The existing articles and their links are read ahead for the lot, and the new links inserted
        together at the end, so a batch costs a handful of queries plus one write per changed article.
        """
        self.existing.read_ahead(records)
        results = []
        try:
            for record in records:
                results.append(self.write_one(record))
        except SourceError:
            self.buffer.flush()  # what the earlier records wrote stands, as it would have one by one
            raise
        finally:
            self.existing.forget_batch()
        self.buffer.flush()
        self.buffer.save_revisions()
        return results

    def announce(self):
        """After the last batch: send the one signal for everything the import wrote (buffer.py says why)."""
        self.buffer.announce(self.report.written_pks)

    def write_one(self, record):
        if problem := date_problem(record.published_at):
            raise SourceError(f"publication date {record.published_at:%Y-%m-%d}: {problem}", record.where)
        check_record_body(record)  # before save() sanitises it (html_limits says why)
        record.slug = make_slug(record.slug or record.title, "article", ARTICLE_SLUG_LENGTH)
        known = self.existing.find(record)
        outcome = CREATED if known is None else UPDATED
        if known is None:
            known = Known(Article(slug=self.new_slug(record.slug)))
        people, series = self.lookups.split_byline(record)
        # Two names can make one slug ("a/b" and "a-b"): each author and category once, in first-named order.
        authors = list(dict.fromkeys(self.lookups.author(a) for a in people))
        categories = list(dict.fromkeys(self.lookups.category(c) for c in record.categories))
        entities = list(dict.fromkeys(self.lookups.entity(t) for t in record.tags))
        if outcome == UPDATED and (left := self.leave(known, record, series, authors, categories, entities)):
            self.report.outcomes[left] += 1
            return left, known.article
        article, derived = known.article, self.apply(known, record, series, fresh=outcome == CREATED)
        self.set_links(known, authors, categories, entities, fresh=outcome == CREATED)
        if record.legacy_path and record.legacy_path != article.get_absolute_url():
            if self.existing.legacy_paths.claim(record.legacy_path):
                self.buffer.add_legacy_url(record.legacy_path, article)
        matched = self.entity_links.match(known, derived)
        article.import_digest = article_digest(derived, [a.pk for a in authors], [c.pk for c in categories],
                                               known.entity_ids | matched)
        if outcome == UPDATED:
            article.save(imported=True)  # not an edit here: modified_at is the source's (apply())
            self.stored(article)
        self.buffer.revise(article, f"Imported from {origin(record)}")
        self.report.outcomes[outcome] += 1
        return outcome, article

    def new_slug(self, slug):
        """The slug for a new article: the source's, unless another article (another site's post, or one
        written here) has it."""
        free = self.existing.free_slug(slug)
        if free != slug:
            self.report.renamed.append((slug, free))
        return free

    def leave(self, known, record, series, authors, categories, entities):
        """UNCHANGED or KEPT for an existing article the import leaves as it is; None to update it."""
        article = known.article
        if (series is None or article.series_id == series.pk) and self.existing.unchanged(
                known, record, [a.pk for a in authors], [c.pk for c in categories], [e.pk for e in entities]):
            return UNCHANGED
        changed_here = article.import_digest != article_digest(article, known.author_ids, known.category_ids,
                                                               known.entity_ids)
        if changed_here and not self.overwrite:
            self.report.kept.append(article.title)
            return KEPT
        if changed_here:  # what was changed here stays in the history, whatever saved it
            self.buffer.flush()
            save_revisions([article], [f"As changed here, before the import from {origin(record)} replaced it"])
        if article.import_source == UNKNOWN_SOURCE and record.wp_id is not None:
            self.report.claimed += 1
            self.existing.unknown_ids.pop(record.wp_id, None)
        return None

    def apply(self, known, record, series, fresh):
        """Set the record's fields on the article; returns the article as save() will store it."""
        article = known.article
        for name in COMPARED_FIELDS:
            setattr(article, name, getattr(record, name))
        article.excerpt_is_manual = bool(record.excerpt.strip())  # the source's own excerpt stays as written
        article.date_precision = record.date_precision
        article.set_source_modified(record.modified_at)
        if record.wp_id is not None:
            article.wp_id, article.import_source = record.wp_id, record.source
        if series is not None:  # a series an editor set stays when the source names none
            article.series = series
        if record.image and article.image.name != record.image:  # a lead picture the source has (page_html.py)
            article.image, article.image_alt = record.image, record.image_alt
        self.existing.slugs.add(article.slug)
        if fresh:  # inserted with the batch's other new articles, as save() would
            article.derive_fields()
            if article.image:
                images.ensure_renditions(article.image.name, article.image.storage)
            self.buffer.add_article(article)
            return article
        # The values save() will store, for entity matching and the digest: derived once, as save() does
        # (sanitising is not quite idempotent: a <pre> loses a leading newline each time).
        derived = copy(article)
        derived.derive_fields()
        return derived

    def set_links(self, known, authors, categories, entities, fresh):
        """Byline and categories as the source has them; the source's tags added as main subjects."""
        article = known.article
        if not fresh:
            article.author_links.all().delete()
            article.category_links.all().delete()
        self.buffer.add_links(ArticleAuthor, [(article, a.pk, n) for n, a in enumerate(authors)])
        self.buffer.add_links(ArticleCategory, [(article, c.pk, n) for n, c in enumerate(categories)])
        self.entity_links.tag(known, entities)

    def describe(self, outcome, article):
        """Field-by-field lines for --dry-run."""
        self.buffer.flush()
        return describe(outcome, article, self.lookups.is_new)
