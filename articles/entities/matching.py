"""The gazetteer matcher: finds known entities in text by name or alias, longest match first.

Rules: whole words; an optional possessive ("Beijing's"); hyphen, space or nothing between the
parts of a hyphenated name ("Kim Jong-un", "Kim Jong Un", "Kim Jongun"); acronyms and capitalised
names match case-sensitively ("UN" never matches "un", "China" never "china"), while a name
written in lower case ("sanctions", "the Kremlin") also matches with a sentence-initial capital.
A place name inside a longer proper name ("George Washington University") is not a mention.
"""
import re
from dataclasses import dataclass

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
Consensus Declaration National
""".split())

@dataclass(frozen=True)
class Match:
    """One mention: the entity, the words as written and where they are."""

    entity: object
    words: str
    start: int
    end: int

    @property
    def length(self):
        return self.end - self.start


def is_acronym(name):
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def name_atoms(name):
    """The regex atoms for one written name, tolerant of the variants above (one atom a character)."""
    atoms = []
    for i, ch in enumerate(name):
        previous = name[i - 1] if i else ""
        if ch == "-" and not is_acronym(name):
            atoms.append(r"[-\s]?")
        elif ch.isspace():
            if previous.isspace():
                continue
            atoms.append(r"[-\s]+")
        elif ch in "'’":
            atoms.append("['’]")
        elif ch.isalpha() and not is_acronym(name) and (i == 0 and ch.islower() or previous == "-"):
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

    def emit(node):
        branches = [atom + emit(child) for atom, child in node.items() if atom]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return f"{body}?" if "" in node else body

    return emit(trie)


def spelling_key(words):
    """What a name and every variant the regex accepts for it have in common."""
    return re.sub(r"[-\s]+", "", words.replace("’", "'")).casefold()


class Gazetteer:
    """Every known entity's names compiled into one leftmost-longest regular expression."""

    def __init__(self, entities):
        self.entities = list(entities)
        self.by_name = {}
        for entity in self.entities:
            for name in [entity.name, *entity.aliases]:
                name = (name or "").strip()
                if len(name) >= 2:
                    # The first entity to claim a spelling keeps it (names are unique keys; aliases may collide).
                    self.by_name.setdefault(name, entity)
        self.keys = {name_key(name) for name in self.by_name}
        self.by_spelling = {}
        for name, entity in self.by_name.items():
            self.by_spelling.setdefault(spelling_key(name), entity)
        names = sorted(self.by_name, key=len, reverse=True)
        self.regex = (re.compile(rf"(?<!\w)(?P<name>{trie_pattern(names)})(?:['’]s|(?<=s)['’])?(?!\w)")
                      if names else None)

    def matches(self, text):
        """Every non-overlapping mention in `text`, in order."""
        if self.regex is None:
            return []
        found = []
        for m in self.regex.finditer(text):
            entity = self.by_spelling.get(spelling_key(m.group("name")))
            if entity is None:
                continue
            if entity.kind == "place" and is_inside_longer_name(text, m.start(), m.end()):
                continue
            found.append(Match(entity, m.group(0), m.start(), m.end()))
        return found

    def knows(self, name):
        return name_key(name) in self.keys


def is_inside_longer_name(text, start, end):
    """True when a capitalised word runs straight into the match, or a non-place word follows it."""
    before = re.search(r"([\w’'-]+)[ \t]+$", text[max(0, start - 40):start])
    if before and before.group(1)[0].isupper() and before.group(1).lower() not in LEADING_FUNCTION_WORDS:
        if not sentence_starts_at(text, start - len(before.group(0))):
            return True
    after = re.match(r"[ \t]+([\w’']+)", text[end:end + 40])
    return bool(after and after.group(1) in TRAILING_NON_PLACE_WORDS)


def sentence_starts_at(text, index):
    """True when `index` is the first word of a sentence, a line or the text."""
    head = text[:index].rstrip(" \t\"“‘'(")
    return not head or head[-1] in ".!?:\n"
