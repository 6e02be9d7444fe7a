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
# The prose: a large vocabulary with skewed frequencies. Each article has a main topic and one or
# two side topics and draws most of its objects from their pools, so common words stay common
# while specific terms ("pipeline", "tariffs") appear in a minority of articles, as in a real
# archive. Within every pool earlier items are more frequent (Zipf-like weights).
SUBJECTS = [
    "the government", "officials in Seoul", "the ministry", "analysts", "the administration", "the regime",
    "policymakers", "lawmakers", "negotiators", "the central bank", "observers", "regional partners", "investors",
    "exporters", "the alliance", "the foreign ministry", "the delegation", "the negotiating team",
    "the presidential office", "the opposition party", "the ruling party", "diplomats in Beijing", "Pyongyang",
    "Washington", "Tokyo", "Beijing", "Moscow", "the defence ministry", "the trade ministry", "business leaders",
    "union leaders", "provincial governors", "the prime minister", "the national assembly", "the European Union",
    "the United Nations", "think tank researchers", "military planners", "senior officials", "the finance ministry",
    "local authorities", "industry groups", "aid agencies", "civic groups", "the courts", "state media",
    "the unification ministry", "the security council", "economists", "editorial writers",
]
VERBS = [
    "announced", "proposed", "rejected", "welcomed", "reviewed", "signalled", "defended", "questioned", "endorsed",
    "postponed", "expanded", "tightened", "negotiated", "resisted", "accelerated", "reconsidered", "criticised",
    "approved", "delayed", "softened", "abandoned", "revived", "scaled back", "pushed for", "played down",
    "warned against", "called for", "backed", "blocked", "extended", "suspended", "renewed", "drafted", "unveiled",
    "challenged", "funded", "monitored", "debated", "linked", "tied their support to", "quietly dropped",
    "raised concerns about", "pressed ahead with", "struggled to implement", "sought clarity on", "reaffirmed",
]
GENERAL_OBJECTS = [
    "the annual budget", "the new strategy", "a summit meeting", "a policy review", "the draft law",
    "public consultations", "the white paper", "a joint statement", "the five-year plan",
    "an independent inquiry", "the reform package", "emergency measures", "a special envoy", "the working group",
    "the interim report", "the inflation target", "a confidence-building package", "the spending review", "a regulatory overhaul",
]
TOPIC_OBJECTS = {
    "Sanctions": [
        "sanctions enforcement", "secondary sanctions on banks", "a freeze on overseas assets", "the coal export ban",
        "new sanctions on shipping", "caps on oil imports", "the sanctions committee report", "a blacklist of trading firms",
        "ship-to-ship transfers", "sanctions waivers for aid groups", "front companies abroad", "the panel of experts",
    ],
    "Nuclear program": [
        "the nuclear talks", "a verification regime", "the enrichment facility", "inspections by the atomic agency",
        "the denuclearisation roadmap", "a freeze on fissile material", "the reactor complex", "the nuclear test site",
        "plutonium reprocessing", "warhead development", "a nuclear moratorium",
    ],
    "Missiles": [
        "missile defence batteries", "a round of missile launches", "the intercontinental missile programme",
        "the solid-fuel engine", "submarine-launched missiles", "hypersonic glide vehicles", "the early-warning radar",
        "launch pad construction", "missile technology controls",
    ],
    "Trade": [
        "a trade agreement", "tariffs on steel", "export quotas", "rules of origin", "anti-dumping duties",
        "the customs union", "the trade deficit", "agricultural market access", "the trade dispute",
        "a free trade zone", "steel import safeguards", "trade remedies",
    ],
    "Unification": [
        "family reunions", "the liaison office", "inter-Korean railways", "the unification fund",
        "the joint industrial complex", "cross-border exchanges", "defector resettlement", "a peace declaration",
    ],
    "Human rights": [
        "humanitarian assistance", "the prison camp inquiry", "refugee protection", "forced repatriation",
        "freedom of movement", "the rapporteur's findings", "abductee cases", "detention conditions",
    ],
    "Alliances": [
        "joint military exercises", "troop cost-sharing", "the mutual defence treaty", "extended deterrence",
        "wartime operational control", "trilateral security talks", "base relocation", "intelligence sharing",
    ],
    "Energy": [
        "energy subsidies", "the pipeline project", "liquefied natural gas contracts", "the electricity tariff",
        "offshore wind auctions", "the nuclear power phase-out", "grid interconnection", "coal plant closures",
        "hydrogen fuel cells", "strategic oil reserves",
    ],
    "Cybersecurity": [
        "cyber defence cooperation", "ransomware attacks", "cryptocurrency thefts", "the hacking group",
        "critical infrastructure protection", "software vulnerabilities", "a data breach at the exchange",
    ],
    "Food security": [
        "food aid shipments", "the rice harvest", "fertiliser imports", "grain reserves", "the drought response",
        "livestock disease", "maize prices",
    ],
    "Demographics": [
        "the birth rate", "pension reform", "an ageing workforce", "childcare subsidies", "immigration quotas",
        "rural depopulation", "housing for young families",
    ],
    "Semiconductors": [
        "export controls on chips", "the foundry expansion", "memory chip prices", "chip subsidies",
        "lithography equipment", "wafer supply chains", "the fabrication plant",
    ],
    "Shipbuilding": [
        "shipbuilding orders", "the dockyard restructuring", "container ship contracts", "naval frigates",
        "gas carrier deliveries", "steel plate prices", "the shipyard union",
    ],
    "Tourism": [
        "visa waivers", "the tourist zone", "cruise arrivals", "duty-free sales", "the mountain resort",
        "group tour bans", "hotel occupancy",
    ],
    "Currency": [
        "a currency swap", "the exchange rate", "won depreciation", "foreign reserves", "capital controls",
        "currency intervention", "the bond market",
    ],
    "Infrastructure": [
        "port access", "the high-speed rail line", "the special economic zones", "the bridge project",
        "road connections", "airport expansion", "logistics hubs", "broadband rollout",
    ],
    "Climate policy": [
        "the emissions trading scheme", "carbon pricing", "the net-zero target", "flood defences",
        "reforestation programmes", "methane rules", "climate finance",
    ],
    "Public health": [
        "vaccine supplies", "quarantine rules", "hospital capacity", "tuberculosis treatment", "border health checks",
        "medical aid", "the pandemic response",
    ],
    "Labor markets": [
        "the minimum wage", "working hours", "youth unemployment", "the union strike", "dispatch workers",
        "overseas workers", "job creation programmes",
    ],
    "Foreign investment": [
        "investment rules", "the investment treaty", "joint ventures", "screening of acquisitions",
        "greenfield factories", "sovereign wealth funds", "profit repatriation",
    ],
}
PREPOSITIONS = ["after", "despite", "amid", "following", "ahead of", "in response to", "before"]
EVENTS = [
    "months of quiet diplomacy", "strong opposition at home", "a slowdown in the third quarter", "the election",
    "rising tension on the peninsula", "pressure from business groups", "a round of missile tests",
    "the leadership change", "the spring forum", "a sharp fall in exports", "the budget debate",
    "protests in the capital", "a cabinet reshuffle", "the court ruling", "a flood season", "the party congress",
    "a diplomatic incident at sea", "the state visit", "a wave of defections", "the autumn harvest",
    "a spike in oil prices", "the opening of the new session", "a leaked memo", "the regional forum",
    "the anniversary commemorations", "a collapse in the won", "the annual exercises", "new polling",
]
FIXED_CLAUSES = [
    "after talks broke down", "while markets waited for clarity", "in a move that surprised many",
    "in line with earlier commitments", "as exports recovered", "as the election approached",
]
# The fixed clauses spread through the list, so none of them is among the most frequent.
CLAUSES = [f"{p} {e}" for e in EVENTS for p in PREPOSITIONS]
for _n, _clause in enumerate(FIXED_CLAUSES):
    CLAUSES.insert(12 + 25 * _n, _clause)
