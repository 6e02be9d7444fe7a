"""Realistic synthetic articles for demos and benchmarks, built deterministically from a seed."""
import random
from datetime import datetime, timedelta, timezone as dt_timezone

FIRST_NAMES = [
    "Min-ji", "Ji-hoon", "Seo-yeon", "Hyun-woo", "Eun-ji", "Sung-min", "Ha-eun", "Jae-won", "Soo-jin", "Dong-hyun",
    "Sarah", "James", "Emily", "Michael", "Laura", "David", "Anna", "Robert", "Grace", "Daniel", "Hannah", "Peter",
    "Yuki", "Kenji", "Mei", "Wei", "Olga", "Ivan", "Priya", "Arjun", "Lucia", "Tomas", "Nadia", "Omar", "Clara",
]
LAST_NAMES = [
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin", "Seo", "Kwon",
    "Smith", "Johnson", "Brown", "Miller", "Davis", "Wilson", "Taylor", "Clark", "Walker", "Young", "Allen",
    "Tanaka", "Suzuki", "Wang", "Zhang", "Petrov", "Ivanova", "Sharma", "Garcia", "Rossi", "Novak", "Haddad",
]
ORG_PATTERNS = [
    "{} Institute for Peace", "{} Economic Forum", "Center for {} Studies", "{} Development Bank",
    "{} Trade Association", "{} Policy Council", "{} Maritime Agency", "{} Energy Corporation",
]
ORG_STEMS = [
    "Asia-Pacific", "Northeast Asia", "Pacific Rim", "East Sea", "Yellow Sea", "Han River", "Korea-US", "Trans-Pacific",
    "Eurasian", "Indo-Pacific", "Mekong", "Baltic", "Atlantic", "Nordic", "Central Asia", "Gulf",
]
PLACE_STEMS = ["Nam", "Buk", "Dong", "Seo", "Jung", "Gang", "San", "Cheon", "Hae", "Won", "Yang", "Song"]
PLACE_SUFFIXES = ["-do Province", " County", " Special Zone", " Port", " Industrial Region", " City"]
TOPICS = [
    "Sanctions", "Nuclear program", "Missiles", "Trade", "Unification", "Human rights", "Alliances", "Energy",
    "Cybersecurity", "Food security", "Demographics", "Semiconductors", "Shipbuilding", "Tourism", "Currency",
    "Infrastructure", "Climate policy", "Public health", "Labor markets", "Foreign investment",
]
CATEGORIES = [
    "North Korea", "South Korea", "Economics", "Current Events", "Security", "Trade", "China", "Japan",
    "United States", "Russia", "Energy", "Technology", "Society", "Politics", "Korea-US Relations",
    "Human Rights", "Unification", "Southeast Asia", "Climate", "Culture",
]
SUBJECTS = [
    "the government", "the ministry", "the central bank", "negotiators", "analysts", "officials in Seoul",
    "the administration", "exporters", "the regime", "lawmakers", "the alliance", "regional partners",
    "investors", "the negotiating team", "the foreign ministry", "observers", "the delegation", "policymakers",
]
VERBS = [
    "announced", "signalled", "rejected", "welcomed", "postponed", "reconsidered", "expanded", "tightened",
    "questioned", "endorsed", "reviewed", "defended", "accelerated", "resisted", "negotiated", "proposed",
]
OBJECTS = [
    "new sanctions on shipping", "a trade agreement", "the nuclear talks", "tariffs on steel", "a currency swap",
    "joint military exercises", "humanitarian assistance", "the special economic zones", "energy subsidies",
    "investment rules", "export controls on chips", "a summit meeting", "the pipeline project",
    "family reunions", "cyber defence cooperation", "port access", "the inflation target", "food aid shipments",
]
CLAUSES = [
    "despite strong opposition at home", "after months of quiet diplomacy", "as growth slowed in the third quarter",
    "while markets waited for clarity", "amid rising tension on the peninsula", "in a move that surprised many",
    "following a round of missile tests", "as the election approached", "under pressure from business groups",
    "in line with earlier commitments", "after talks broke down", "as exports recovered",
]
TITLE_PATTERNS = [
    "{a} and the Future of {t}", "What {a} Means for {t}", "{t} After {a}", "Rethinking {t}",
    "{a}: Three Questions on {t}", "The Politics of {t}", "{a} Looks Abroad", "Why {t} Matters Now",
]


def _sentence(rng, names):
    subject = rng.choice(SUBJECTS + names) if names and rng.random() < 0.35 else rng.choice(SUBJECTS)
    text = f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CLAUSES)}."
    if names and rng.random() < 0.2:
        text = f"According to reports, {rng.choice(names)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    return text[0].upper() + text[1:]


def paragraph(rng, names, sentences):
    return " ".join(_sentence(rng, names) for _ in range(sentences))


def person_names(count, rng):
    names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(names)
    return names[:count]


def entity_specs(count, rng):
    """(name, kind) pairs: topics, then a mix of people, organisations and places."""
    specs = [(topic, "topic") for topic in TOPICS]
    people = person_names(count, rng)
    orgs = [pattern.format(stem) for pattern in ORG_PATTERNS for stem in ORG_STEMS]
    places = [f"{a}{b.lower()}{suffix}" for a in PLACE_STEMS for b in PLACE_STEMS if a != b for suffix in PLACE_SUFFIXES]
    rng.shuffle(places)
    pools = [(people, "person"), (orgs, "organization"), (places, "place")]
    while len(specs) < count and any(pool for pool, _ in pools):
        for pool, kind in pools:
            if pool and len(specs) < count:
                specs.append((pool.pop(), kind))
    return specs


def article_dates(count, rng, years=15, now=None):
    now = now or datetime.now(dt_timezone.utc)
    span = years * 365 * 24 * 3600
    return [now - timedelta(seconds=rng.randrange(3600, span)) for _ in range(count)]


def article_text(rng, entity_names, words=900):
    """About `words` words in paragraphs of 4-7 sentences, mentioning the given entities."""
    paragraphs, total = [], 0
    while total < words:
        para = paragraph(rng, entity_names, rng.randint(4, 7))
        paragraphs.append(para)
        total += len(para.split())
    return paragraphs


def title(rng, entity_names):
    topic = rng.choice(TOPICS)
    actor = rng.choice(entity_names) if entity_names else rng.choice(CATEGORIES)
    return rng.choice(TITLE_PATTERNS).format(a=actor, t=topic)
