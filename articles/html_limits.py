"""Limits on an HTML body before it is sanitised: its size and how deeply its elements nest.

Why: an HTML5 parser (html5ever inside nh3, like a browser's) checks the open elements at each tag,
so its time grows with tags x depth: 20,000 nested <div> take a second, 40,000 five. Formatting
elements left open across blocks ("<p><b id=1></p>") are worse: the parser reopens every one of them
in each later paragraph, so the output (and the time) grows with their number times the paragraphs.
`nesting_depth` measures both in one forward pass, linear in the text whatever it holds, and stops as
soon as the limit is passed: it reads tags as the HTML5 tokenizer does and follows the tree builder's
rules for closing elements only where they make the count smaller when the parser's would be, so it
never counts fewer open elements than the parser holds (it may count more for broken markup).
"""
import re
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError

WHITESPACE = "\t\n\f\r "
# The next piece of markup: a tag (name, attributes, then ">" or the end of the text), a comment's
# start, or a declaration, processing instruction or bogus end tag. Possessive throughout, and an
# unclosed tag or quoted value ends at the end of the text, so no "<" is read twice.
_MARKUP = re.compile(r"""<(?:(/?)([A-Za-z][^\t\n\f\r />]*+)"""
                     r"""((?:[\t\n\f\r /]*+[^\t\n\f\r />][^\t\n\f\r />=]*+"""
                     r"""(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z)|[^\t\n\f\r >]*+))?+)*+)"""
                     r"""[\t\n\f\r /]*+(>|\Z)|(!--)|[!?/])""")

VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr frame basefont "
                 "bgsound".split())
FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
# Elements whose content the tokenizer reads as text up to their end tag (outside <svg>/<math>).
RAW_TEXT = frozenset("script style xmp iframe noembed noframes textarea title".split())
# Elements that bound the parser's scopes (and, for the first five, its formatting list): an end tag
# never closes anything outside them. Each opens a "frame" here.
BOUNDARIES = frozenset("td th caption applet marquee object template table button svg math html".split())
MARKER_FRAMES = frozenset("td th caption applet marquee object template".split())
# Start tags that close an open <p> (tree builder: "close a p element in button scope").
CLOSES_P = frozenset("address article aside blockquote center details dialog dir div dl fieldset figcaption "
                     "figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 "
                     "pre listing form li dd dt hr xmp plaintext".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# The tree builder's "special" elements (an end tag for another element stops at them).
SPECIAL = frozenset("address applet area article aside base basefont bgsound blockquote body br button caption "
                    "center col colgroup dd details dir div dl dt embed fieldset figcaption figure footer form "
                    "frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link "
                    "listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext pre "
                    "script search section select source style summary table tbody td template textarea tfoot th "
                    "thead title tr track ul wbr xmp".split())
# Integration points: inside <svg>/<math>, these hold HTML again.
HTML_INSIDE_FOREIGN = frozenset("foreignobject desc title mi mo mn ms mtext annotation-xml".split())
# A start tag that takes the parser out of <svg>/<math> content.
LEAVES_FOREIGN = frozenset("b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr "
                           "i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table "
                           "tt u ul var".split())
_SLOW_START = VOID | BOUNDARIES | CLOSES_P | HEADINGS | {"li", "dd", "dt", "tr", "tbody", "thead", "tfoot", "option",
                                                          "optgroup"}
_RAW_OR_PLAIN = RAW_TEXT | {"plaintext"}
_SPECIAL_BUT = {name: SPECIAL - {name} for name in SPECIAL}
NOAHS_ARK = 3  # the parser keeps at most three identical formatting elements open across blocks


class TooDeep(Exception):
    pass


class TooManyAmpersands(Exception):
    """html5ever's time grows with the square of the "&" in one text node or attribute value (measured:
    200,000 "& " take 0.7 s, 400,000 about 3 s), so a run of text or a tag holds at most AMPERSANDS."""


# Counted as written ("&lt;" too): a paragraph of real prose or code holds a few dozen; 10,000 decoded "&"
# in every text node cost about 2 ms a node, under 0.1 s for the largest body.
AMPERSANDS = 10_000
# Start tags the parser may ignore in a body, so the text on both sides of them is one text node.
_NO_NEW_NODE = frozenset("html head body frameset tbody thead tfoot tr td th caption col colgroup frame option "
                         "optgroup select template".split())


class Frame:
    """The open elements inside one scope boundary, and formatting elements left open across blocks."""

    __slots__ = ("kind", "stack", "lingering", "foreign")

    def __init__(self, kind, foreign=False):
        self.kind, self.stack, self.lingering, self.foreign = kind, [], {}, foreign


class OpenElements:
    """An upper bound on the parser's open elements plus reopened formatting elements, as tags arrive."""

    def __init__(self, limit):
        self.limit, self.frames, self.count, self.deepest = limit, [Frame("root")], 0, 0

    def grow(self, by=1):
        self.count += by
        if self.count > self.deepest:
            self.deepest = self.count
            if self.count > self.limit:
                raise TooDeep

    @property
    def frame(self):
        return self.frames[-1]

    def pop_to(self, index):
        """Close the elements from `index` up: formatting ones among those above stay open for the parser."""
        frame = self.frame
        for name, attrs in frame.stack[index + 1:]:
            if name in FORMATTING:
                self.linger(name, attrs)
        self.count -= len(frame.stack) - index
        del frame.stack[index:]

    def linger(self, name, attrs):
        held = self.frame.lingering
        key = (name, attrs)
        if held.get(key, 0) < NOAHS_ARK:
            held[key] = held.get(key, 0) + 1
            self.grow()

    def find(self, name, stop=frozenset()):
        stack = self.frame.stack
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0] == name:
                return index
            if stack[index][0] in stop:
                return None
        return None

    def open_frame(self, kind, foreign=False):
        self.frames.append(Frame(kind, foreign))
        self.grow()

    def close_frame(self):
        frame = self.frames.pop()
        self.count -= 1 + len(frame.stack) + sum(frame.lingering.values())
        if frame.kind not in MARKER_FRAMES:  # the formatting list is cleared only to the last marker
            for (name, attrs), times in frame.lingering.items():
                for _ in range(times):
                    self.linger(name, attrs)

    def start(self, name, attrs, self_closing):
        frame = self.frames[-1]
        if name not in _SLOW_START and not frame.foreign:
            frame.stack.append((name, attrs))
            self.grow()
            return
        if frame.foreign and name in LEAVES_FOREIGN and len(self.frames) > 1:
            self.close_frame()
            frame = self.frame
        if name in VOID or (self_closing and frame.foreign):
            return
        if frame.foreign and name in HTML_INSIDE_FOREIGN:
            self.open_frame(name)
            return
        if name in ("td", "th") and frame.kind in ("td", "th"):
            self.close_frame()  # a new cell closes the open one
        elif name == "tr" and frame.kind in ("td", "th"):
            self.close_frame()
        frame = self.frame
        if name in BOUNDARIES:
            self.open_frame(name, foreign=name in ("svg", "math"))
            return
        if name in CLOSES_P and ("p", "") in frame.stack:
            index = self.find("p")
            if index is not None:
                self.pop_to(index)
        if name == "li" or name in ("dd", "dt"):
            siblings = ("li",) if name == "li" else ("dd", "dt")
            stack = frame.stack
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] in siblings:
                    self.pop_to(index)
                    break
                if stack[index][0] in SPECIAL and stack[index][0] not in ("address", "div", "p"):
                    break
        elif name in HEADINGS and frame.stack and frame.stack[-1][0] in HEADINGS:
            self.pop_to(len(frame.stack) - 1)
        elif name in ("tr", "tbody", "thead", "tfoot", "option", "optgroup") and frame.stack \
                and frame.stack[-1][0] == name:
            self.pop_to(len(frame.stack) - 1)
        frame.stack.append((name, attrs))
        self.grow()

    def end(self, name):
        frame = self.frames[-1]
        if frame.stack and frame.stack[-1][0] == name:
            frame.stack.pop()
            self.count -= 1
            return
        if name == frame.kind and len(self.frames) > 1:
            self.close_frame()
            return
        if frame.kind in ("td", "th", "caption") and name in ("table", "tr", "tbody", "thead", "tfoot") \
                and len(self.frames) > 2 and self.frames[-2].kind == "table":
            self.close_frame()  # "</table>" or "</tr>" in a cell closes the cell first
            self.end(name)
            return
        index = self.find(name, stop=() if name in FORMATTING else _SPECIAL_BUT.get(name, SPECIAL))
        if index is None:
            return
        if name in FORMATTING and any(above in SPECIAL for above, _ in frame.stack[index + 1:]):
            return  # the adoption agency keeps as many elements open (it clones the formatting element)
        self.pop_to(index)


