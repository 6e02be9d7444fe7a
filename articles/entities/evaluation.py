"""Precision and recall of known-entity suggestions against hand-labelled articles."""
import json
from dataclasses import dataclass
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


@dataclass
class Score:
    name: str
    expected: set
    found: set

    @property
    def true_positives(self):
        return len(self.expected & self.found)

    @property
    def missed(self):
        return sorted(self.expected - self.found)

    @property
    def spurious(self):
        return sorted(self.found - self.expected)


def ratio(part, whole):
    return part / whole if whole else 1.0


def evaluate(labels_path, gazetteer=None):
    """[Score] per labelled article plus (precision, recall) over all of them (micro-averaged)."""
    labels_path = Path(labels_path)
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    gazetteer = gazetteer or load_gazetteer()
    scores = []
    for item in labels["articles"]:
        page = (labels_path.parent / item["page"]).resolve()
        title, body = page_title_and_body(page.read_text(encoding="utf-8"))
        known, _new = analyse(f"{title}.\n{body}", gazetteer, title_length=len(title))
        scores.append(Score(page.name, set(item["entities"]), {s.entity.slug for s in known}))
    true_positives = sum(score.true_positives for score in scores)
    precision = ratio(true_positives, sum(len(score.found) for score in scores))
    recall = ratio(true_positives, sum(len(score.expected) for score in scores))
    return scores, precision, recall
