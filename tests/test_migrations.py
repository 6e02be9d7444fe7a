from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits (SystemExit) when one is missing
    assert "No changes detected" in out.getvalue()


@pytest.fixture
def back_to_the_latest_migrations():
    """Migrating back and forth in a test: the database ends with every migration applied again."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_entities_of_one_kind_sharing_a_name_are_merged_keeping_aliases_links_and_old_slugs(
        back_to_the_latest_migrations):
    before, after = [("articles", "0018_fetch_uploads")], [("articles", "0019_entity_names_unique_per_kind")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Entity, Article, Link = (old.get_model("articles", name) for name in ("Entity", "Article", "ArticleEntity"))
    kept = Entity.objects.create(name="Georgia", slug="georgia", kind="place", key="georgia", aliases=["Sakartvelo"])
    dupe = Entity.objects.create(name="Georgia", slug="georgia-2", kind="place", key="georgia country",
                                 aliases=["Gruzia"], wikidata_id="Q230")
    person = Entity.objects.create(name="Georgia", slug="georgia-singer", kind="person", key="georgia singer")
    both, only_dupe, only_kept = (Article.objects.create(title=t, slug=t) for t in ("both", "only-dupe", "only-kept"))
    Link.objects.create(content_object=only_kept, tag=kept, position=0, is_main=False)  # the most linked survives
    Link.objects.create(content_object=both, tag=kept, position=0, is_main=False)
    Link.objects.create(content_object=both, tag=dupe, position=1, is_main=True)
    Link.objects.create(content_object=only_dupe, tag=dupe, position=0, is_main=False)
    Link.objects.create(content_object=only_dupe, tag=person, position=1, is_main=False)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    Entity, Link = new.get_model("articles", "Entity"), new.get_model("articles", "ArticleEntity")
    survivor = Entity.objects.get(kind="place", name="Georgia")
    assert survivor.pk == kept.pk and survivor.aliases == ["Sakartvelo", "Gruzia"] and survivor.wikidata_id == "Q230"
    assert Entity.objects.filter(pk=person.pk).exists() and not Entity.objects.filter(pk=dupe.pk).exists()
    assert set(Link.objects.values_list("content_object__slug", "tag_id", "is_main")) == {
        ("only-kept", kept.pk, False), ("both", kept.pk, True), ("only-dupe", kept.pk, False),
        ("only-dupe", person.pk, False)}
    assert new.get_model("articles", "EntityRedirect").objects.get(old_slug="georgia-2").entity_id == kept.pk
    assert new.get_model("articles", "EntityMerge").objects.get(merged_slug="georgia-2").survivor_id == kept.pk
