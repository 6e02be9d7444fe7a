"""WordPress code blocks as code: `<pre><code class="language-php">` holding escaped text, never live HTML.

Syntax-highlighting plugins stored code raw in the post, in their own shapes: WP-Syntax's
`<pre lang="php">`, CodeColorer's `[cc lang="php"]`, `[cce_php]` and `<code lang="php">`, SyntaxHighlighter's
`[sourcecode language="php"]`, `[code lang="php"]` and `[php]…[/php]`, `<pre class="brush: php">`. Shown as
stored, the code is read as markup (a `<table>` in a PHP string becomes a table) and `lang="php"` claims a
human language. Each becomes one escaped block, before the paragraph treatment (which leaves <pre> alone).
A plugin's "escaped" flag (`escaped="true"`, CodeColorer's `e`) means the code is already entity-encoded.

Linear in the text's length: each opening is found by one forward search and its closing with `find`.
"""
import html
import re

# Languages SyntaxHighlighter accepts as their own shortcode: [php]…[/php].
LANGUAGE_SHORTCODES = ("php|python|py|css|js|javascript|html|xml|sql|bash|shell|java|cpp|c|csharp|ruby|perl|"
                       "diff|text|plain")
_OPENING = re.compile(
    r"<(?P<tag>pre|code)\b(?P<attrs>[^<>]*?\b(?:lang|class)\s*=[^<>]*)>"
    rf"|\[(?P<code>sourcecode|code|cc[a-zA-Z]*(?:_[a-zA-Z0-9+#-]+)?|{LANGUAGE_SHORTCODES})\b(?P<options>[^\[\]<>]*)\]",
    re.I)
_ATTRIBUTE = re.compile(r"""\b(?P<name>[a-z-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""", re.I)
_BRUSH = re.compile(r"\bbrush\s*:\s*(?P<language>[a-z0-9+#_-]+)", re.I)
_CLASS_NAME = re.compile(r"[^a-z0-9+#_-]")
_PLAIN = {"", "text", "txt", "plain", "plaintext", "none"}
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-f]+);", re.I)


def attributes(text):
    return {match["name"].lower(): next(v for v in match.group("dq", "sq", "bare") if v is not None)
            for match in _ATTRIBUTE.finditer(text or "")}


def code_block(code, language="", escaped=False):
    """One `<pre><code class="language-…">` block; `escaped` code is entity-encoded already."""
    if escaped or ("<" not in code and _ENTITY.search(code)):
        code = html.unescape(code)
    code = code.strip("\n")
    language = _CLASS_NAME.sub("", language.lower())
    attrs = "" if language in _PLAIN else f' class="language-{language}"'
    return f"<pre><code{attrs}>{html.escape(code, quote=False)}</code></pre>"


def opening_language(match):
    """(language, escaped) for an opening the plugin shapes mark as code, or None for an ordinary tag."""
    if match["tag"]:
        attrs = attributes(match["attrs"])
        brush = _BRUSH.search(attrs.get("class", ""))
        if "lang" in attrs:
            return attrs["lang"], attrs.get("escaped", "").lower() == "true"
        if brush:
            return brush["language"], False
        return None
    name, options = match["code"].lower(), attributes(match["options"])
    language = options.get("lang") or options.get("language") or ""
    if name.startswith("cc") and name not in ("cc", "css", "cpp", "csharp"):  # CodeColorer: [cc<flags>_<lang>]
        flags, _, suffix = match["code"][2:].partition("_")
        return suffix or language, "e" in flags
    if name in ("sourcecode", "code", "cc"):
        return language, options.get("escaped", "").lower() == "true"
    return name, False


def keep_code_as_code(text):
    """`text` with every plugin code block turned into an escaped `<pre><code>` block."""
    parts, start, position, absent = [], 0, 0, set()
    while match := _OPENING.search(text, position):
        position = match.end()
        found = opening_language(match)
        closing = (f"</{match['tag']}>" if match["tag"] else f"[/{match['code']}]").lower()
        if found is None or closing in absent:
            continue
        end = re.compile(re.escape(closing), re.I).search(text, match.end())
        if end is None:
            absent.add(closing)  # none after here, so none after any later opening either
            continue
        parts.append(text[start:match.start()])
        parts.append(code_block(text[match.end():end.start()], *found))
        start = position = end.end()
    parts.append(text[start:])
    return "".join(parts)