# Firms, funds and towns each article mentions in passing: thousands of rare words.
NAME_SYLLABLES = ["han", "bit", "dae", "sung", "mi", "rae", "jin", "ho", "kyung", "won", "sam", "il", "yeon",
                  "dong", "baek", "geum", "na", "ra", "seon", "tae", "ok", "cheon", "yu", "gwang"]
LOCAL_KINDS = ["Holdings", "Industries", "Logistics", "Foundation", "Partners", "Securities", "Motors", "Chemicals",
               "Cooperative", "Electric", "Textiles", "Works"]
CONSEQUENCES = [
    "will take years to pay off", "could reshape the debate", "is far from settled", "leaves many questions open",
    "has drawn little public attention", "may prove costly", "was long overdue", "risks backfiring",
    "has divided the ruling coalition", "deserves closer scrutiny", "remains popular with voters",
]
TITLE_PATTERNS = [
    "{a} and the Future of {t}", "What {a} Means for {t}", "{t} After {a}", "Rethinking {t}",
    "{a}: Three Questions on {t}", "The Politics of {t}", "{a} Looks Abroad", "Why {t} Matters Now",
]


def _weighted(items, exponent=1.0):
    """(items, cumulative Zipf-like weights): the first item is the most frequent."""
    total, cumulative = 0.0, []
    for rank in range(len(items)):
        total += 1 / (rank + 1) ** exponent
        cumulative.append(total)
    return items, cumulative


