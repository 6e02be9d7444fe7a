"""The reference fixture loads with natural keys and round-trips through dumpdata exactly."""
import json
from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, Author, Category, Entity

pytestmark = pytest.mark.django_db


def test_fixture_uses_natural_keys_only():
    data = json.loads(open("fixtures/the_peninsula.json", encoding="utf-8").read())
    assert all("pk" not in row for row in data)
    kinds = {row["fields"]["kind"] for row in data if row["model"] == "articles.entity"}
    assert kinds == {"person", "organization", "place", "topic"}


def test_fixture_holds_the_reference_article(peninsula):
    assert peninsula.title == "North Korea Looking Abroad"
    assert peninsula.published_at.date().isoformat() == "2015-02-18"
    assert [a.name for a in peninsula.authors.all()] == ["Matthew Nitkoski"]
    assert Author.objects.get(slug="matthew-nitkoski").bio.startswith("Matthew Nitkoski is a MA candidate")
    assert peninsula.primary_category.name == "North Korea"
    assert peninsula.body.count("<p>") == 8
    assert peninsula.entities.count() >= 20


def dump():
    out = StringIO()
    call_command("dumpdata", "articles", natural_foreign=True, natural_primary=True, indent=1, stdout=out)
    return json.loads(out.getvalue())


def wipe():
    for model in (Article, Author, Category, Entity):
        model.objects.all().delete()


def test_dumpdata_then_loaddata_into_an_empty_database_round_trips(peninsula, tmp_path):
    before = dump()
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(before), encoding="utf-8")
    wipe()
    assert Article.objects.count() == 0
    call_command("loaddata", str(path), verbosity=0)
    assert dump() == before


def test_loading_the_fixture_twice_changes_nothing(peninsula):
    before = dump()
    call_command("loaddata", "fixtures/the_peninsula.json", verbosity=0)
    assert dump() == before
