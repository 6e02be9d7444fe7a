"""An entity merge keeps what both entities knew (aliases, demonyms, offices, rejections, facts), keeps a
revision for each article it retags, and can be undone from the kept entity's history."""
import datetime

import pytest
from reversion.models import Version

from articles.entities import find_known_entities
from articles.models import ArticleEntity, Author, Entity, EntityMerge, EntityRedirect
from tests.admin_client import login
from tests.factories import make_article, make_author, make_entity, make_user

pytestmark = pytest.mark.django_db

MOON_OFFICE = {"office": "President of South Korea", "titles": ["President"], "surname": "Moon",
               "start": "2017-05-10", "end": "2022-05-09"}
DURING_HIS_TERM = datetime.date(2018, 4, 27)


def links(entity):
    return sorted(ArticleEntity.objects.filter(tag=entity).values_list("pk", "content_object_id", "position", "is_main"))


def merge(client, survivor, *others):
    response = client.post("/admin/articles/entity/", {
        "action": "merge_selected_entities", "_selected_action": [survivor.pk, *(o.pk for o in others)],
        "survivor": survivor.pk, "confirm": "Merge"})
    assert response.status_code == 302


def undo(client, record):
    history = f"/admin/articles/entity/{record.survivor_id}/history/"
    assert "Undo merge of" in client.get(history).content.decode()
    return client.post(f"{history}undo-merge/{record.pk}/")


@pytest.fixture
def moons():
    """The gazetteer's Moon Jae-in with his term of office, and a newer duplicate an editor made by hand."""
    older = make_entity("Moon Jae-in", kind="person", slug="moon-jae-in", offices=[MOON_OFFICE],
                        aliases=["Moon Jae In"], description="President of South Korea, 2017–2022.",
                        wikidata_id="Q21001")
    newer = make_entity("Moon Jae-in (president)", kind="person", slug="moon-president", aliases=["Jae-in Moon"])
    only_older = make_article("Summit", entities=[older])
    both = make_article("Talks", body="<p>Moon Jae-in spoke.</p>")
    ArticleEntity.objects.create(content_object=both, tag=newer, position=0, is_main=False)
    ArticleEntity.objects.create(content_object=both, tag=older, position=1, is_main=True)
    author = make_author("Moon Jae-in, guest", entity=older)
    EntityRedirect.objects.create(old_slug="moon-jaein", entity=older)
    return older, newer, only_older, both, author


def test_merging_into_a_newer_duplicate_keeps_offices_names_and_facts(moons):
    older, newer, only_older, both, author = moons
    editor = login(make_user("edith", "editor"))
    merge(editor, newer, older)
    newer.refresh_from_db()
    assert newer.offices == [MOON_OFFICE]
    assert find_known_entities("President Moon arrived.", on=DURING_HIS_TERM) == [(newer, "President Moon")]
    assert newer.aliases == ["Jae-in Moon", "Moon Jae-in"]  # "Moon Jae In" is the same name
    assert (newer.description, newer.wikidata_id) == ("President of South Korea, 2017–2022.", "Q21001")
    assert list(only_older.entity_links.values_list("tag_id", "position")) == [(newer.pk, 0)]
    assert list(both.entity_links.values_list("tag_id", "is_main")) == [(newer.pk, True)]  # one link, main
    assert Author.objects.get(pk=author.pk).entity == newer
    assert {r.old_slug for r in newer.redirects.all()} == {"moon-jae-in", "moon-jaein"}


def test_a_merge_keeps_demonyms_and_rejections():
    korea = make_entity("South Korea", kind="place", slug="south-korea")
    rok = make_entity("Republic of Korea", kind="place", slug="rok", demonyms=["South Korean"])
    article = make_article(body="<p>The Republic of Korea voted.</p>")
    editor = login(make_user("edith", "editor"))
    editor.post(f"/admin/articles/article/{article.pk}/entity-suggestion/", {"decision": "reject", "entity": rok.pk})
    merge(editor, korea, rok)
    korea.refresh_from_db()
    assert korea.demonyms == ["South Korean"]
    assert [e for e, _ in find_known_entities("South Korean firms grew.")] == [korea]
    html = editor.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    assert "known-suggestion" not in html  # turned down as the Republic of Korea, still turned down


