"""python manage.py import_page FILE... [--status draft|published] [--url URL] [--date YYYY-MM-DD]
[--category NAME] [--dry-run] [--overwrite] [--no-copy-images]"""
from dataclasses import dataclass

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from articles.importers.manifest import is_manifest, read_manifest
from articles.importers.page_html import is_html, parse_html_page
from articles.importers.page_parts import PageOptions
from articles.importers.page_text import read_page_file, parse_page
from articles.importers.picture_copies import PictureCopies, copies_wanted, copy_option
from articles.importers.records import SourceError, check_record_body
from articles.importers.writer import KEPT, UNCHANGED, ArticleWriter, ImportReport

PROGRESS_FROM_FILES = 20
TABLE = "{file:<28} {result:<9} {title:<40} {date:<10} {byline:<28} {paragraphs:>5} {entities:>4}"


@dataclass
class Page:
    """One file to import, with the options for it (from the command line or its manifest row)."""

    path: str
    options: PageOptions
    record: object = None
    error: str = ""


def cut(value, width):
    value = str(value)
    return value if len(value) <= width else value[:width - 1] + "…"


class Command(BaseCommand):
    help = ("Import posts saved as text (any of the blog's page shapes, with or without the site chrome) or as "
            "web pages (.html) as articles; a .csv or .json FILE is a manifest (file, url, date, status, category) of "
            "several. Every file is read before anything is written, and one refused file writes nothing; "
            "then all are written in one transaction. Running it again changes nothing; a changed page "
            "updates its article (matched by slug and date), unless the article was changed here since its last "
            "import: that one is kept and named (--overwrite replaces it).")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--status", choices=["draft", "published"], default="published",
                            help="status of the imported articles (default: published)")
        parser.add_argument("--url", default="", help="the post's original address; an old-blog /YYYY/MM/<slug>/ "
                            "path becomes a redirect, gives the slug, and its month the date when the page has none")
        parser.add_argument("--date", default="", metavar="YYYY-MM-DD", help="the date, when the page does not show it")
        parser.add_argument("--category", default="", metavar="NAME",
                            help="the category of pages that show none (a page's own categories win); for a "
                                 "manifest, of rows with an empty category column")
        parser.add_argument("--dry-run", action="store_true",
                            help="print one row per file (and every field for a single file); write nothing")
        parser.add_argument("--overwrite", action="store_true",
                            help="replace articles changed here since their last import too (a revision keeps "
                                 "what they held)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")
        copy_option(parser, "the pages' pictures (and each featured picture as the lead picture)")

    def handle(self, files, status, url, date, dry_run, no_progress=False, copy_images=None, overwrite=False,
               category="", **options):
        self.overwrite = overwrite
        self.pictures = PictureCopies() if copies_wanted(copy_images, dry_run) else None
        pages = self.pages(files, PageOptions(status=status, url=url, date=date, category=" ".join(category.split())))
        for page in pages:
            page.record, page.error = self.read(page)
        refused = [page for page in pages if page.error]
        if refused and not dry_run:
            if len(refused) == 1:
                raise CommandError(refused[0].error)
            for page in refused:
                self.stderr.write(page.error)
            raise CommandError(f"{len(refused)} of {len(pages)} files refused (listed above); nothing written")
        report = ImportReport()
        if dry_run:
            self.stdout.write(TABLE.format(file="FILE", result="RESULT", title="TITLE", date="DATE", byline="BYLINE",
                                           paragraphs="PARAS", entities="ENTS"))
        progress = tqdm(pages, unit="file", desc="import_page", file=self.stderr,
                        disable=no_progress or len(pages) < PROGRESS_FROM_FILES)
        with transaction.atomic():  # all the files, or (on a database error) none of them
            self.write(pages, report, dry_run, progress)
        prefix = "import_page (dry run, nothing written)" if dry_run else "import_page"
        refusals = f", {len(refused)} refused" if refused else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}: {len(pages)} files{refusals}: {report.summary()}"))
        if self.pictures:
            self.stdout.write("\n".join(self.pictures.lines("import_page")))

    def write(self, pages, report, dry_run, progress):
        # A dry run's rows vanish with each rollback: a writer for each page then.
        shared_writer = None if dry_run else ArticleWriter(report, overwrite=self.overwrite)
        for page in progress:
            if page.error:
                self.stdout.write(f"{cut(page.path, 28):<28} refused   {page.error.removeprefix(page.path + ': ')}")
                continue
            if self.pictures:
                self.pictures.copy(page.record)
            with transaction.atomic():
                writer = shared_writer or ArticleWriter(report, overwrite=self.overwrite)
                page.record.origin = page.record.origin or page.options.url or page.path
                outcome, article = writer.write(page.record)
                if dry_run:
                    self.stdout.write(self.row(page, outcome, article))
                    if len(pages) == 1 and outcome not in (UNCHANGED, KEPT):
                        self.stdout.write("\n".join([f"{page.path}:", *writer.describe(outcome, article)]))
                    transaction.set_rollback(True)
        if shared_writer:  # in the transaction: the search index takes them in its one pass after the commit
            shared_writer.announce()

    def pages(self, files, options):
        """Each FILE with the command line's options, a manifest's rows with theirs."""
        if (options.url or options.date) and len(files) > 1:
            raise CommandError("--url and --date describe one post: give a single FILE, or a manifest "
                               "(a .csv or .json with file, url, date, status columns) for several")
        pages = []
        for path in files:
            if is_manifest(path):
                if options.url or options.date:
                    raise CommandError(f"{path}: a manifest gives each file's url and date; drop --url/--date")
                try:
                    rows = read_manifest(path, options.status, options.category)
                except SourceError as error:
                    raise CommandError(f"{path}: {error}") from error
                pages += [Page(path=str(row.path), options=row.options) for row in rows]
            else:
                pages.append(Page(path=path, options=options))
        return pages

    @staticmethod
    def read(page):
        """(record, "") or (None, the one-line refusal naming the file)."""
        try:
            text = read_page_file(page.path)
            if is_html(page.path, text.lstrip()[:2048].encode()):
                record = parse_html_page(text, page.options)
            else:
                record = parse_page(text, options=page.options)
            check_record_body(record)  # refused with the other unreadable files, before anything is written
            return record, ""
        except SourceError as error:
            return None, f"{page.path}: {error}"

    @staticmethod
    def row(page, outcome, article):
        day = timezone.localtime(article.published_at).strftime("%Y-%m-%d") if article.published_at else "—"
        byline = ", ".join(article.authors.order_by("article_authors__position").values_list("name", flat=True))
        if article.series_id:
            byline = ", ".join(filter(None, [byline, article.series.name]))
        return TABLE.format(file=cut(page.path, 28), result=outcome, title=cut(article.title, 40), date=day,
                            byline=cut(byline or "—", 28), paragraphs=article.body.count("<p>"),
                            entities=article.entity_links.count())
