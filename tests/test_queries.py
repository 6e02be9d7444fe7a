"""List pages cost the same number of SQL queries for 1 article as for 10."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db

LIST_URLS = ["/the-peninsula/", "/the-peninsula/?theme=ent", "/category/cat/", "/tag/ent/", "/author/ann/",
             "/series/ser/", "/tags/", "/search/?q=peninsula", "/the-peninsula/{year}/",
             "/the-peninsula/{year}/{month:02d}/", "/the-peninsula/?category=cat"]


def build(count):
    author = make_author(slug="ann")
    category = make_category(slug="cat")
    entity = make_entity(slug="ent")
    series = make_series(slug="ser")
    for i in range(count):
        make_article(authors=[author, make_author()], categories=[category, make_category()],
                     entities=[entity, make_entity()], series=series, days_ago=i + 1)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", LIST_URLS)
def test_list_page_query_count_does_not_grow_with_articles(client, url, django_db_blocker):
    from datetime import timedelta

    from django.utils import timezone

    newest = timezone.localtime() - timedelta(days=1)  # the date of the first article built
    url = url.format(year=newest.year, month=newest.month)
    build(1)
    one = count_queries(client, url)
    build_more = 9
    from articles.models import Article, ArticleAuthor, ArticleCategory, ArticleEntity, Author, Category, Entity, Series

    for model in (ArticleAuthor, ArticleCategory, ArticleEntity, Article, Author, Category, Entity, Series):
        model.objects.all().delete()
    build(1 + build_more)
    ten = count_queries(client, url)
    assert one == ten, f"{url}: {one} queries for 1 article, {ten} for 10"


def test_article_page_query_count_is_fixed(client, django_assert_max_num_queries):
    entity = make_entity(slug="ent")
    article = make_article(authors=[make_author()], categories=[make_category()], entities=[entity])
    for _ in range(10):
        make_article(entities=[entity, make_entity()], authors=[make_author()])
    with django_assert_max_num_queries(10):
        assert client.get(article.get_absolute_url()).status_code == 200
