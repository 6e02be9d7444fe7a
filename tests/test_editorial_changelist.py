"""The admin's article list stays at a fixed number of queries per page, at 10 or 10,000 articles."""
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, ArticleAuthor, ArticleCategory
from tests.factories import make_article, make_author, make_category, make_user

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm per-process caches (content types, sessions) out of the count
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def add_articles(count, author, category, created_by):
    now = timezone.now()
    articles = Article.objects.bulk_create(
        Article(title=f"Bulk {i}", slug=f"bulk-{i}", status=("draft", "review", "published")[i % 3],
                published_at=now, created_by=created_by, body="<p>x</p>", body_text="x") for i in range(count))
    ArticleAuthor.objects.bulk_create(ArticleAuthor(article=a, author=author) for a in articles)
    ArticleCategory.objects.bulk_create(ArticleCategory(article=a, category=category) for a in articles)


@pytest.mark.parametrize("role", ["editor", "contributor"])
def test_change_list_queries_do_not_grow_from_10_to_10000_articles(role):
    user = make_user("someone", role)
    client = Client()
    client.force_login(user)
    author, category = make_author("Ann Writer"), make_category("Economics")
    for _ in range(10):
        make_article(authors=[author], categories=[category], created_by=user)
    few, html = queries_for(client, "/admin/articles/article/")
    assert "Ann Writer" in html and "Economics" in html
    add_articles(9_990, author, category, user)
    many, html = queries_for(client, "/admin/articles/article/")
    assert "10000 articles" in html or "10,000 articles" in html
    assert many == few, f"{few} queries at 10 articles, {many} at 10,000"