_SUBJECTS, _VERBS = _weighted(SUBJECTS), _weighted(VERBS)
_CLAUSES, _CONSEQUENCES = _weighted(CLAUSES, 0.8), _weighted(CONSEQUENCES)
_GENERAL = _weighted(GENERAL_OBJECTS)
_TOPIC_OBJECTS = {topic: _weighted(objects) for topic, objects in TOPIC_OBJECTS.items()}
_TOPICS = _weighted(TOPICS, 0.4)


def _local_names():
    rng = random.Random(7)
    names = sorted({f"{rng.choice(NAME_SYLLABLES)}{rng.choice(NAME_SYLLABLES)}".title() for _ in range(3000)})
    names = [f"{name} {kind}" for name in names for kind in LOCAL_KINDS]
    rng.shuffle(names)
    return _weighted(names[:3000], 0.6)


_LOCAL = _local_names()


def _pick(rng, pool):
    items, cumulative = pool
    return rng.choices(items, cum_weights=cumulative)[0]


def article_topics(rng, entity_names=()):
    """The article's main topic (its topic entity, if it has one) and one or two side topics."""
    chosen = [name for name in entity_names if name in TOPIC_OBJECTS]
    while len(chosen) < 2 + (rng.random() < 0.5):
        topic = _pick(rng, _TOPICS)
        if topic not in chosen:
            chosen.append(topic)
    return chosen


def _object(rng, topics):
    roll = rng.random()
    if roll < 0.6:
        return _pick(rng, _TOPIC_OBJECTS[topics[0]])
    if roll < 0.85:
        return _pick(rng, _TOPIC_OBJECTS[rng.choice(topics[1:])])
    return _pick(rng, _GENERAL)


def _sentence(rng, names, topics):
    roll = rng.random()
    subject = rng.choice(names) if names and roll < 0.25 else _pick(rng, _SUBJECTS)
    if roll > 0.9:
        subject = _pick(rng, _LOCAL)
    form = rng.random()
    if form < 0.45:
        text = f"{subject} {_pick(rng, _VERBS)} {_object(rng, topics)} {_pick(rng, _CLAUSES)}."
    elif form < 0.65:
        text = f"{_pick(rng, _CLAUSES)}, {subject} {_pick(rng, _VERBS)} {_object(rng, topics)}."
    elif form < 0.8:
        text = f"{subject} {_pick(rng, _VERBS)} {_object(rng, topics)} and {_object(rng, topics)}."
    elif form < 0.9:
        text = f"Critics argue that {_object(rng, topics)} {_pick(rng, _CONSEQUENCES)}."
    elif names:
        text = f"According to reports, {rng.choice(names)} {_pick(rng, _VERBS)} {_object(rng, topics)}."
    else:
        text = f"The debate over {_object(rng, topics)} {_pick(rng, _CONSEQUENCES)}."
    return text[0].upper() + text[1:]


def paragraph(rng, names, sentences, topics=None):
    topics = topics or article_topics(rng, names)
    return " ".join(_sentence(rng, names, topics) for _ in range(sentences))


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


def article_text(rng, entity_names, words=900, topics=None):
    """About `words` words in paragraphs of 4-7 sentences on the article's topics, mentioning the
    given entities."""
    topics = topics or article_topics(rng, entity_names)
    paragraphs, total = [], 0
    while total < words:
        para = paragraph(rng, entity_names, rng.randint(4, 7), topics)
        paragraphs.append(para)
        total += len(para.split())
    return paragraphs


def title(rng, entity_names, topics=None):
    topic = topics[0] if topics else rng.choice(TOPICS)
    actor = rng.choice(entity_names) if entity_names else rng.choice(CATEGORIES)
    return rng.choice(TITLE_PATTERNS).format(a=actor, t=topic)
