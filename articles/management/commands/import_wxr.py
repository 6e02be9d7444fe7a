"""python manage.py import_wxr FILE [--dry-run] [--overwrite] [--no-copy-images]"""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles.importers.picture_copies import PictureCopies, copies_wanted, copy_option
from articles.importers.pictures import Attachments
from articles.importers.valid_body import valid_body
from articles.importers.records import AuthorRecord, CategoryRecord, PostRecord, SourceError, TagRecord
from articles.importers.sources import check_source_path
from articles.importers.writer import BATCH, UNCHANGED, ArticleWriter, ImportReport
from articles.importers.wxr import WxrReader

PROGRESS_FROM_BYTES = 1_000_000


class Command(BaseCommand):
    help = ("Import a WordPress export (WXR 1.0-1.2): posts become articles, authors authors, categories "
            "categories, tags entities; attachments give the posts' pictures without alt text theirs. Pages, attachments "
            "and menu items are counted, not imported. Reachable pictures are copied into storage. The whole "
            "file is one transaction; running it again changes nothing; a changed post updates its article "
            "(matched by the export's site and the post id), unless the article was changed here since its "
            "last import: that one is kept and named (--overwrite replaces it). Every article written keeps a "
            "revision \"Imported from <site>\". Draft, pending and private posts never come in published.")

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--dry-run", action="store_true", help="print what would be written, field by field")
        parser.add_argument("--overwrite", action="store_true",
                            help="replace articles changed here since their last import too (a revision keeps "
                                 "what they held)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        copy_option(parser, "the posts' external pictures")

    def handle(self, file, dry_run, no_progress, copy_images=None, overwrite=False, **options):
        self.overwrite = overwrite
        self.pictures = PictureCopies() if copies_wanted(copy_images, dry_run) else None
        try:
            source = check_source_path(file)
            self.attachments = self.read_attachments(source)
        except SourceError as error:
            raise CommandError(f"{file}: {error}") from error
        report = ImportReport()
        size = source.stat().st_size
        progress = tqdm(total=size, unit="B", unit_scale=True, desc="import_wxr", file=self.stderr,
                        disable=no_progress or size < PROGRESS_FROM_BYTES)
        try:
            with source.open("rb") as handle, transaction.atomic():
                self.import_stream(WxrReader(handle, on_read=progress.update), report, dry_run)
                if dry_run:
                    transaction.set_rollback(True)
        except SourceError as error:
            raise CommandError(f"{file}: {error}") from error
        finally:
            progress.close()
        prefix = "import_wxr (dry run, nothing written)" if dry_run else "import_wxr"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {file}: {report.summary()}"))
        if self.pictures:
            self.stdout.write("\n".join(self.pictures.lines("import_wxr")))

    @staticmethod
    def read_attachments(source):
        """The export's attachments (picture address -> alt text): a first pass, as they may follow the posts."""
        attachments = Attachments()
        with source.open("rb") as handle:
            for record in WxrReader(handle, posts=False):
                if getattr(record, "attachment", None):
                    attachments.add(*record.attachment)
        return attachments

    def import_stream(self, reader, report, dry_run):
        writer, posts = ArticleWriter(report, overwrite=self.overwrite), []

        def write_posts():
            for outcome, article in writer.write_batch(posts):
                if dry_run and outcome != UNCHANGED:
                    self.stdout.write("\n".join(writer.describe(outcome, article)))
            posts.clear()

        for record in reader:
            if isinstance(record, PostRecord):
                # Alt text from the export's attachments first: valid_body() derives the rest from file names.
                record.body = valid_body(self.attachments.fill_alts(record.body))
                if self.pictures:
                    self.pictures.copy(record)
                posts.append(record)
                if len(posts) >= BATCH:
                    write_posts()
                continue
            if posts:  # what comes after a post is written after it
                write_posts()
            if isinstance(record, AuthorRecord):
                writer.lookups.author(record)
            elif isinstance(record, CategoryRecord):
                writer.lookups.category(record)
            elif isinstance(record, TagRecord):
                writer.lookups.entity(record)
            elif record.reason:
                report.skipped[record.reason] += 1
            else:
                report.not_imported[record.kind] += 1
        if posts:
            write_posts()
        writer.lookups.link_category_parents()
        if not dry_run:
            # Inside the transaction, so the search index takes the articles in the one pass it makes
            # after the commit for everything the import wrote.
            writer.announce()
        for taxonomy, count in reader.channel.term_counts.items():
            report.not_imported[f"{taxonomy} terms"] += count
