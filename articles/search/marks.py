"""Highlighted snippets made safe: everything escaped except the <mark> the backend put in."""
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Private-use characters: the query parser removes them from input, so only the backend's
# highlighter can have put them there.
START, STOP = "\ue000", "\ue001"
_MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")


def to_html(text):
    """Backend highlighter output (text with START/STOP around matches) as safe HTML."""
    marked = _MARKED.sub(lambda m: f"<mark>{escape(m.group(1))}</mark>", _split(text))
    return mark_safe(marked.replace(START, "").replace(STOP, ""))


def _split(text):
    # Escape everything outside the markers first; inside them escape() runs in the sub() above.
    pieces = re.split(f"({START}[^{START}{STOP}]*{STOP})", text or "")
    return "".join(piece if piece.startswith(START) and piece.endswith(STOP) else escape(piece)
                   for piece in pieces)
