"""What a reader typed, parsed into terms the search backends can quote safely.

The grammar is the one readers know from web search engines: words, "quoted phrases",
-excluded words or -"phrases", and the last word typed also matches as a prefix. Everything
else (FTS operators, brackets, stray quotes, control characters, emoji) is read as spacing, so
any input at all gives a valid query; only letters and digits ever reach the database, and
always inside quotes.
"""
import re
import unicodedata
from dataclasses import dataclass, field

MAX_INPUT = 300     # characters read from the box; the rest is ignored
MAX_TERMS = 12      # more terms than this only slow the query down
MAX_TOKEN = 40      # longer "words" are noise (hashes, pasted URLs)
MIN_PREFIX = 3      # a shorter prefix would expand to most of the vocabulary

# A term: an optional minus, then a "quoted phrase" (the closing quote may be missing) or a run
# of non-space characters. Curly quotes count as quotes.
_TERM = re.compile(r'(?P<neg>-?)(?:"(?P<phrase>[^"]*)(?:"|$)|(?P<word>[^\s"]+))')
_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """One thing to look for: a word, or a phrase of words that must appear in order."""

    tokens: tuple
    negated: bool = False
    prefix: bool = False

    @property
    def is_phrase(self):
        return len(self.tokens) > 1


@dataclass(frozen=True)
class Query:
    text: str
    terms: tuple = field(default_factory=tuple)

    @property
    def positive(self):
        return tuple(term for term in self.terms if not term.negated)

    @property
    def negative(self):
        return tuple(term for term in self.terms if term.negated)

    def __bool__(self):
        """A query can run only when it has something to look for, not just things to exclude."""
        return bool(self.positive)

    def words(self):
        """The plain words looked for, for display and "did you mean"."""
        return " ".join(" ".join(term.tokens) for term in self.positive)

    # FTS5 MATCH syntax: every token double-quoted, so no keyword (AND, NEAR) or operator
    # character ever reaches the FTS5 parser unquoted.
    def fts5(self, positive=None):
        """The MATCH expression; `positive` replaces the AND of the positive terms if given."""
        expression = positive or " AND ".join(_fts5_term(term) for term in self.positive)
        for term in self.negative:
            expression = f"({expression}) NOT {_fts5_term(term)}"
        return expression

    def fts5_any(self, columns):
        """Any positive term inside the given columns: how the title/name tier is found."""
        alternatives = " OR ".join(_fts5_term(term) for term in self.positive)
        return "{%s} : (%s)" % (" ".join(columns), alternatives)

    # PostgreSQL: websearch_to_tsquery() input for the whole terms, plus a to_tsquery() prefix
    # term (websearch syntax has no prefix operator).
    def websearch(self, any_term=False):
        parts = [_websearch_term(term) for term in self.positive if not term.prefix]
        joiner = " or " if any_term else " "
        text = joiner.join(parts)
        if not any_term:
            text = " ".join([text] + [_websearch_term(term) for term in self.negative]).strip()
        return text

    def tsquery_prefix(self):
        """The to_tsquery() text for the prefix term, or "" when there is none."""
        for term in self.positive:
            if term.prefix:
                return f"{term.tokens[0]}:*"
        return ""


def _fts5_term(term):
    quoted = '"%s"' % " ".join(term.tokens)
    return quoted + "*" if term.prefix else quoted


def _websearch_term(term):
    # Always quoted, so a typed "or" is a word here as it is on SQLite, not an operator.
    text = '"%s"' % " ".join(term.tokens)
    return f"-{text}" if term.negated else text


def clean(text):
    """The box's text made printable: normalised, control and format characters removed."""
    text = unicodedata.normalize("NFKC", str(text or ""))[:MAX_INPUT]
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2212", "-")
    return "".join(ch if unicodedata.category(ch)[0] not in "CZ" else " " for ch in text).strip()


def parse(text):
    """Parse the reader's input into a Query. Never raises; may return an empty Query."""
    text = clean(text)
    terms = []
    for match in _TERM.finditer(text):
        raw = match.group("phrase") if match.group("phrase") is not None else match.group("word")
        tokens = tuple(token[:MAX_TOKEN] for token in _TOKEN.findall(raw))
        if tokens:
            terms.append(Term(tokens, negated=bool(match.group("neg"))))
        if len(terms) >= MAX_TERMS:
            break
    terms = _with_prefix(terms, text)
    return Query(text=text, terms=tuple(terms))


def _with_prefix(terms, text):
    """Mark the last word typed as a prefix, when it is a lone word long enough to be useful."""
    if not terms or text.endswith(('"', " ")):
        return terms
    last = terms[-1]
    if last.negated or last.is_phrase or len(last.tokens[0]) < MIN_PREFIX:
        return terms
    # Stemmers rewrite a final y ("pyongy" -> "pyongi"), which would then miss "pyongyang"; the
    # prefix without it still finds every word the reader may be typing.
    stem = last.tokens[0][:-1] if last.tokens[0][-1:].lower() == "y" else last.tokens[0]
    if len(stem) < MIN_PREFIX:
        return terms
    return terms[:-1] + [Term((stem,), prefix=True)]
