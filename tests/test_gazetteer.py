"""The gazetteer (fixtures/entities.json) holds what the archive's field needs; demonyms and offices are kept
apart from names and aliases."""
import json
from pathlib import Path

import pytest

from articles.entities.matching import Gazetteer
from articles.models import Entity
from articles.names import name_key

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "entities.json"
ROWS = [row["fields"] for row in json.loads(GAZETTEER.read_text(encoding="utf-8")) if row["model"] == "articles.entity"]
BY_NAME = {name_key(name): row for row in ROWS for name in [row["name"], *row["aliases"]]}

# UN members (a sample from every continent and the newest), the two observers, and the three the issue adds.
STATES = ["Afghanistan", "Brazil", "Tuvalu", "South Sudan", "Montenegro", "Eswatini", "North Macedonia", "Laos",
          "North Korea", "South Korea", "China", "Japan", "Russia", "United States", "Holy See", "Palestine",
          "Taiwan", "Hong Kong", "Kosovo"]
METONYMS = {"Pyongyang": "North Korea", "Seoul": "South Korea", "Beijing": "China", "Tokyo": "Japan",
            "Moscow": "Russia", "the Kremlin": "Russia", "Washington": "United States"}
KOREAN_LEADERS = [
    "Kim Il-sung", "Kim Jong-il", "Kim Jong-un",
    "Syngman Rhee", "Heo Jeong", "Yun Po-sun", "Park Chung-hee", "Choi Kyu-hah", "Park Choong-hoon", "Chun Doo-hwan",
    "Roh Tae-woo", "Kim Young-sam", "Kim Dae-jung", "Roh Moo-hyun", "Goh Kun", "Lee Myung-bak", "Park Geun-hye",
    "Hwang Kyo-ahn", "Moon Jae-in", "Yoon Suk-yeol", "Han Duck-soo", "Choi Sang-mok", "Lee Jae-myung",
]
# Heads of government and foreign ministers since 2000 (acting ones included).
SINCE_2000 = {
    "US": ["Bill Clinton", "George W. Bush", "Barack Obama", "Donald Trump", "Joe Biden", "Madeleine Albright",
           "Colin Powell", "Condoleezza Rice", "Hillary Clinton", "John Kerry", "Rex Tillerson", "Mike Pompeo",
           "Antony Blinken", "Marco Rubio"],
    "China": ["Zhu Rongji", "Wen Jiabao", "Li Keqiang", "Li Qiang", "Tang Jiaxuan", "Li Zhaoxing", "Yang Jiechi",
              "Wang Yi", "Qin Gang"],
    "Japan": ["Keizo Obuchi", "Yoshiro Mori", "Junichiro Koizumi", "Shinzo Abe", "Yasuo Fukuda", "Taro Aso",
              "Yukio Hatoyama", "Naoto Kan", "Yoshihiko Noda", "Yoshihide Suga", "Fumio Kishida", "Shigeru Ishiba",
              "Yohei Kono", "Makiko Tanaka", "Yoriko Kawaguchi", "Nobutaka Machimura", "Masahiko Komura",
              "Hirofumi Nakasone", "Katsuya Okada", "Seiji Maehara", "Takeaki Matsumoto", "Koichiro Gemba",
              "Taro Kono", "Toshimitsu Motegi", "Yoshimasa Hayashi", "Yoko Kamikawa", "Takeshi Iwaya"],
    "Russia": ["Vladimir Putin", "Mikhail Kasyanov", "Viktor Khristenko", "Mikhail Fradkov", "Viktor Zubkov",
               "Dmitry Medvedev", "Mikhail Mishustin", "Igor Ivanov", "Sergey Lavrov"],
}
ORGANISATIONS = ["United Nations", "UN Security Council", "IAEA", "WTO", "ASEAN", "APEC", "Six-Party Talks",
                 "Workers' Party of Korea", "Samsung", "Hyundai", "KEI"]
TOPICS = ["sanctions", "nuclear program", "missiles", "trade", "unification", "human rights", "alliances", "energy"]
DEMONYMS = ["Chinese", "Korean", "North Korean", "South Korean", "Japanese", "Russian", "American", "Asian"]


def kind_of(name):
    row = BY_NAME.get(name_key(name))
    return row and row["kind"]


