"""python manage.py import_page FILE... [--status draft|published] [--dry-run]"""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles.importers.page_text import parse_page, read_page_file
from articles.importers.records import SourceError
from articles.importers.writer import UNCHANGED, ArticleWriter, ImportReport
from articles.models import Article
from articles.signals import articles_bulk_created

PROGRESS_FROM_FILES = 20


class Command(BaseCommand):
    help = ("Import Peninsula pages saved as text (site chrome and all) as articles. Every file is read "
            "before anything is written; each is then written in its own transaction. Running it again "
            "changes nothing; a changed page updates its article (matched by slug and date).")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--status", choices=["draft", "published"], default="published",
                            help="status of the imported articles (default: published)")
        parser.add_argument("--dry-run", action="store_true", help="print what would be written, field by field")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, files, status, dry_run, no_progress=False, **options):
        records = []
        for path in files:
            try:
                records.append((path, parse_page(read_page_file(path), status=status)))
            except SourceError as error:
                raise CommandError(f"{path}: {error}") from error
        report = ImportReport()
        progress = tqdm(records, unit="file", desc="import_page", file=self.stderr,
                        disable=no_progress or len(records) < PROGRESS_FROM_FILES)
        for path, record in progress:
            with transaction.atomic():
                writer = ArticleWriter(report)
                outcome, article = writer.write(record)
                if dry_run:
                    if outcome != UNCHANGED:
                        self.stdout.write("\n".join([f"{path}:", *writer.describe(outcome, article)]))
                    transaction.set_rollback(True)
            if not dry_run and outcome != UNCHANGED:
                articles_bulk_created.send(sender=Article, pks=[article.pk])
        prefix = "import_page (dry run, nothing written)" if dry_run else "import_page"
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {len(records)} files: {report.summary()}"))
