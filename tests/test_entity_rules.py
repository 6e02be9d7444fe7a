"""The matching rules for the kinds of mention real prose uses, each with the cases where it must not fire."""
import datetime

import pytest

from articles.entities import find_known_entities, suggest_entities
from articles.entities.suggestions import analyse, load_gazetteer
from tests.factories import make_article, make_entity

pytestmark = pytest.mark.django_db

MOON_OFFICE = {"office": "President of South Korea", "titles": ["President"], "surname": "Moon",
               "start": "2017-05-10", "end": "2022-05-09"}


def named(text, on=None):
    return [entity.name for entity, _words in find_known_entities(text, on=on)]


def known(text, title="", on=None):
    found, _new = analyse(f"{title}.\n{text}" if title else text, load_gazetteer(), title_length=len(title), on=on)
    return {s.entity.name: s for s in found}


# Demonyms

def test_a_demonym_names_its_place():
    make_entity("South Korea", kind="place", demonyms=["South Korean", "South Koreans"])
    make_entity("China", kind="place", demonyms=["Chinese"])
    assert named("South Korean companies fear the Chinese government.") == ["South Korea", "China"]
    assert named("Most South Koreans agree.") == ["South Korea"]


def test_a_place_named_only_by_its_demonym_is_never_a_main_subject():
    make_entity("Japan", kind="place", aliases=["Tokyo"], demonyms=["Japanese"])
    demonym_only = known("Japanese exports fell. Japanese firms worried. Japanese banks lent.")["Japan"]
    assert demonym_only.count == 3 and not demonym_only.is_main
    assert known("Tokyo said so. Japan agreed. Japanese firms too. Tokyo again.")["Japan"].is_main


def test_a_demonym_inside_a_longer_known_name_is_that_name_and_korean_alone_is_nobody():
    make_entity("China", kind="place", demonyms=["Chinese"])
    make_entity("Chinese Communist Party", kind="organization")
    make_entity("South Korea", kind="place", demonyms=["South Korean"])
    assert named("The Chinese Communist Party met.") == ["Chinese Communist Party"]
    assert named("Korean food and Korean companies.") == []


def test_a_demonym_naming_a_language_is_not_a_mention_of_its_place():
    make_entity("Portugal", kind="place", demonyms=["Portuguese"])
    make_entity("China", kind="place", demonyms=["Chinese"])
    assert named("A thesis (in Portuguese). Portuguese speakers, and those who speak Chinese.") == []
    assert named("Chinese-language media printed the Portuguese translation, written in Chinese.") == []
    # The same words as adjectives, or "in" before a noun, still name the places.
    assert named("Portuguese investors put money in Chinese firms.") == ["Portugal", "China"]
    assert named("Rents rose in Chinese cities; the Portuguese government spoke.") == ["China", "Portugal"]
    assert named("The Chinese version of events differs.") == ["China"]


def test_a_place_inside_an_institutions_name_is_not_a_mention_of_the_place():
    for name in ("Singapore", "Toronto", "Michigan", "Washington"):
        make_entity(name, kind="place")
    assert named("She studied at Singapore Management University and the University of Toronto.") == []
    assert named("Michigan State University and the University of Washington in Seattle hosted it.") == []
    # A place before a title and a name, or after a lower-case "of", is still the place.
    assert named("Singapore Prime Minister Lee met the mayor of Toronto in Michigan.") == [
        "Singapore", "Toronto", "Michigan"]
    assert named("The University said Washington agreed.") == ["Washington"]


# Office and surname

def test_office_and_surname_name_the_person_who_held_the_office_on_the_articles_date():
    moon = make_entity("Moon Jae-in", kind="person", offices=[MOON_OFFICE])
    assert find_known_entities("President Moon arrived.", on=datetime.date(2018, 4, 27)) == [
        (moon, "President Moon")]
    assert named("President Moon arrived.", on=datetime.date(2016, 1, 1)) == []
    assert named("President Moon arrived.") == []  # no date, no office-holder