def test_each_retagged_article_keeps_its_own_revision(moons):
    older, newer, only_older, both, _ = moons
    merge(login(make_user("edith", "editor")), newer, older)
    for article in (only_older, both):
        version = Version.objects.get_for_object(article).get()
        assert version.revision.get_comment() == "Merged “Moon Jae-in” into “Moon Jae-in (president)”."
        assert version.revision.version_set.filter(content_type__model="article").count() == 1


def test_undo_brings_back_both_entities_and_their_links_as_before(moons, client):
    older, newer, only_older, both, author = moons
    before = {"older": links(older), "newer": links(newer), "newer_aliases": newer.aliases}
    editor = login(make_user("edith", "editor"))
    merge(editor, newer, older)
    record = EntityMerge.objects.get()
    response = undo(editor, record)
    assert response.status_code == 302
    restored = Entity.objects.get(pk=older.pk)
    assert (restored.slug, restored.offices, restored.aliases) == ("moon-jae-in", [MOON_OFFICE], ["Moon Jae In"])
    assert links(restored) == before["older"] and links(newer) == before["newer"]
    newer.refresh_from_db()
    assert (newer.aliases, newer.offices, newer.description, newer.wikidata_id) == (
        before["newer_aliases"], [], "", "")
    assert find_known_entities("President Moon arrived.", on=DURING_HIS_TERM) == [(restored, "President Moon")]
    assert Author.objects.get(pk=author.pk).entity == restored
    assert client.get("/tag/moon-jae-in/").status_code == 200
    assert EntityRedirect.objects.get(old_slug="moon-jaein").entity == restored
    assert Version.objects.get_for_object(both).first().revision.get_comment().startswith("Undid the merge")
    assert "Undone" in editor.get(f"/admin/articles/entity/{newer.pk}/history/").content.decode()


def test_undo_twice_or_over_a_new_entity_changes_nothing(moons):
    older, newer, *_ = moons
    editor = login(make_user("edith", "editor"))
    merge(editor, newer, older)
    record = EntityMerge.objects.get()
    make_entity("Moon Jae-in", kind="person", slug="moon-jae-in-2")  # someone made him again meanwhile
    follow = editor.post(f"/admin/articles/entity/{newer.pk}/history/undo-merge/{record.pk}/", follow=True)
    assert "cannot come back" in follow.content.decode()
    assert not Entity.objects.filter(pk=older.pk).exists() and EntityMerge.objects.get().undone_at is None
    Entity.objects.filter(slug="moon-jae-in-2").delete()
    assert undo(editor, record).status_code == 302
    follow = editor.post(f"/admin/articles/entity/{newer.pk}/history/undo-merge/{record.pk}/", follow=True)
    assert "undone already" in follow.content.decode()
    assert Entity.objects.filter(name="Moon Jae-in").count() == 1


def test_undo_keeps_what_editors_changed_since(moons):
    older, newer, only_older, *_ = moons
    editor = login(make_user("edith", "editor"))
    merge(editor, newer, older)
    Entity.objects.filter(pk=newer.pk).update(description="Edited after the merge.")
    ArticleEntity.objects.filter(content_object=only_older).delete()  # untagged since
    assert undo(editor, EntityMerge.objects.get()).status_code == 302
    newer.refresh_from_db()
    assert newer.description == "Edited after the merge."
    assert not only_older.entity_links.exists()


def test_a_contributor_cannot_undo_a_merge(moons):
    older, newer, *_ = moons
    merge(login(make_user("edith", "editor")), newer, older)
    record = EntityMerge.objects.get()
    carla = login(make_user("carla", "contributor"))
    assert carla.post(f"/admin/articles/entity/{newer.pk}/history/undo-merge/{record.pk}/").status_code == 403
    assert not Entity.objects.filter(pk=older.pk).exists()
