"""The gazetteer matcher: finds known entities in text by name, alias or demonym, longest match first.

Rules: whole words; an optional possessive ("Beijing's"); hyphen, space or nothing between the
parts of a hyphenated name ("Kim Jong-un", "Kim Jong Un", "Kim Jongun"); acronyms and capitalised
names match case-sensitively ("UN" never matches "un", "China" never "china"), while a name
written in lower case ("sanctions", "the Kremlin") also matches with a sentence-initial capital, and
its words capitalised as in a title ("Soft Power").
Not a mention: a place name inside a longer proper name ("George Washington University"); a name
inside a longer word joined by an apostrophe or hyphen ("Xi" in "Xi'an"; "Seoul-based" still is);
a common-word topic written as part of a proper name ("Energy" in "Ministry of Trade, Industry and
Energy"). A demonym ("South Korean") is a mention of its place, flagged as such. An office and a
surname ("President Moon") name the one person who held that office on the article's date.
"""
import re
from dataclasses import dataclass
from datetime import date as Date

from ..names import name_key

# A place preceded by one of these is still the place ("In Washington", "President Xi's Beijing").
LEADING_FUNCTION_WORDS = frozenset("""
a an the in on at to of for from with by and or but as if so than that this these those its it
after before during since until while when where whether although though because about against
between into through over under within without across along around behind beyond near
president premier minister secretary chairman leader envoy ambassador general
""".split())
# A place followed by one of these names something else ("Washington Post", "Seoul National University").
TRAILING_NON_PLACE_WORDS = frozenset("""
University College Post Times Daily Herald Review Journal Institute Street Avenue Square Airport Station
Consensus Declaration National Air Base Stadium Affairs
""".split())
# "University of Washington", "Institute of Korea": a place after "<one of these> of" is part of that name.
INSTITUTION_WORDS = frozenset("University College Institute School Academy Museum Library Hospital Conservatory".split())
# "Portuguese speakers", "the Spanish translation": a demonym as the name of a language, not of a place.
# Not "version" or "course": "the Japanese version of events" and "the Chinese course" name the countries.
LANGUAGE_WORDS_AFTER = frozenset("""
speaker speakers speaking language languages translation translations translated translator translators
subtitles subtitle edition editions dictionary grammar text texts lessons
""".split())
LANGUAGE_WORDS_BEFORE = frozenset("""
speak speaks spoke speaking learn learns learned learning teach teaches teaching taught translate translates
translated translating fluent
""".split())
# "trans-Pacific", "sub-Saharan": a prefix that makes a new word of the name.
JOINING_PREFIXES = frozenset("trans pan sub mid cis intra".split())
# "Seoul-based", "US-led": a place or person still named inside these hyphenated compounds.
COMPOUND_ENDINGS = frozenset("""
based led backed born made owned funded run style era centric bound controlled friendly aligned sponsored
brokered linked related specific wide level type class listed headquartered dominated imposed proposed
allied hosted administered occupied era's
""".split())

@dataclass(slots=True)  # not frozen: a frozen dataclass costs a setattr call per field, per match
class Match:
    """One mention: the entity, the words as written and where they are."""

    entity: object
    words: str
    start: int
    end: int
    demonym: bool = False  # "Chinese" names China, but never makes it a main subject
    common_word: bool = False  # a topic with everyday names ("trade", "FTA"), which needs more evidence

    @property
    def length(self):
        return self.end - self.start


def is_acronym(name):
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def name_atoms(name):
    """The regex atoms for one written name, tolerant of the variants above (one atom a character)."""
    atoms, acronym = [], is_acronym(name)
    for i, ch in enumerate(name):
        previous = name[i - 1] if i else ""
        if ch == "-" and not acronym:
            atoms.append(r"[-\s]?")
        elif ch.isspace():
            if previous.isspace():
                continue
            atoms.append(r"[-\s]+")
        elif ch in "'’":
            atoms.append("['’]")
        elif ch.isalpha() and not acronym and (
                i == 0 and ch.islower() or previous == "-"
                or name[0].islower() and ch.islower() and previous.isspace()):  # "Soft Power" in a title
            atoms.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            atoms.append(re.escape(ch))
    return atoms