def test_the_same_title_and_surname_follow_the_date_to_different_people():
    make_entity("Kim Jong-il", kind="person", offices=[{"office": "Chairman of the National Defence Commission",
                "titles": ["Chairman"], "surname": "Kim", "start": "1993-04-09", "end": "2011-12-17"}])
    make_entity("Kim Jong-un", kind="person", offices=[{"office": "Chairman of the State Affairs Commission",
                "titles": ["Chairman"], "surname": "Kim", "start": "2016-05-09", "end": "2021-01-17"}])
    assert named("Chairman Kim spoke.", on=datetime.date(2005, 1, 1)) == ["Kim Jong-il"]
    assert named("Chairman Kim spoke.", on=datetime.date(2018, 6, 12)) == ["Kim Jong-un"]
    assert named("Chairman Kim spoke.", on=datetime.date(2013, 1, 1)) == []


def test_office_and_surname_need_exactly_one_person_in_office():
    for name, country in (("Lee Hsien Loong", "Singapore"), ("Lee Nak-yon", "South Korea")):
        make_entity(name, kind="person", offices=[{"office": f"Prime Minister of {country}", "titles": ["Prime Minister"],
                                                   "surname": "Lee", "start": "2017-06-01", "end": ""}])
    make_entity("Singapore", kind="place")
    make_entity("South Korea", kind="place", demonyms=["South Korean"])
    on = datetime.date(2019, 11, 27)
    assert named("Prime Minister Lee spoke.", on=on) == []
    # ... unless the country written with the title says which one.
    assert "Lee Hsien Loong" in named("Prime Minister Lee of Singapore spoke.", on=on)
    assert "Lee Nak-yon" in named("South Korean Prime Minister Lee spoke.", on=on)


def test_a_title_before_someone_else_written_out_in_full_is_not_the_office_holder():
    make_entity("Kim Jong-un", kind="person", offices=[{"office": "Chairman of the State Affairs Commission",
                "titles": ["Chairman"], "surname": "Kim", "start": "2016-05-09", "end": "2021-01-17"}])
    assert named("Vice Chairman Kim Yong-chol flew to New York.", on=datetime.date(2018, 5, 30)) == []


def test_former_means_someone_who_had_left_the_office_by_then():
    make_entity("Park Geun-hye", kind="person", offices=[{"office": "President of South Korea", "titles": ["President"],
                "surname": "Park", "start": "2013-02-25", "end": "2017-03-10"}])
    make_entity("Moon Jae-in", kind="person", offices=[MOON_OFFICE])
    on = datetime.date(2018, 3, 23)
    assert named("Former President Park was jailed.", on=on) == ["Park Geun-hye"]
    assert named("Former President Moon spoke.", on=on) == []


def test_articles_are_matched_on_their_publication_date():
    moon = make_entity("Moon Jae-in", kind="person", offices=[MOON_OFFICE])
    article = make_article(body="<p>President Moon met envoys.</p>", days_ago=1)
    article.published_at = datetime.datetime(2018, 3, 23, 12, tzinfo=datetime.timezone.utc)
    article.save()
    assert [s.entity for s in suggest_entities(article).known] == [moon]


# A known name inside a new name

def test_a_known_name_inside_a_new_candidate_still_counts_and_so_does_the_candidate():
    make_entity("South Korea", kind="place", aliases=["Seoul"])
    known_entities, new = analyse("Investors watched South Korea's KOSPI Composite Index fall.", load_gazetteer())
    assert [s.entity.name for s in known_entities] == ["South Korea"]
    assert [c.name for c in new] == ["KOSPI Composite Index"]


# Matches inside longer words

