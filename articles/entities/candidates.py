"""New entity candidates: proper names in the text that the archive does not know yet.

A candidate is a run of capitalised words, optionally joined by "of", "for", "with" or "the"
("Council for Cooperation with North Korea"), split at titles ("Foreign Minister Ri Su-yong" gives
"Ri Su-yong", a person). Single words, demonyms ("North Korean") and sentence-initial common words
("Recent", "Last week", "The") never become candidates.
"""
import re
from dataclasses import dataclass

from ..names import name_key

# "and" is left out: "Pyongyang and Beijing" is a list more often than one name.
CONNECTORS = frozenset({"of", "for", "with", "the", "on", "de", "du", "la", "&"})
# Days and months: "Park Geun-hye on Friday", "on Wednesday with Resolution 2270" are not names.
CALENDAR_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december
""".split())
TITLES = frozenset("""
President Vice Foreign Minister Ministers Assistant Secretary Prime Premier Chairman Chairwoman General
Ambassador Deputy Mr Mr. Ms Ms. Mrs Dr Dr. Supreme Leader Senator Representative Governor Envoy Chair Former
Secretary-General Director-General
Marshal Commander Chief Director Spokesman Spokeswoman King Queen Emperor Pope Professor Admiral Colonel
Defense Defence Finance Trade Unification Home Interior Chancellor Mayor
""".split())
COMMON_WORDS = frozenset("""
a an the in on at to of for from with by and or but as if so than that this these those it its he she they
we you i his her their our my your there here then thus also yet still even just only however although
though while when where whether because since after before during until despite meanwhile moreover
furthermore indeed instead nevertheless nonetheless therefore today yesterday tomorrow recent recently
last next first second third new old many most more some several both each every all any no not nor
what which who whom whose why how one two three four five six seven eight nine ten such other another
according given established following nearly already unwilling with without between among within
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday week month year
""".split())
ORGANISATION_WORDS = frozenset("""
Council Party Ministry Institute Committee Agency Bank Association Organisation Organization Commission
Forum Corporation Company Group University Center Centre Chamber Assembly Army Navy Force Forces Foundation
Office Department Union Fund Programme Program Bureau Affairs Talks Court Congress Parliament Senate
Administration Federation League Alliance Coalition Society Service Services Authority Board Club Network
Initiative Project Summit Conference Secretariat Cabinet Government Fund Inc Ltd Co Industries Holdings
Electronics Motors Airlines Times Post Herald News Daily Agency Air Engineering Construction Mart Pictures Press
Entertainment Studios Securities Capital Partners Body Airways Shipping Chemical Steel Pharmaceuticals
""".split())
PLACE_WORDS = frozenset("""
Province County City Island Islands Sea River Zone Region Port Strait Peninsula Mountain Mount Bay Gulf
Valley Lake Ocean Coast District Prefecture Oblast State Territory Complex Square Base Mine Desert
""".split())
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "ic", "i")
COMPASS_WORDS = frozenset("North South East West Northeast Northwest Southeast Southwest Central".split())
TOPIC_WORDS = frozenset("War Crisis Agreement Treaty Accord Act Resolution Era Revolution Olympics Games Plan".split())

_WORD = r"[A-Z][\w’']*(?:-[\w’']+)*"
_RUN = re.compile(rf"{_WORD}(?:(?:[ \t]+(?:{'|'.join(sorted(CONNECTORS))}))*[ \t]+{_WORD})*")
_KOREAN_NAME = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$")


@dataclass(frozen=True)
class Candidate:
    """A name the archive does not know, where it first appears and a guess at what it is."""

    name: str
    kind: str
    start: int
    end: int
    count: int = 1

    @property
    def key(self):
        return name_key(self.name)


def find_candidates(text):
    """[Candidate] in order of first mention, one per normalised name."""
    spans = []
    for run in _RUN.finditer(text):
        spans.extend(split_run(text, run.group(0), run.start()))
    found = {}
    for name, start, after_title in spans:
        key = name_key(name)
        if key in found:
            previous = found[key]
            found[key] = Candidate(previous.name, previous.kind, previous.start, previous.end, previous.count + 1)
        else:
            found[key] = Candidate(name, guess_kind(name, after_title), start, start + len(name))
    return sorted(found.values(), key=lambda candidate: candidate.start)


def split_run(text, run, offset):
    """Cut a capitalised run into names: at titles, sentence starts and stray connectors."""
    tokens = [(m.group(0), offset + m.start()) for m in re.finditer(r"\S+", run)]
    names, current, after_title, office = [], [], False, False

    def flush(next_after_title):
        nonlocal current, after_title, office
        if office:  # "Secretary of State for …" names a post, not a person or a body
            current, after_title, office = [], next_after_title, False
            return
        while current and (current[-1][0] in CONNECTORS or current[-1][0] in TITLES):
            current.pop()
        while current and (current[0][0] in CONNECTORS):
            current.pop(0)
        if current:
            start = current[0][1]
            last = re.sub(r"['’]s?$", "", current[-1][0])  # "Ri Su-yong's" names Ri Su-yong
            end = current[-1][1] + len(last)
            names.append((text[start:end], start, after_title))
        current, after_title = [], next_after_title

    for index, (token, start) in enumerate(tokens):
        sentence_initial = index == 0 and starts_sentence(text, start)
        if token in TITLES and not any(t[0] in CONNECTORS for t in current):
            flush(True)
            continue
        if token.strip("’'.,").lower() in CALENDAR_WORDS:
            flush(False)
            continue
        if token in CONNECTORS and current and not office and (after_title or is_person_name(current)):
            # "Prime Minister Lee of Singapore", "Moon Jae-in of the Democratic Party": the person ends here.
            flush(False)
            continue
        if sentence_initial and token.strip("’'").lower() in COMMON_WORDS:
            continue
        if token in CONNECTORS and not current and after_title:
            office = True
        current.append((token, start))
        if re.search(r"['’]s$", token):
            flush(False)  # "South Korea's KOSPI index": a possessive ends a name
    flush(False)
    return [(name, start, title) for name, start, title in names if is_name(name)]


def is_person_name(tokens):
    """True for a Korean-style name so far ("Moon Jae-in"): "of" after it starts something else."""
    return bool(_KOREAN_NAME.match(" ".join(token for token, _start in tokens)))


def starts_sentence(text, index):
    while index > 0 and text[index - 1] in " \t\"“‘'(":
        index -= 1
    return index == 0 or text[index - 1] in ".!?:\n"


def is_name(name):
    words = name.split()
    proper = [word for word in words if word not in CONNECTORS]
    if len(proper) < 2:
        return False
    if all(word.strip(".").lower() in COMMON_WORDS for word in proper):
        return False
    # "North Korean", "Southeast Asian": adjectives of place, not names.
    return not (len(proper) == 2 and proper[0] in COMPASS_WORDS and proper[1].lower().endswith(DEMONYM_ENDINGS))


def guess_kind(name, after_title=False):
    words = set(name.replace("-", " ").split())
    if words & ORGANISATION_WORDS:
        return "organization"
    if words & PLACE_WORDS:
        return "place"
    if words & TOPIC_WORDS:
        return "topic"
    if after_title or _KOREAN_NAME.match(name) or (len(words) in (2, 3) and not words & CONNECTORS):
        return "person"
    return "topic"
