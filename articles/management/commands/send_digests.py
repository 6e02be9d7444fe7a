"""Send the follow-by-email messages that are due (articles/follows/digests.py); safe to rerun and to crash."""
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.follows import digests


class Command(BaseCommand):
    help = ("Send new public articles to the addresses that follow their entities, authors, categories or "
            "series: immediate follows at every run, weekly ones once a week. Run it from cron (README).")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what is due; claim and send nothing.")
        parser.add_argument("--batch-size", type=int, default=digests.BATCH_SIZE, help="Addresses per batch.")

    def handle(self, *args, dry_run=False, batch_size=digests.BATCH_SIZE, verbosity=1, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        bar = None

        def progress(total=None, advance=0):
            nonlocal bar
            if total is not None:
                bar = tqdm(total=total, unit="address", file=self.stderr, disable=verbosity < 1 or not total)
            bar.update(advance)

        try:
            summary = digests.send_digests(progress=progress, dry_run=dry_run, batch_size=batch_size)
        finally:
            if bar is not None:
                bar.close()
        if dry_run:
            self.stdout.write(f"Dry run: {summary.claimed} article(s) due to addresses; nothing claimed or sent.")
            return
        line = f"send_digests: {summary.line()}."
        self.stdout.write(self.style.WARNING(line) if summary.failed or summary.interrupted else self.style.SUCCESS(line))