@pytest.mark.parametrize("name", STATES)
def test_states_observers_and_territories_are_places(name):
    assert kind_of(name) == "place"


def test_capitals_and_metonyms_are_aliases_of_their_country():
    assert {alias: BY_NAME[name_key(alias)]["name"] for alias in METONYMS} == METONYMS


@pytest.mark.parametrize("group, names", [("Koreas since 1948", KOREAN_LEADERS), *SINCE_2000.items()])
def test_leaders_and_foreign_ministers_are_people(group, names):
    assert [name for name in names if kind_of(name) != "person"] == [], group


def test_the_fields_organisations_and_topics_are_there():
    assert [name for name in ORGANISATIONS if kind_of(name) != "organization"] == []
    assert [name for name in TOPICS if kind_of(name) != "topic"] == []


def test_no_demonym_is_a_name_or_alias_but_countries_carry_theirs():
    assert [name for name in DEMONYMS if name_key(name) in BY_NAME] == []
    demonyms = {row["name"]: row["demonyms"] for row in ROWS if row["demonyms"]}
    assert {"China": ["Chinese"], "North Korea": ["North Korean", "North Koreans"],
            "South Korea": ["South Korean", "South Koreans"], "Japan": ["Japanese"]}.items() <= demonyms.items()
    assert not [name for forms in demonyms.values() for name in forms if name in ("Korean", "Koreans", "Asian")]
    gazetteer = Gazetteer([Entity(**{k: row[k] for k in ("name", "slug", "kind", "aliases", "demonyms")})
                           for row in ROWS])
    matched = [(m.entity.name, m.demonym) for m in gazetteer.matches(
        "The Chinese Communist Party met Japanese and Russian envoys.")]
    assert matched == [("Chinese Communist Party", False), ("Japan", True), ("Russia", True)]


def test_the_gazetteer_is_large_and_every_slug_and_key_unique():
    assert len(ROWS) >= 1500
    assert len({row["slug"] for row in ROWS}) == len({row["key"] for row in ROWS}) == len(ROWS)


# Named in the issue: international bodies, central banks, companies, ministries under their official
# English names, markets, agreements and systems, recurring events, and short forms.
FIELD = {
    "organization": ["OECD", "WHO", "IOC", "IMF", "World Bank", "APEC", "G7", "G20", "Federal Reserve", "Bank of Korea",
                     "Bank of Japan", "People's Bank of China", "Samsung Electronics", "SK Hynix", "Hyundai Motor",
                     "LG", "Ministry of Trade, Industry and Energy", "Ministry of Economy and Finance",
                     "Ministry of National Defense", "Korea Economic Institute"],
    "topic": ["KOSPI", "KORUS FTA", "THAAD", "PyeongChang 2018", "Sunshine Policy"],
    "place": ["Busan", "Kaesong", "Yongbyon", "Gyeonggi Province", "Okinawa", "Shenyang", "Texas"],
}


@pytest.mark.parametrize("kind, names", FIELD.items())
def test_the_field_the_blog_names_every_week_is_covered(kind, names):
    assert [name for name in names if kind_of(name) != kind] == []


def test_people_carry_their_offices_with_dates():
    moon = BY_NAME[name_key("Moon Jae-in")]
    assert {"office": "President of South Korea", "titles": ["President"], "surname": "Moon",
            "start": "2017-05-10", "end": "2022-05-09"} in moon["offices"]
    assert moon["description"] == "President of South Korea, 2017-05-10 to 2022-05-09."
    assert BY_NAME[name_key("Xi Jinping")]["offices"][0]["surname"] == "Xi"
    assert BY_NAME[name_key("Shinzo Abe")]["offices"][0]["surname"] == "Abe"
    beyond = ["Narendra Modi", "Joko Widodo", "Rodrigo Duterte", "Lee Hsien Loong", "Tsai Ing-wen", "Angela Merkel",
              "Emmanuel Macron", "Anthony Albanese", "Khaltmaagiin Battulga", "António Guterres"]
    assert [name for name in beyond if not BY_NAME[name_key(name)]["offices"]] == []
    for row in ROWS:
        for office in row["offices"]:
            assert office["start"] and (not office["end"] or office["start"] <= office["end"]), row["name"]
