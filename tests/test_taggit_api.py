"""taggit's manager API on `article.entities`, with two entities of one name ("Georgia" the place and
"Georgia" the person): objects are taken as themselves, names as the one entity they name, and a name
that names several is refused before anything changes."""
import pytest
from django.db import IntegrityError, transaction
from django.db.models.signals import m2m_changed

from articles.entity_tags import AmbiguousEntityName
from articles.models import Article, ArticleEntity, Entity

from .factories import make_article, make_entity

pytestmark = pytest.mark.django_db


@pytest.fixture
def georgias():
    return make_entity("Georgia", kind="place"), make_entity("Georgia", kind="person", disambiguator="singer")


def linked(article):
    return set(ArticleEntity.objects.filter(content_object=article).values_list("tag_id", flat=True))


def test_an_entity_reads_as_its_name_and_labels_itself_with_its_kind(georgias):
    place, person = georgias
    assert str(place) == "Georgia" and str(person) == "Georgia"
    assert place.label == "Georgia (place)" and person.label == "Georgia (person, singer)"


def test_add_takes_entities_as_themselves(georgias):
    place, person = georgias
    article = make_article()
    article.entities.add(person)
    assert linked(article) == {person.pk}


def test_add_by_a_name_of_several_entities_refuses_and_changes_nothing(georgias):
    article = make_article()
    with pytest.raises(AmbiguousEntityName, match="Georgia.*Georgia \\(place\\).*Georgia \\(person, singer\\)"):
        article.entities.add("Brand new", "Georgia")
    assert linked(article) == set()
    assert not Entity.objects.filter(name="Brand new").exists()


def test_add_by_name_and_kind_links_that_one(georgias):
    place, _ = georgias
    article = make_article()
    article.entities.add("georgia", tag_kwargs={"kind": "place"})
    assert linked(article) == {place.pk}


def test_add_by_an_unknown_name_creates_a_topic_and_by_a_known_one_reuses_it():
    korea = make_entity("Korea", kind="place")
    article = make_article()
    article.entities.add("Korea", "Sanctions")
    created = Entity.objects.get(name="Sanctions")
    assert created.kind == "topic" and linked(article) == {korea.pk, created.pk}
    article.entities.add("sanctions")
    assert Entity.objects.filter(name__iexact="sanctions").count() == 1


def test_remove_an_entity_removes_that_one_only(georgias):
    place, person = georgias
    article = make_article(entities=[place, person])
    article.entities.remove(place)
    assert linked(article) == {person.pk}


def test_remove_by_a_name_the_article_carries_once_removes_it(georgias):
    place, person = georgias
    article = make_article(entities=[person])
    article.entities.remove("Georgia")
    assert linked(article) == set()
    assert Entity.objects.filter(pk=place.pk).exists()


def test_remove_by_a_name_the_article_carries_twice_refuses(georgias):
    article = make_article(entities=list(georgias))
    with pytest.raises(AmbiguousEntityName):
        article.entities.remove("Georgia")
    assert linked(article) == {entity.pk for entity in georgias}


def test_remove_sends_taggits_signals_with_the_removed_ids(georgias):
    place, person = georgias
    article = make_article(entities=[place, person])
    seen = []

    def receiver(action, pk_set, **kwargs):
        seen.append((action, pk_set))

    m2m_changed.connect(receiver, sender=ArticleEntity)
    try:
        article.entities.remove(person)
    finally:
        m2m_changed.disconnect(receiver, sender=ArticleEntity)
    assert seen == [("pre_remove", {person.pk}), ("post_remove", {person.pk})]


def test_set_compares_by_entity_not_by_name(georgias):
    place, person = georgias
    korea = make_entity("Korea", kind="place")
    article = make_article(entities=[person, korea])
    article.entities.set([place, korea])
    assert linked(article) == {place.pk, korea.pk}
    article.entities.set([person], clear=True)
    assert linked(article) == {person.pk}


def test_clear_unlinks_everything_and_keeps_the_entities(georgias):
    article = make_article(entities=list(georgias))
    article.entities.clear()
    assert linked(article) == set() and Entity.objects.filter(name="Georgia").count() == 2


def test_names_lists_each_entity_by_name(georgias):
    korea = make_entity("Korea", kind="place")
    article = make_article(entities=[*georgias, korea])
    assert sorted(article.entities.names()) == ["Georgia", "Georgia", "Korea"]


def test_most_common_counts_articles_per_entity(georgias):
    place, person = georgias
    make_article(entities=[place, person])
    make_article(entities=[place])
    counts = {(entity.pk, entity.num_times) for entity in Article.entities.most_common()}
    assert counts == {(place.pk, 2), (person.pk, 1)}


def test_similar_objects_ranks_articles_by_shared_entities(georgias):
    place, person = georgias
    korea = make_entity("Korea", kind="place")
    article = make_article(entities=[place, korea])
    both = make_article(entities=[place, korea])
    one = make_article(entities=[korea, person])
    make_article(entities=[person])
    similar = article.entities.similar_objects()
    assert [(a.pk, a.similar_tags) for a in similar] == [(both.pk, 2), (one.pk, 1)]


def test_two_entities_of_one_kind_cannot_share_a_name(georgias):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_entity("Georgia", kind="place", disambiguator="US state")
