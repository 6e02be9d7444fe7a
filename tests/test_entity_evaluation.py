"""The suggestion engine meets its bar on the hand-labelled articles, with the shipped gazetteer."""
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.entities.evaluation import evaluate, page_title_and_body

LABELS = Path(__file__).resolve().parent / "entity_evaluation" / "labels.json"
REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "000_b9ce0f5892854f0c.txt"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not REFERENCE.exists(), reason="the reference article lives in ../shared/seeds/"),
]


@pytest.fixture
def gazetteer(db):
    call_command("loaddata", "fixtures/entities.json", "fixtures/the_peninsula.json", verbosity=0)


def test_page_parsing_keeps_the_body_and_drops_the_author_note():
    title, body = page_title_and_body(REFERENCE.read_text())
    assert title == "North Korea Looking Abroad"
    assert body.startswith("Nearly six years ago") and body.endswith("solidify its political independence.")
    assert "George Washington University" not in body


def test_precision_and_recall_are_at_least_ninety_percent(gazetteer):
    scores, precision, recall = evaluate(LABELS)
    assert len(scores) >= 5
    assert precision >= 0.9, [(s.name, s.spurious) for s in scores]
    assert recall >= 0.9, [(s.name, s.missed) for s in scores]


def test_evaluate_option_prints_the_scores(gazetteer, capsys):
    call_command("suggest_entities", "--evaluate", str(LABELS))
    out = capsys.readouterr().out
    assert "5 articles, precision 0." in out and "recall 0." in out