def name_pattern(name):
    """A regex fragment for one written name."""
    return "".join(name_atoms(name))


def trie_pattern(names):
    """One regex for many names, shared prefixes merged, so each position costs one branch, not one per name.

    Where a name ends and a longer one goes on, the rest is an optional greedy group: the longest wins.
    """
    trie = {}
    for name in names:
        node = trie
        for atom in name_atoms(name):
            node = node.setdefault(atom, {})
        node[""] = {}

    # Built bottom-up with an explicit stack: a recursive walk of a long name (one level per character)
    # would hit Python's recursion limit at about 1,000 characters.
    emitted, pending = {}, [(trie, False)]
    while pending:
        node, children_done = pending.pop()
        if not children_done:
            pending.append((node, True))
            pending.extend((child, False) for atom, child in node.items() if atom)
            continue
        branches = [atom + emitted.pop(id(child)) for atom, child in node.items() if atom]
        if not branches:
            emitted[id(node)] = ""
            continue
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        emitted[id(node)] = f"{body}?" if "" in node else body
    return emitted[id(trie)]


_COMPILED = {}  # the last full compile: {"names": frozenset, "regex": Pattern}
# Up to this many names added since the last full compile go into a second, small regex.
EXTRA_NAMES = 500


def names_regex(names):
    names = sorted(names, key=len, reverse=True)
    if not names:
        return None
    try:
        return re.compile(rf"(?<!\w)(?P<name>{trie_pattern(names)})(?:['’]s|(?<=s)['’])?(?!\w)")
    except RecursionError:
        # Hundreds of names each a prefix of the next nest as deep as Python's regex compiler recurses:
        # one flat alternation, longest first, matches the same (more slowly).
        flat = "|".join(name_pattern(name) for name in names)
        return re.compile(rf"(?<!\w)(?P<name>(?:{flat}))(?:['’]s|(?<=s)['’])?(?!\w)")


def compiled_names(names):
    """(regex, extra regex or None) for `names`.

    Compiling the whole gazetteer takes a second or two; an import that creates entities as it goes (a
    WordPress export's tags) rebuilds the gazetteer after each, so names added since the last full
    compile go into a small second regex and the big one is reused.
    """
    names = frozenset(names)
    last = _COMPILED.get("names")
    if last and last <= names and len(names - last) <= EXTRA_NAMES:
        return _COMPILED["regex"], names_regex(names - last) if names - last else None
    _COMPILED.update(names=names, regex=names_regex(names))
    return _COMPILED["regex"], None


def spelling_key(words):
    """What a name and every variant the regex accepts for it have in common."""
    return re.sub(r"[-\s]+", "", words.replace("’", "'")).casefold()


