"""Signal receivers that keep the search index in step with the articles and their names.

Visibility (status, publication date) is not indexed, so only changes to the indexed text
matter here: the article itself, its entities and authors, and their names.
"""
from django.db import connection, connections
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from articles.models import Article, ArticleAuthor, ArticleEntity, Author, Entity
from articles.signals import articles_bulk_created

from . import TABLE, index_articles, remove_articles, remove_orphans


@receiver(post_save, sender=Article)
def index_saved_article(sender, instance, **kwargs):
    index_articles([instance.pk])


@receiver(post_delete, sender=Article)
def unindex_deleted_article(sender, instance, **kwargs):
    remove_articles([instance.pk])


@receiver(post_save, sender=ArticleEntity)
@receiver(post_delete, sender=ArticleEntity)
def reindex_tagged_article(sender, instance, **kwargs):
    index_articles([instance.content_object_id])


@receiver(post_save, sender=ArticleAuthor)
@receiver(post_delete, sender=ArticleAuthor)
def reindex_bylined_article(sender, instance, **kwargs):
    index_articles([instance.article_id])


@receiver(post_save, sender=Entity)
def reindex_entity_articles(sender, instance, created, raw, **kwargs):
    # A renamed entity, or a new alias, changes the text of every article it is linked to.
    if not created:
        index_articles(ArticleEntity.objects.filter(tag=instance).values_list("content_object_id", flat=True))


@receiver(post_save, sender=Author)
def reindex_author_articles(sender, instance, created, raw, **kwargs):
    if not created:
        index_articles(ArticleAuthor.objects.filter(author=instance).values_list("article_id", flat=True))


@receiver(articles_bulk_created)
def index_bulk_created(sender, slugs_prefix=None, pks=None, **kwargs):
    """make_corpus and the importers write with bulk_create, which sends no post_save."""
    articles = Article.objects.all()
    if pks is not None:
        articles = articles.filter(pk__in=list(pks))
    elif slugs_prefix:
        articles = articles.filter(slug__startswith=slugs_prefix)
    index_articles(articles.values_list("pk", flat=True))
    # A bulk import changes the table sizes the query planner relies on: refresh its statistics.
    # Without any, SQLite fetches a results page by scanning the (status, published_at) index
    # rather than looking up its ten ids.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@receiver(post_migrate)
def drop_orphans_after_flush(sender, using="default", **kwargs):
    # `flush` (and so every transactional test) empties the article tables, not this one, then
    # sends post_migrate.
    if sender.name == "articles":
        conn = connections[using]
        if TABLE in conn.introspection.table_names():
            remove_orphans(conn)
