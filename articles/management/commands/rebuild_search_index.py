"""Rebuild the full-text search index from every article."""
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from tqdm import tqdm

from articles import search
from articles.models import Article


class Command(BaseCommand):
    help = "Empty the search index and refill it from every article (drafts included: visibility is checked at query time)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Say what would be indexed; write nothing.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, dry_run, no_progress, **options):
        total = Article.objects.count()
        before = search.indexed_count()
        if dry_run:
            self.stdout.write(f"rebuild_search_index: would index {total} articles "
                              f"({before} in the index now, {connection.vendor} backend); nothing written.")
            return
        with transaction.atomic(), tqdm(total=total, desc="indexing", unit="article", file=self.stderr,
                                        disable=no_progress) as bar:
            indexed = search.rebuild(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(
            f"rebuild_search_index: {indexed} articles indexed ({before} before), {connection.vendor} backend."))