class Gazetteer:
    """Every known entity's names compiled into one leftmost-longest regular expression."""

    def __init__(self, entities):
        self.entities = list(entities)
        self.by_name, demonyms = {}, set()
        for entity in self.entities:
            for name in names_to_match(entity):
                name = (name or "").strip()
                if len(name) >= 2:
                    # The first entity to claim a spelling keeps it (names are unique keys; aliases may collide).
                    self.by_name.setdefault(name, entity)
            for name in getattr(entity, "demonyms", None) or []:
                if len(name.strip()) >= 2 and name.strip() not in self.by_name:
                    self.by_name[name.strip()] = entity
                    demonyms.add(spelling_key(name))
        self.keys = {name_key(name) for name in self.by_name}
        self.by_spelling, self.common_words, self.everyday_topics = {}, set(), set()
        for name, entity in self.by_name.items():
            self.by_spelling.setdefault(spelling_key(name), entity)
            if is_everyday_topic(entity):
                # A topic with everyday names ("trade") needs evidence whichever name is used ("FTA", "GDP"), and
                # its words written capitalised mid-sentence belong to a proper name ("Energy" in a ministry's).
                self.everyday_topics.add(entity.pk if entity.pk is not None else id(entity))
                if name[0].islower():
                    self.common_words.add(spelling_key(name))
        self.demonyms = demonyms
        self.regex, self.extra_regex = compiled_names(self.by_name)
        self.resolved = {}  # words as written -> (entity, is a demonym, is an everyday word)
        self.offices = Offices(self.entities, place_named=self.place_named)

    def matches(self, text, on=None, title_length=0):
        """Every non-overlapping mention in `text`, in order; `on` (a date) resolves "President Moon".

        The first `title_length` characters are a title, where every word is capitalised.
        """
        if self.regex is None:
            return []
        found, last_end, resolved_cache = [], 0, self.resolved
        for m in self.scan(text):
            start = m.start()
            if start < last_end:
                continue
            if text.startswith(("the ", "The "), start) and runs_into_a_name(m, text):
                # "the North Atlantic Treaty Organization" is not "the North": try again from "North".
                m = m.re.match(text, start + 4)
                if m is None:
                    continue
                start, last_end = m.start(), m.end()
            words = m.group("name")
            resolved = resolved_cache.get(words)
            if resolved is None:
                key = spelling_key(words)
                entity = self.by_spelling.get(key)
                everyday = entity is not None and (entity.pk if entity.pk is not None else id(entity)) in self.everyday_topics
                resolved = resolved_cache[words] = (entity, key in self.demonyms, key in self.common_words, everyday)
            entity, demonym, common_word, everyday = resolved
            end = m.end()
            if entity is None or (text[end:end + 1] in _JOINERS or text[start - 1:start] in _JOINERS) and \
                    is_inside_longer_word(text, start, end):
                continue
            if entity.kind == "place" and is_inside_longer_name(text, start, end):
                continue
            if demonym and is_language_name(text, start, end):
                continue
            if common_word and start >= title_length and is_part_of_proper_name(text, start, end):
                continue
            found.append(Match(entity, m.group(0), start, end, demonym, everyday))
        if on is not None and self.offices:
            found = merge_matches(found, self.offices.matches(text, on))
        return found

    def scan(self, text):
        """The regex matches, leftmost first and longest where the two regexes' matches overlap."""
        if self.extra_regex is None:
            return self.regex.finditer(text)
        found = sorted([*self.regex.finditer(text), *self.extra_regex.finditer(text)],
                       key=lambda m: (m.start(), -m.end()))
        kept, end = [], 0
        for m in found:
            if m.start() >= end:
                kept.append(m)
                end = m.end()
        return kept

    def knows(self, name):
        return name_key(name) in self.keys

    def place_named(self, words):
        entity = self.by_spelling.get(spelling_key(words))
        return entity if entity is not None and entity.kind == "place" else None


def is_everyday_topic(entity):
    """A topic named by everyday words: it has a lower-case alias ("trade", "energy security")."""
    return entity.kind == "topic" and any(alias[:1].islower() for alias in entity.aliases)


def names_to_match(entity):
    """The entity's name and aliases, less an everyday topic's one-word label that is not itself an alias
    ("Labor", "Military": the words that name the topic are its aliases, "labor market", "troops")."""
    names = [entity.name, *entity.aliases]
    if is_everyday_topic(entity) and " " not in entity.name and entity.name.lower() not in entity.aliases:
        names = names[1:]
    return names


