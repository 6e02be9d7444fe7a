"""Known entities are found in text by name and alias, on word boundaries."""
import pytest

from articles.entities import apply_known_entities, find_known_entities
from tests.factories import make_article, make_entity

pytestmark = pytest.mark.django_db


def test_names_aliases_and_possessives_are_found():
    china = make_entity("China", kind="place", aliases=["Beijing"])
    kim = make_entity("Kim Jong-un", kind="person", aliases=["Kim Jong Un"])
    found = find_known_entities("Beijing's view differs. Kim Jong Un replied.")
    assert [(entity, words) for entity, words in found] == [(china, "Beijing's"), (kim, "Kim Jong Un")]


def test_acronyms_are_case_sensitive_and_words_whole():
    make_entity("United Nations", kind="organization", aliases=["UN"])
    assert find_known_entities("It was un-necessary and unusual.") == []
    assert len(find_known_entities("The UN met.")) == 1


def test_apply_links_each_entity_once():
    russia = make_entity("Russia", kind="place", aliases=["Moscow"])
    article = make_article(body="<p>Moscow and Russia agreed.</p>")
    assert apply_known_entities(article) == [russia]
    assert apply_known_entities(article) == []
    assert list(article.entities.all()) == [russia]


def test_hyphen_space_and_joined_spellings_of_a_korean_name_match_without_aliases():
    kim = make_entity("Kim Jong-un", kind="person")
    for text in ("Kim Jong Un spoke.", "Kim Jong-un spoke.", "Kim Jongun spoke.", "Kim Jong-Un spoke."):
        assert find_known_entities(text) == [(kim, text[:-7])], text


def test_an_acronym_never_matches_the_lower_case_word_and_a_capitalised_name_never_its_lower_case():
    make_entity("United Nations", kind="organization", aliases=["UN"])
    make_entity("China", kind="place")
    assert find_known_entities("Un homme, un vote: china and porcelain.") == []


def test_a_lower_case_topic_also_matches_at_the_start_of_a_sentence():
    sanctions = make_entity("Sanctions", kind="topic", aliases=["sanctions"])
    assert find_known_entities("Sanctions bite.") == [(sanctions, "Sanctions")]
    assert find_known_entities("New sanctions bite.") == [(sanctions, "sanctions")]


def test_a_place_inside_a_longer_proper_name_is_not_a_mention():
    make_entity("United States", kind="place", aliases=["Washington"])
    assert find_known_entities("He studied at George Washington University.") == []


def test_a_gazetteer_built_after_another_finds_every_name_of_its_own():
    # The big regex of an earlier build is reused for its names; names added since go into a small one.
    from articles.entities.matching import Gazetteer
    from articles.models import Entity

    assert Gazetteer([]).matches("Laos") == []
    laos = Entity(pk=1, name="Laos", slug="laos", kind="place", aliases=[])
    assert [m.entity for m in Gazetteer([laos]).matches("Laos and Vietnam")] == [laos]
    vietnam = Entity(pk=2, name="Vietnam", slug="vietnam", kind="place", aliases=["Hanoi"])
    assert [m.words for m in Gazetteer([laos, vietnam]).matches("Laos, Hanoi and Vietnam")] == ["Laos", "Hanoi",
                                                                                             "Vietnam"]