def test_a_name_joined_to_more_of_a_word_by_an_apostrophe_or_hyphen_is_not_a_mention():
    make_entity("Xi Jinping", kind="person", aliases=["Xi"])
    make_entity("Pacific Ocean", kind="place", aliases=["Pacific"])
    assert named("Samsung's plant in Xi'an, the trans-Pacific pact, and Xi-an road.") == []
    assert named("Xi's speech and Xi’s trip.") == ["Xi Jinping"]


def test_hyphenated_compounds_of_names_and_prefixes_still_name_them():
    make_entity("South Korea", kind="place", aliases=["Seoul"])
    make_entity("United States", kind="place", aliases=["US"], demonyms=["American"])
    make_entity("Japan", kind="place")
    assert named("A Seoul-based firm.") == ["South Korea"]
    assert named("US-Japan ties and anti-American protests.") == ["United States", "Japan"]


# Topic words inside proper names

def test_a_topic_word_capitalised_inside_a_proper_name_is_not_the_topic():
    make_entity("Trade", kind="topic", aliases=["trade"])
    make_entity("Energy", kind="topic", aliases=["energy"])
    assert named("He joined the Ministry of Trade, Industry and Energy last year.") == []
    assert named("Energy Minister Park resigned.") == []


def test_a_topic_word_at_the_start_of_a_sentence_or_in_a_title_is_still_the_topic():
    make_entity("Trade", kind="topic", aliases=["trade"])
    make_entity("Soft power", kind="topic", aliases=["soft power"])
    assert named("Trade between them grew.") == ["Trade"]
    assert set(known("It grew again.", title="Soft Power and Trade")) == {"Soft power", "Trade"}


def test_an_everyday_topics_bare_label_does_not_match_when_it_is_not_one_of_its_words():
    make_entity("Labor", kind="topic", aliases=["labor market", "labor unions"])
    assert named("The Forced Labor Dispute.") == []
    assert named("The labor market is tight.") == ["Labor"]


# Topics need evidence

PASSING = ("Seoul and Tokyo met on Monday to prepare the summit planned for the autumn.\n"
           "The leaders spoke for an hour about history and the abductions issue.\n"
           "Officials said trade came up briefly before lunch, but nothing was agreed.")


def test_an_everyday_topic_used_once_in_passing_is_not_suggested():
    make_entity("Trade", kind="topic", aliases=["trade"])
    assert "Trade" not in known(PASSING)


def test_an_everyday_topic_counts_when_used_twice_or_in_the_title_first_paragraph_or_a_heading():
    make_entity("Trade", kind="topic", aliases=["trade"])
    assert "Trade" in known(PASSING + " Later trade ministers met.")
    assert "Trade" in known(PASSING, title="Trade Talks Resume")
    assert "Trade" in known("Officials discussed trade.\n" + PASSING)
    assert "Trade" in known(PASSING + "\n3. Trade with Washington. Tariffs loom over both of the allies this year.")


def test_a_topic_named_by_a_proper_name_needs_one_mention():
    make_entity("Terminal High Altitude Area Defense", kind="topic", aliases=["THAAD"])
    make_entity("Free trade agreements", kind="topic", aliases=["free trade agreement", "FTA"])
    found = known(PASSING + "\nLater in the day THAAD came up, as did the old FTA with Chile.")
    assert "Terminal High Altitude Area Defense" in found and "Free trade agreements" not in found


# "The North" and "the South"

def test_the_north_and_the_south_name_the_koreas_but_not_inside_longer_names():
    make_entity("North Korea", kind="place", aliases=["the North"])
    make_entity("South Korea", kind="place", aliases=["the South"])
    make_entity("South China Sea", kind="place")
    make_entity("NATO", kind="organization", aliases=["North Atlantic Treaty Organization"])
    assert named("Then the North fired and the South answered.") == ["North Korea", "South Korea"]
    assert named("Ships in the South China Sea and the North Atlantic Treaty Organization.") == [
        "South China Sea", "NATO"]
    assert named("the north of the country") == []