def open_elements(text, limit):
    """The deepest count of open elements while reading `text` (raises TooDeep just past `limit`)."""
    counter = OpenElements(limit)
    search, find, position, frames, start, end = _MARKUP.search, text.find, 0, counter.frames, counter.start, counter.end
    count, text_from, ampersands = text.count, 0, 0  # "&" in the text since the last start tag (comments too)
    while (markup := search(text, position)) is not None:
        closing, name, attrs, tag_end, comment = markup.groups()
        position = markup.end()
        if name is not None:
            if not tag_end:
                break  # the tag runs to the end of the text
            ampersands += count("&", text_from, markup.start())
            if ampersands > AMPERSANDS or count("&", markup.start(2), position) > AMPERSANDS:
                raise TooManyAmpersands
            text_from = position
            name = name.lower()
            if not closing and name not in _NO_NEW_NODE:
                ampersands = 0
            if closing:
                end(name)
                continue
            foreign = frames[-1].foreign
            start(name, attrs.strip(WHITESPACE + "/") if name in FORMATTING else "",
                          text[position - 2] == "/")
            if foreign or name not in _RAW_OR_PLAIN:
                continue
            if name == "plaintext":
                break
            closer = _RAW_TEXT_END.get(name) or _RAW_TEXT_END.setdefault(
                name, re.compile(rf"</{re.escape(name)}[\t\n\f\r />]", re.I))
            found = closer.search(text, position)
            if found is None:
                break
            position = found.start()
        elif comment:
            if text.startswith((">", "->"), position):
                continue  # "<!-->", "<!--->"
            ends = [at for at in (find("-->", position), find("--!>", position)) if at != -1]
            if not ends:
                break
            position = min(ends) + 3
        else:
            position = find(">", position)  # a declaration or bogus comment ("</>" is dropped)
            if position == -1:
                break
    if ampersands + count("&", text_from) > AMPERSANDS:
        raise TooManyAmpersands
    return counter.deepest


_RAW_TEXT_END = {}


def check_body(value, max_bytes=None, max_depth=None):
    """Raise ValidationError when an HTML body is over the size or nesting limit (settings BODY_MAX_BYTES,
    BODY_MAX_DEPTH): checked before the body is sanitised, in time linear in its length."""
    value = value or ""
    max_bytes = settings.BODY_MAX_BYTES if max_bytes is None else max_bytes
    max_depth = settings.BODY_MAX_DEPTH if max_depth is None else max_depth
    size = len(value.encode("utf-8", "surrogatepass")) if len(value) * 4 > max_bytes else len(value)
    if size > max_bytes:
        raise ValidationError(
            "The body is %(size)s; the limit is %(limit)s. Split it into several articles.",
            code="body_too_large", params={"size": readable_size(size), "limit": readable_size(max_bytes)})
    problem = markup_problem(value, max_depth)
    if problem == "deep":
        raise ValidationError(
            "The body's HTML nests more than %(limit)s elements deep (or leaves that many formatting tags open): "
            "no article needs that. Close the tags left open, or flatten the nesting.",
            code="body_too_deep", params={"limit": max_depth})
    if problem == "ampersands":
        raise ValidationError(
            "One paragraph or link of the body holds more than %(limit)s “&” characters: no article needs that.",
            code="body_too_many_ampersands", params={"limit": f"{AMPERSANDS:,}"})


@lru_cache(maxsize=4)  # a form checks the posted body, compares it and saves it: one pass for the three
def markup_problem(value, max_depth):
    """None, or why the sanitiser would take too long over `value`: "deep" or "ampersands"."""
    try:
        open_elements(value, max_depth)
    except TooDeep:
        return "deep"
    except TooManyAmpersands:
        return "ampersands"
    return None


def readable_size(size):
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"
