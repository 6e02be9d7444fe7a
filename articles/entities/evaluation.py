"""Precision and recall of known-entity suggestions against hand-labelled articles.

Each labelled article lists its core entities (which the engine must find) and acceptable ones (named
in passing: finding them is not an error, missing them is not a miss).
"""
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .suggestions import analyse, load_gazetteer

BODY_ENDS = ("Photo ", "Photo:", "Return to the Peninsula", "Stay Informed")


def page_title_and_body(text):
    """(title, body) from a page saved in the reference article's shape (site chrome and all)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = lines.index("The Peninsula") + 1
    title = lines[start]
    byline = next(i for i in range(start, len(lines)) if lines[i].startswith("By "))
    authors = [name.strip() for name in lines[byline][3:].replace(" and ", ",").split(",") if name.strip()]
    body = []
    for line in lines[byline + 1:]:
        # The author's note opens with the author's name; the photo credit and the page footer follow.
        if line.startswith(BODY_ENDS) or any(line.startswith(f"{author} ") for author in authors):
            break
        body.append(line)
    return title, "\n\n".join(body)


def page_date(text):
    """The date a page shows ("Published March 9, 2016"), or None."""
    found = re.search(r"^Published ([A-Z][a-z]+ \d{1,2}, \d{4})", text, re.MULTILINE)
    return datetime.strptime(found.group(1), "%B %d, %Y").date() if found else None


@dataclass
class Score:
    name: str
    expected: set
    found: set
    acceptable: set = field(default_factory=set)

    @property
    def true_positives(self):
        return len(self.expected & self.found)

    @property
    def correct(self):
        """Found entities that are right: core or acceptable."""
        return len(self.found & (self.expected | self.acceptable))

    @property
    def missed(self):
        return sorted(self.expected - self.found)

    @property
    def spurious(self):
        return sorted(self.found - self.expected - self.acceptable)


def ratio(part, whole):
    return part / whole if whole else 1.0


def labelled_pages(labels_path):
    """(page path, label item, title, body, date) for each labelled article."""
    labels_path = Path(labels_path)
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    for item in labels["articles"]:
        page = (labels_path.parent / item["page"]).resolve()
        if item.get("optional") and not page.exists():
            continue  # the reference article lives outside the repository, in ../shared/seeds/
        text = page.read_text(encoding="utf-8")
        title, body = page_title_and_body(text)
        yield page, item, title, body, page_date(text)


def evaluate(labels_path, gazetteer=None):
    """[Score] per labelled article plus (precision, recall) over all of them (micro-averaged)."""
    gazetteer = gazetteer or load_gazetteer()
    scores = []
    for page, item, title, body, on in labelled_pages(labels_path):
        # Body paragraphs are lines, as in Article.body_text.
        known, _new = analyse(f"{title}.\n{body.replace(chr(10) * 2, chr(10))}", gazetteer, title_length=len(title),
                              on=on)
        core = set(item.get("core", item.get("entities", [])))
        scores.append(Score(page.name, core, {s.entity.slug for s in known}, set(item.get("acceptable", []))))
    true_positives = sum(score.true_positives for score in scores)
    precision = ratio(sum(score.correct for score in scores), sum(len(score.found) for score in scores))
    recall = ratio(true_positives, sum(len(score.expected) for score in scores))
    return scores, precision, recall
