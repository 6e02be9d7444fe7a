"""Articles' entities through django-taggit's own manager: from code, the shell or a data migration."""
import pytest

from articles.models import Article, ArticleEntity, Entity
from tests.factories import make_article, make_entity

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article("Notes from the border", slug="notes")


def test_add_links_entities_and_names_lists_them(article):
    article.entities.add(make_entity("Kaesong", kind="place"), make_entity("Tumen River", kind="place"))
    assert sorted(article.entities.names()) == ["Kaesong", "Tumen River"]
    assert set(article.entities.slugs()) == {entity.slug for entity in Entity.objects.all()}


def test_add_by_name_creates_a_topic_entity_with_its_key(article):
    article.entities.add("Fishing rights")
    entity = Entity.objects.get(name="Fishing rights")
    assert (entity.kind, entity.key) == ("topic", "fishing rights")
    assert ArticleEntity.objects.get(content_object=article, tag=entity).is_main is False


def test_add_takes_the_link_fields_as_through_defaults(article):
    entity = make_entity("Kaesong")
    article.entities.add(entity, through_defaults={"is_main": True, "position": 3})
    link = ArticleEntity.objects.get(content_object=article, tag=entity)
    assert (link.is_main, link.position) == (True, 3)


def test_set_replaces_the_links_and_keeps_the_ones_that_stay(article):
    kept, dropped, new = make_entity("Kaesong"), make_entity("Tumen River"), make_entity("Yalu Bridge")
    article.entities.add(kept, dropped)
    kept_link = ArticleEntity.objects.get(tag=kept)
    article.entities.set([kept, new])
    assert sorted(article.entities.names()) == ["Kaesong", "Yalu Bridge"]
    assert ArticleEntity.objects.get(tag=kept).pk == kept_link.pk
    assert Entity.objects.filter(pk=dropped.pk).exists()  # unlinked, not deleted


def test_remove_and_clear_unlink(article):
    article.entities.add(make_entity("Kaesong"), make_entity("Tumen River"))
    article.entities.remove("Kaesong")
    assert list(article.entities.names()) == ["Tumen River"]
    article.entities.clear()
    assert list(article.entities.names()) == []
    assert Entity.objects.count() == 2


def test_articles_filter_across_the_entities_relation(article):
    other = make_article("Elsewhere", slug="elsewhere")
    place = make_entity("Kaesong", kind="place", slug="kaesong")
    article.entities.add(place)
    other.entities.add(make_entity("Tariffs"))
    assert list(Article.objects.filter(entities__slug="kaesong")) == [article]
    assert list(Article.objects.filter(entities__kind="place").values_list("slug", flat=True)) == ["notes"]
    assert list(Article.objects.filter(entities__name__in=["Kaesong", "Tariffs"]).order_by("slug")
                .values_list("slug", flat=True)) == ["elsewhere", "notes"]


def test_the_manager_reads_entities_in_the_link_order(article):
    first, second = make_entity("Zeta"), make_entity("Alpha")
    article.entities.add(first, through_defaults={"position": 0, "is_main": True})
    article.entities.add(second, through_defaults={"position": 1})
    assert [link.tag.name for link in article.entity_links.all()] == ["Zeta", "Alpha"]
    assert set(article.entities.all()) == {first, second}
