"""python manage.py export_article SLUG... [-o FILE]"""
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError

from articles.importers.fixtures import ExactJSONEncoder, article_fixture_objects
from articles.models import Article


class Command(BaseCommand):
    help = ("Write articles as a self-contained natural-key fixture (the articles with their authors, categories, "
            "series, entities, related links and legacy URLs) that `loaddata` loads into another archive.")

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="+", metavar="SLUG")
        parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")

    def handle(self, slugs, output, **options):
        found = {article.slug: article for article in Article.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            raise CommandError(f"no article with the slug “{missing[0]}”" + (
                f" (nor {len(missing) - 1} more)" if len(missing) > 1 else ""))
        objects = article_fixture_objects(found[slug] for slug in dict.fromkeys(slugs))
        text = serializers.serialize("json", objects, indent=2, use_natural_foreign_keys=True,
                                     use_natural_primary_keys=True, ensure_ascii=False,
                                     cls=ExactJSONEncoder) + "\n"
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(self.style.SUCCESS(f"export_article: {len(found)} articles, {len(objects)} rows "
                                                 f"written to {output}"))
        else:
            self.stdout.write(text, ending="")
