"""Suggestions: known entities with the words that named them, new candidates, rejections remembered."""
import pytest
from django.core.management import call_command

from articles.entities import accept_candidate, apply_known_entities, suggest_entities
from articles.entities.candidates import find_candidates
from articles.models import Entity, RejectedSuggestion
from tests.factories import make_article, make_entity

pytestmark = pytest.mark.django_db


def names(candidates):
    return [candidate.name for candidate in candidates]


def test_longest_match_wins_over_a_name_inside_it():
    make_entity("North Korea", kind="place")
    council = make_entity("Council for Cooperation with North Korea", kind="organization")
    article = make_article(body="<p>Moscow set up the Council for Cooperation with North Korea.</p>")
    assert [s.entity for s in suggest_entities(article).known] == [council]


def test_unknown_names_become_candidates_with_a_guessed_kind():
    make_entity("North Korea", kind="place")
    article = make_article(body="<p>Last week, the Russian Chamber of Commerce created the Council for Cooperation "
                                "with North Korea. North Korean Foreign Minister Ri Su-yong visited Laos.</p>")
    new = {c.name: c.kind for c in suggest_entities(article).new}
    assert new["Council for Cooperation with North Korea"] == "organization"
    assert new["Ri Su-yong"] == "person"
    # A known name inside a new one still counts as a mention.
    assert "North Korea" in [s.entity.name for s in suggest_entities(article).known]
    assert not {"North Korean", "Last", "Last week", "Foreign Minister Ri Su-yong"} & set(new)


def test_sentence_initial_and_common_words_are_never_candidates():
    text = "Recent internet commentary grew. The Kremlin waited. Last week Moscow and Pyongyang met. With Beijing."
    assert names(find_candidates(text)) == []


def test_candidates_do_not_cross_sentences():
    assert names(find_candidates("It ended with World War II. This changed it.")) == ["World War II"]


def test_rejected_suggestions_are_not_offered_again(staff_client):
    sanctions = make_entity("Sanctions", kind="topic", aliases=["sanctions"])
    article = make_article(body="<p>New sanctions hit Ri Kil-song and Jo Yong-won.</p>")
    suggestions = suggest_entities(article)
    assert [s.entity for s in suggestions.known] == [sanctions]
    RejectedSuggestion.objects.create(article=article, key="sanctions", name="Sanctions")
    RejectedSuggestion.objects.create(article=article, key="ri kil song", name="Ri Kil-song")
    suggestions = suggest_entities(article)
    assert suggestions.known == []
    assert names(suggestions.new) == ["Jo Yong-won"]
    assert apply_known_entities(article) == []


def test_applied_entities_named_in_the_title_are_main_subjects():
    laos = make_entity("Laos", kind="place")
    article = make_article("Laos Looks North", body="<p>Vientiane was quiet.</p>")
    Entity.objects.filter(pk=laos.pk).update(aliases=["Vientiane"])
    assert apply_known_entities(article) == [laos]
    assert article.entity_links.get().is_main


def test_command_prints_and_applies_suggestions(capsys):
    china = make_entity("China", kind="place", aliases=["Beijing"])
    article = make_article(slug="beijing-story", body="<p>Beijing's view and Ri Su-yong's trip.</p>")
    call_command("suggest_entities", "beijing-story", "--apply", "--dry-run")
    assert not article.entities.exists()
    call_command("suggest_entities", "beijing-story", "--apply")
    out = capsys.readouterr().out
    assert "known  China [place]: Beijing's" in out and "new    Ri Su-yong [person?]" in out
    assert list(article.entities.all()) == [china]
    call_command("suggest_entities", "--all", "--apply")
    assert "0 entity links added" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [((), "Give article slugs or --all"), (("nope",), "No article with slug: nope"),
                                           (("--evaluate", "missing.json"), "Cannot read the labelled set")])
def test_command_rejects_bad_input_with_one_line(args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("suggest_entities", *args)


def test_accepting_a_name_that_an_entity_already_answers_to_reuses_that_entity():
    russia = make_entity("Russia", kind="place", aliases=["Moscow"])
    georgia = make_entity("Georgia", kind="place", disambiguator="country")
    article = make_article(body="<p>Moscow and Tbilisi.</p>")
    assert accept_candidate(article, "russia", "place") == russia
    assert accept_candidate(article, "Rüssia", "place") == russia
    assert accept_candidate(article, "moscow", "place") == russia
    assert accept_candidate(article, "GEORGIA", "place") == georgia
    assert Entity.objects.count() == 2
    assert set(article.entities.all()) == {russia, georgia}
