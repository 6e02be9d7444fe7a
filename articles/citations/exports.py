"""The CSL-JSON record as files a reference manager imports: BibTeX, RIS and CSL-JSON."""
import json
import re
from dataclasses import dataclass

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# LaTeX's special characters, escaped in BibTeX values (the rest of Unicode is fine with biber or
# inputenc).
LATEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                  "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str
    write: object  # item -> str


def name_text(name, separator=", "):
    """A CSL name as "Family, Given" (RIS, BibTeX), or the whole name of an organisation."""
    if "literal" in name:
        return name["literal"]
    text = separator.join(part for part in (name.get("family"), name.get("given")) if part)
    return f"{text}, {name['suffix']}" if name.get("suffix") else text


def issued(item):
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    return parts if len(parts) in (2, 3) else None  # (year, month[, day]): a month-only date has no day


def latex(text):
    return "".join(LATEX_SPECIALS.get(char, char) for char in text)


def bibtex_name(name):
    # An organisation in double braces: BibTeX must not read "Korea View" as given name and surname.
    if "literal" in name:
        return "{" + latex(name["literal"]) + "}"
    return latex(name_text(name))


def bibtex_key(item):
    family = next((name.get("family") or name.get("literal") for name in item.get("author", [])), "")
    first = re.sub(r"\W", "", (family.split() or [""])[0].lower(), flags=re.ASCII)
    date = issued(item)
    word = next((w for w in re.findall(r"[a-z0-9]+", item["title"].lower()) if w not in ("a", "an", "the")), "")
    return "_".join(filter(None, (first, word, str(date[0]) if date else ""))) or re.sub(r"\W", "_", item["id"])


def to_bibtex(item):
    """A BibTeX @misc entry (what plain BibTeX and biblatex both read for a blog post)."""
    fields = [("author", " and ".join(bibtex_name(name) for name in item.get("author", []))),
              ("title", latex(item["title"])),
              ("howpublished", latex(item["container-title"])),
              ("publisher", latex(item["publisher"]))]
    if date := issued(item):
        fields += [("year", str(date[0])), ("month", MONTHS[date[1] - 1]),
                   ("date", "-".join(f"{part:02d}" for part in date))]
    fields += [("url", item["URL"]), ("language", "english")]
    lines = [f"@misc{{{bibtex_key(item)},"]
    for field, value in fields:
        if not value:
            continue
        # A month is a BibTeX macro (feb), written bare; every other value is braced.
        lines.append(f"  {field} = {value}," if field == "month" else f"  {field} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris_value(text):
    return " ".join(str(text).split())  # one line per tag


def to_ris(item):
    """An RIS record of type BLOG: AU per author in byline order (an organisation as its whole name)."""
    tags = [("TY", "BLOG")]
    tags += [("AU", ris_value(name_text(name))) for name in item.get("author", [])]
    tags += [("TI", ris_value(item["title"])), ("T2", ris_value(item["container-title"])),
             ("PB", ris_value(item["publisher"]))]
    if date := issued(item):
        tags += [("PY", str(date[0])), ("DA", "/".join(f"{part:02d}" for part in date) + ("//" if len(date) == 2 else ""))]
    if item.get("abstract"):
        tags.append(("AB", ris_value(item["abstract"])))
    tags += [("UR", item["URL"]), ("LA", item.get("language", "en")), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in tags)


def to_csl_json(item):
    """CSL-JSON: a list of items, as Zotero, Mendeley and pandoc import it."""
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


FORMATS = {
    "bib": Format("bib", "application/x-bibtex; charset=utf-8", to_bibtex),
    "ris": Format("ris", "application/x-research-info-systems; charset=utf-8", to_ris),
    "json": Format("json", "application/vnd.citationstyles.csl+json; charset=utf-8", to_csl_json),
}
