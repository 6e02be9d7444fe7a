"""The suggestion engine meets its bar on the hand-labelled articles, with the shipped gazetteer."""
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.entities.evaluation import evaluate, page_date, page_title_and_body
from tests.shared_data import SEED, shared

LABELS = Path(__file__).resolve().parent / "entity_evaluation" / "labels.json"
OWN_ARTICLES = [item for item in json.loads(LABELS.read_text(encoding="utf-8"))["articles"] if not item.get("optional")]

pytestmark = pytest.mark.django_db


@pytest.fixture
def gazetteer(db):
    call_command("loaddata", "fixtures/entities.json", "fixtures/the_peninsula.json", verbosity=0)


def test_page_parsing_keeps_the_body_and_drops_the_author_note():
    reference = shared(SEED).read_text()
    title, body = page_title_and_body(reference)
    assert title == "North Korea Looking Abroad"
    assert body.startswith("Nearly six years ago") and body.endswith("solidify its political independence.")
    assert "George Washington University" not in body
    assert str(page_date(reference)) == "2015-02-18"


def test_the_labelled_set_has_thirty_articles_in_the_blogs_styles_each_with_core_entities():
    pages = [item["page"] for item in OWN_ARTICLES]
    assert len(pages) >= 30
    assert all(item["core"] and "acceptable" in item and "new" in item for item in OWN_ARTICLES)
    for style in ("ten_issues", "event_report", "book_review", "multi_author", "korea_view"):
        assert any(style in page for page in pages), style


def test_precision_and_recall_are_at_least_ninety_five_percent(gazetteer):
    scores, precision, recall = evaluate(LABELS)
    assert len(scores) >= 30
    assert precision >= 0.95, [(s.name, s.spurious) for s in scores if s.spurious]
    assert recall >= 0.95, [(s.name, s.missed) for s in scores if s.missed]


def test_evaluate_option_prints_the_scores_and_the_misses(gazetteer, capsys):
    call_command("suggest_entities", "--evaluate", str(LABELS))
    out = capsys.readouterr().out
    assert "articles, precision 1." in out or "articles, precision 0.9" in out
    assert "recall " in out and "missed [" in out and "spurious " in out


def test_evaluate_option_refuses_a_missing_file(gazetteer):
    with pytest.raises(Exception, match="Cannot read the labelled set"):
        call_command("suggest_entities", "--evaluate", "no/such/labels.json")