class Offices:
    """Who held which office when, so that an office and a surname ("Chairman Kim") name one person."""

    def __init__(self, entities, place_named=lambda words: None):
        self.place_named = place_named  # words -> the place entity they name, or None
        self.held = {}  # (title, surname) -> [(entity, start, end, office)]
        for entity in entities:
            for office in getattr(entity, "offices", None) or []:
                start, end = parse_date(office.get("start")), parse_date(office.get("end"))
                for title in office.get("titles") or []:
                    self.held.setdefault((title, office["surname"]), []).append(
                        (entity, start, end, office.get("office", "")))
        titles = sorted({title for title, _ in self.held}, key=len, reverse=True)
        surnames = sorted({surname for _, surname in self.held}, key=len, reverse=True)
        self.regex = re.compile(
            rf"(?<![\w’'-])(?P<former>[Ff]ormer[ \t]+)?(?:{'|'.join(map(re.escape, titles))})[ \t]+"
            rf"(?:{'|'.join(map(re.escape, surnames))})(?:['’]s)?(?![\w’'-])") if self.held else None
        first_words = sorted({"former", "Former"} | {title.split()[0] for title in titles}, key=len, reverse=True)
        # One alternation of literal words: the regex engine skips in C to the letters they start with.
        self.first_words = re.compile("|".join(map(re.escape, first_words))) if self.held else None
        self.title_pattern = re.compile(rf"^(?:[Ff]ormer[ \t]+)?(?P<title>{'|'.join(map(re.escape, titles))})[ \t]+"
                                        rf"(?P<surname>\S+?)(?:['’]s)?$") if self.held else None

    def __bool__(self):
        return bool(self.held)

    def matches(self, text, on):
        found, end = [], 0
        for start in self.title_positions(text):
            if start < end:
                continue
            m = self.regex.match(text, start)
            if m is None:
                continue
            end = m.end()
            # "Chairman Kim Yong-chol": a given name follows, so this is someone else written out in full.
            if re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2]) or re.match(r"-[a-z]", text[m.end():m.end() + 2]):
                continue
            parts = self.title_pattern.match(m.group(0))
            if parts is None:
                continue
            people = self.who(parts.group("title"), parts.group("surname"), on, former=bool(m.group("former")))
            if len(people) > 1:
                # "Prime Minister Lee of Singapore", "South Korean Prime Minister Lee": the country decides.
                places = self.places_around(text, m.start(), m.end())
                people = {p for p in people if any(place in office for place in places for office in p[1])}
            if len(people) == 1:
                found.append(Match(people.pop()[0], m.group(0), m.start(), m.end()))
        return found

    def places_around(self, text, start, end):
        """Names of the places written just before the title or in "of X" just after it."""
        before = text[max(0, start - 30):start].split()[-2:]
        after = re.match(r"[ \t]+of[ \t]+((?:[A-Z][\w’'-]*[ \t]*){1,3})", text[end:end + 40])
        phrases = [" ".join(before), *before[-1:], *(after.group(1).split()[:n] for n in (1, 2, 3))] if after else \
            [" ".join(before), *before[-1:]]
        places = set()
        for phrase in phrases:
            phrase = " ".join(phrase) if isinstance(phrase, list) else phrase
            entity = self.place_named(re.sub(r"['’]s$", "", phrase))
            if entity is not None:
                places.add(entity.name)
        return places

    def title_positions(self, text):
        """Where a title's first word starts in `text`: one literal search, much cheaper than the whole regex."""
        return [m.start() for m in self.first_words.finditer(text)]

    def who(self, title, surname, on, former=False):
        """{(person, their offices)} with this title and surname in office `on` (or, `former`, out of it by then)."""
        people = {}
        for entity, start, end, office in self.held.get((title, surname), []):
            if (former and end is not None and end < on
                    or not former and (start is None or start <= on) and (end is None or on <= end)):
                people.setdefault(entity, set()).add(office)
        return {(entity, frozenset(offices)) for entity, offices in people.items()}


def runs_into_a_name(m, text):
    """True for "the North" or "the South" followed by a capitalised word ("the South China Sea")."""
    return (m.group("name")[:4] in ("the ", "The ") and m.group(0) == m.group("name")
            and bool(_CAPITALISED_AFTER.match(text, m.end(), m.end() + 3)))


def parse_date(value):
    try:
        return Date.fromisoformat(value) if value else None
    except ValueError:
        return None


