"""Print entity suggestions for articles, optionally apply the known ones, or score the engine."""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from articles.entities import apply_known_entities, load_gazetteer, suggest_entities
from articles.entities.evaluation import evaluate
from articles.models import Article


class Command(BaseCommand):
    help = ("Suggest entities for articles (SLUG... or --all): known entities named in the text and new "
            "candidate names. --apply links the known ones; --evaluate LABELS prints precision and recall.")

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", metavar="SLUG")
        parser.add_argument("--all", action="store_true", help="Every article.")
        parser.add_argument("--apply", action="store_true", help="Link the known entities found.")
        parser.add_argument("--dry-run", action="store_true", help="With --apply: report, write nothing.")
        parser.add_argument("--evaluate", metavar="LABELS", help="A labels.json of hand-labelled pages.")

    def handle(self, slugs, all, apply, dry_run, evaluate, **options):
        if evaluate:
            return self.evaluate(evaluate)
        if bool(slugs) == bool(all):
            raise CommandError("Give article slugs or --all (not both).")
        articles = Article.objects.order_by("pk")
        if slugs:
            articles = articles.filter(slug__in=slugs)
            missing = sorted(set(slugs) - set(articles.values_list("slug", flat=True)))
            if missing:
                raise CommandError(f"No article with slug: {', '.join(missing)}")
        gazetteer = load_gazetteer()
        linked = known = new = 0
        with transaction.atomic():
            for article in tqdm(articles.iterator(), total=articles.count(), file=self.stderr,
                                disable=articles.count() < 50):
                suggestions = suggest_entities(article, gazetteer)
                known += len(suggestions.known)
                new += len(suggestions.new)
                self.print_suggestions(article, suggestions)
                if apply and not dry_run:
                    linked += len(apply_known_entities(article, gazetteer))
            if dry_run:
                transaction.set_rollback(True)
        action = f"; {linked} entity links added" if apply and not dry_run else ""
        self.stdout.write(self.style.SUCCESS(
            f"suggest_entities: {articles.count()} articles, {known} known-entity and {new} new-name suggestions"
            f"{action}."))

    def print_suggestions(self, article, suggestions):
        self.stdout.write(self.style.MIGRATE_HEADING(f"{article.slug}: {article.title}"))
        for s in suggestions.known:
            main = " (main subject)" if s.is_main else ""
            self.stdout.write(f"  known  {s.entity.name} [{s.entity.kind}]{main}: {', '.join(s.words)}")
        for c in suggestions.new:
            self.stdout.write(f"  new    {c.name} [{c.kind}?] ×{c.count}")

    def evaluate(self, path):
        try:
            scores, precision, recall = evaluate(path)
        except (OSError, ValueError, KeyError, StopIteration) as error:
            raise CommandError(f"Cannot read the labelled set {path}: {error}")
        for score in scores:
            self.stdout.write(f"{score.name}: {score.true_positives}/{len(score.expected)} found; "
                              f"missed {score.missed or 'none'}; spurious {score.spurious or 'none'}")
        self.stdout.write(self.style.SUCCESS(
            f"suggest_entities --evaluate: {len(scores)} articles, precision {precision:.3f}, recall {recall:.3f}"))
