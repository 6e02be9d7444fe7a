"""Imported posts are known by (source site, post id); the articles imported before get their source.

Post ids were unique on their own, so the site of an article imported earlier is not recorded
anywhere (its legacy URL keeps only the path): it gets the source "unknown", which the next
import of its site claims when the post id and the old permalink match. Its import digest is
taken from what it holds now: what it held at the migration counts as its last import.
"""
from collections import defaultdict

from django.db import migrations, models

from articles.importers.provenance import DIGEST_FIELDS, UNKNOWN_SOURCE, content_digest

BATCH = 1000


def give_sources(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    ArticleAuthor = apps.get_model("articles", "ArticleAuthor")
    ArticleCategory = apps.get_model("articles", "ArticleCategory")
    ArticleEntity = apps.get_model("articles", "ArticleEntity")
    pks = list(Article.objects.filter(wp_id__isnull=False).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        chunk = pks[start:start + BATCH]
        authors, categories, entities = defaultdict(list), defaultdict(list), defaultdict(set)
        for article_id, author_id in (ArticleAuthor.objects.filter(article_id__in=chunk)
                                      .order_by("position", "pk").values_list("article_id", "author_id")):
            authors[article_id].append(author_id)
        for article_id, category_id in (ArticleCategory.objects.filter(article_id__in=chunk)
                                        .order_by("position", "pk").values_list("article_id", "category_id")):
            categories[article_id].append(category_id)
        for article_id, tag_id in (ArticleEntity.objects.filter(content_object_id__in=chunk)
                                   .values_list("content_object_id", "tag_id")):
            entities[article_id].add(tag_id)
        articles = list(Article.objects.filter(pk__in=chunk).only("pk", "series_id", *DIGEST_FIELDS))
        for article in articles:
            article.import_source = UNKNOWN_SOURCE
            article.import_digest = content_digest({name: getattr(article, name) for name in DIGEST_FIELDS},
                                                   authors[article.pk], categories[article.pk], article.series_id,
                                                   entities[article.pk])
        Article.objects.bulk_update(articles, ["import_source", "import_digest"])


def forget_sources(apps, schema_editor):
    apps.get_model("articles", "Article").objects.update(import_source="", import_digest="")


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0016_concurrent_autosave'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='import_digest',
            field=models.CharField(blank=True, default='', editable=False, help_text='A hash of what the last import wrote: a different one now means the article was changed here since.', max_length=64),
        ),
        migrations.AddField(
            model_name='article',
            name='import_source',
            field=models.CharField(blank=True, default='', editable=False, help_text='The site of the WordPress export it came from, e.g. example.org.', max_length=300, verbose_name='imported from'),
        ),
        migrations.AlterField(
            model_name='article',
            name='wp_id',
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name='WordPress post id'),
        ),
        migrations.RunPython(give_sources, forget_sources),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.UniqueConstraint(fields=('import_source', 'wp_id'), name='unique_import_source_post',
                                              violation_error_message='An article imported from this source with this WordPress post id (wp_id) already exists.'),
        ),
    ]