def merge_matches(matches, extra):
    """`matches` plus those of `extra` that overlap none of them, in text order."""
    kept = [m for m in extra if not any(m.start < o.end and o.start < m.end for o in matches)]
    return sorted(matches + kept, key=lambda m: m.start) if kept else matches


_LOWER_RUN = re.compile(r"[a-z]+")
_JOINERS = frozenset("'’-")
_PREFIX_BEFORE = re.compile(r"[A-Za-z]+$")


def is_inside_longer_word(text, start, end):
    """True for a name joined by an apostrophe or hyphen to more of one word: "Xi'an", "Moon-lit", "d'Abe",
    "trans-Pacific" ("anti-American" and "US-Japan" still name their places)."""
    if start >= 2 and text[start - 1] in "'’" and text[start - 2].isalpha():
        return True
    if start >= 2 and text[start - 1] == "-" and text[start - 2].islower():
        prefix = _PREFIX_BEFORE.search(text, max(0, start - 12), start - 1)
        if prefix and prefix.group(0).lower() in JOINING_PREFIXES:
            return True
    if end >= len(text) or text[end] not in "'’-":
        return False
    rest = _LOWER_RUN.match(text, end + 1, end + 20)
    if rest is None:
        return False  # "US-Japan", or a closing quote
    return text[end] != "-" or rest.group(0) not in COMPOUND_ENDINGS


_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z]")


def is_part_of_proper_name(text, start, end):
    """True when an everyday word is capitalised as part of a name ("Ministry of Trade, Industry and Energy")."""
    if not text[start].isupper():
        return False
    return not sentence_starts_at(text, start) or bool(_CAPITALISED_AFTER.match(text, end, end + 3))


_WORD_AFTER = re.compile(r"[ \t]+([\w’']+)")


def is_inside_longer_name(text, start, end):
    """True when a capitalised word runs straight into the match, or a run of capitalised words after it
    ends in a non-place word ("Michigan State University"), or an institution's "of" comes before it
    ("University of Toronto")."""
    if start > 1 and text[start - 1] in " \t" and text[start - 2].isalnum():
        last = start - 2
        first = last
        while first > 0 and (text[first - 1].isalnum() or text[first - 1] in "’'-"):
            first -= 1
        word = text[first:last + 1]
        if word == "of":
            before = _WORD_BEFORE_OF.search(text, max(0, first - 20), first)
            if before and before.group(1) in INSTITUTION_WORDS:
                return True
        elif (word[0].isupper() and word.lower() not in LEADING_FUNCTION_WORDS
                and not word.endswith(("'s", "’s"))  # "Samsung's Pyeongtaek campus" names Pyeongtaek
                and not sentence_starts_at(text, first)):
            return True
    if end < len(text) - 1 and text[end] in " \t" and text[end + 1].isupper():
        after = _CAPITALISED_RUN.match(text, end, end + 60)
        return bool(after and any(word in TRAILING_NON_PLACE_WORDS for word in after.group(0).split()))
    return False


_WORD_BEFORE_OF = re.compile(r"([A-Z]\w+)[ \t]+$")
_CAPITALISED_RUN = re.compile(r"(?:[ \t][A-Z][\w’']*){1,3}")
_WORD_BEFORE = re.compile(r"([\w’']+)[ \t]+$")


def is_language_name(text, start, end):
    """True for a demonym that names a language: "Portuguese speakers", "speak Chinese", "written in Korean."."""
    after = _WORD_AFTER.match(text, end, end + 30)
    if after and after.group(1).lower() in LANGUAGE_WORDS_AFTER or text.startswith("-language", end) \
            or text.startswith("-speaking", end):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is None:
        return False
    word = before.group(1).lower()
    return word in LANGUAGE_WORDS_BEFORE or word in ("in", "into") and (end == len(text) or text[end] in ".,;:)!?")


def sentence_starts_at(text, index):
    """True when `index` is the first word of a sentence, a line or the text."""
    while index > 0 and text[index - 1] in " \t\"“‘'(":
        index -= 1
    return index == 0 or text[index - 1] in ".!?:\n"
