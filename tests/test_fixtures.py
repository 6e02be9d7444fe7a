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


def test_every_kind_of_row_round_trips_into_an_empty_database(client, peninsula, tmp_path):
    """Series, parent categories, author-entities, related links, legacy URLs, entity redirects and rejected
    suggestions travel by natural key too, so a dump of a real archive loads into a fresh database."""
    from django.apps import apps

    from articles.models import EntityRedirect, LegacyURL, RejectedSuggestion, RelatedLink, Series

    kim = Entity.objects.get(slug="kim-jong-un")
    peninsula.series = Series.objects.create(name="Korea View", slug="korea-view", description="Weekly.")
    peninsula.save()
    Category.objects.create(name="Asia", slug="asia")
    Category.objects.filter(slug="north-korea").update(parent=Category.objects.get(slug="asia"))
    Author.objects.filter(slug="matthew-nitkoski").update(entity=kim)
    RelatedLink.objects.create(article=peninsula, title="KEI", url="https://keia.org/", position=1)
    LegacyURL.objects.create(path="/old/north-korea-abroad.html", article=peninsula)
    EntityRedirect.objects.create(old_slug="kim-jong-eun", entity=kim)
    RejectedSuggestion.objects.create(article=peninsula, key="uranium", name="Uranium")
    before = dump()
    assert all("pk" not in row for row in before)
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(before), encoding="utf-8")

    models = list(apps.get_app_config("articles").get_models())
    for model in models:
        model.objects.all().delete()
    assert not any(model.objects.exists() for model in models)
    call_command("loaddata", str(path), verbosity=0)
    assert dump() == before
    assert Author.objects.get(slug="matthew-nitkoski").entity.slug == "kim-jong-un"
    assert client.get("/old/north-korea-abroad.html")["Location"] == peninsula.get_absolute_url()
