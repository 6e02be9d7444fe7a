"""Small builders for test data: each returns a saved object with sensible defaults."""
import itertools
from datetime import timedelta

from django.utils import timezone

from articles.models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity, Series

_counter = itertools.count(1)


def make_author(name=None, **fields):
    n = next(_counter)
    name = name or f"Author {n}"
    fields.setdefault("slug", f"author-{n}")
    return Author.objects.create(name=name, **fields)


def make_category(name=None, **fields):
    n = next(_counter)
    name = name or f"Category {n}"
    fields.setdefault("slug", f"category-{n}")
    return Category.objects.create(name=name, **fields)


def make_series(name=None, **fields):
    n = next(_counter)
    fields.setdefault("slug", f"series-{n}")
    return Series.objects.create(name=name or f"Series {n}", **fields)


def make_entity(name=None, kind="topic", **fields):
    n = next(_counter)
    return Entity.objects.create(name=name or f"Entity {n}", kind=kind, **fields)


def make_article(title=None, *, authors=(), categories=(), entities=(), status="published", days_ago=1, **fields):
    """A published article dated `days_ago` days back (negative: scheduled in the future)."""
    n = next(_counter)
    fields.setdefault("slug", f"article-{n}")
    fields.setdefault("body", f"<p>Body of article {n} about the Korean peninsula.</p>")
    fields.setdefault("published_at", timezone.now() - timedelta(days=days_ago))
    article = Article.objects.create(title=title or f"Article {n}", status=status, **fields)
    for position, author in enumerate(authors):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
    for position, category in enumerate(categories):
        ArticleCategory.objects.create(article=article, category=category, position=position)
    for position, entity in enumerate(entities):
        ArticleEntity.objects.create(content_object=article, tag=entity, position=position)
    return article


def make_user(username, role):
    """A staff user with an editorial role: 'contributor', 'editor' or 'administrator' (superuser)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", is_staff=True,
                                                is_superuser=role == "administrator")
    if role != "administrator":
        user.groups.add(Group.objects.get(name=role.capitalize()))
    return user
