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
