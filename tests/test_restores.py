"""A restore changes the article restored and only it: its own fields and rows, never other articles that
shared its revision, never an object deleted since. Bulk actions keep one revision per article."""
import pytest
from reversion.models import Version

from articles.models import Article, ArticleEntity, Entity
from tests.admin_client import form_data, login
from tests.factories import make_article, make_entity, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/articles/article/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def restore_url(article, version):
    return f"/admin/articles/article/{article.pk}/history/{version.pk}/"


def save(client, article, **changes):
    data = form_data(client, change_url(article))
    data.update(changes)
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def tag_from_the_list(client, entity, articles):
    response = client.post(CHANGELIST, {"action": "add_entity_to_selected", "_selected_action": [a.pk for a in articles],
                                        "entity": entity.pk, "confirm": "Add"})
    assert response.status_code == 302


@pytest.fixture
def after_a_bulk_action():
    """Carla's draft and three other articles tagged together by an editor from the article list; then the
    editor corrects one, unpublishes one and deletes one, and Carla goes on writing."""
    carla, edith = make_user("carla", "contributor"), make_user("edith", "editor")
    writer, editor = login(carla), login(edith)
    draft = make_article("Carla's first title", status="draft", published_at=None, created_by=carla)
    save(writer, draft)
    corrected, unpublished, deleted = (make_article(f"{name} article", created_by=edith)
                                       for name in ("Corrected", "Unpublished", "Deleted"))
    laos = make_entity("Laos", kind="place")
    tag_from_the_list(editor, laos, [draft, corrected, unpublished, deleted])
    save(editor, corrected, title="Corrected article, with the editor's fix")
    save(editor, unpublished, _workflow="unpublish")
    assert editor.post(f"/admin/articles/article/{deleted.pk}/delete/", {"post": "yes"}).status_code == 302
    save(writer, draft, title="Carla's second title")
    return writer, draft, corrected, unpublished, deleted, laos


def test_a_contributors_restore_after_a_bulk_action_changes_only_her_draft(after_a_bulk_action):
    writer, draft, corrected, unpublished, deleted, laos = after_a_bulk_action
    tagged = Version.objects.get_for_object(draft).get(revision__comment__startswith="Tagged")
    assert writer.post(restore_url(draft, tagged), form_data(writer, restore_url(draft, tagged))).status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Carla's first title", "draft")
    assert list(draft.entities.all()) == [laos]
    corrected.refresh_from_db()
    assert corrected.title == "Corrected article, with the editor's fix"
    unpublished.refresh_from_db()
    assert unpublished.status == "draft" and not Article.objects.published().filter(pk=unpublished.pk).exists()
    assert not Article.objects.filter(pk=deleted.pk).exists()
    assert ArticleEntity.objects.filter(tag=laos).count() == 3  # the draft's, the corrected and unpublished ones'


def test_a_bulk_action_keeps_one_revision_per_article(after_a_bulk_action):
    _, draft, corrected, *_ = after_a_bulk_action
    for article in (draft, corrected):
        tagged = Version.objects.get_for_object(article).get(revision__comment__startswith="Tagged")
        article_ids = {v.object_id for v in tagged.revision.version_set.filter(content_type__model="article")}
        assert article_ids == {str(article.pk)}
        assert tagged.revision.user.username == "edith"


def test_publishing_from_the_list_keeps_one_revision_per_article():
    editor = login(make_user("edith", "editor"))
    articles = [make_article(status="draft", published_at=None) for _ in range(2)]
    response = editor.post(CHANGELIST, {"action": "publish_now", "_selected_action": [a.pk for a in articles],
                                        "publish_anyway": "on"})
    assert response.status_code == 302
    for article in articles:
        version = Version.objects.get_for_object(article).get()
        assert version.revision.get_comment() == "Published. (from the article list)"
        assert version.revision.version_set.filter(content_type__model="article").count() == 1


def test_a_restore_leaves_out_an_entity_deleted_since_and_keeps_the_rest():
    editor = login(make_user("edith", "editor"))
    gone, kept = make_entity("Gone", kind="topic"), make_entity("Kept", kind="topic")
    article = make_article("Before", entities=[gone, kept])
    save(editor, article)
    save(editor, article, title="After")
    gone.delete()
    first = Version.objects.get_for_object(article).order_by("pk").first()
    assert editor.post(restore_url(article, first), form_data(editor, restore_url(article, first))).status_code == 302
    article.refresh_from_db()
    assert article.title == "Before" and list(article.entities.all()) == [kept]
    assert not Entity.objects.filter(name="Gone").exists()


def test_looking_at_a_restore_changes_nothing_even_of_other_articles(after_a_bulk_action):
    writer, draft, corrected, *_ = after_a_bulk_action
    tagged = Version.objects.get_for_object(draft).get(revision__comment__startswith="Tagged")
    assert writer.get(restore_url(draft, tagged)).status_code == 200
    draft.refresh_from_db()
    corrected.refresh_from_db()
    assert draft.title == "Carla's second title" and corrected.title.endswith("the editor's fix")


def test_a_contributor_cannot_restore_her_published_article_but_an_editor_can():
    carla, edith = make_user("carla", "contributor"), make_user("edith", "editor")
    article = make_article("First", status="draft", published_at=None, created_by=carla)
    save(login(carla), article)
    save(login(carla), article, title="Second")
    save(login(edith), article, _workflow="publish", publish_anyway="on")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    url = restore_url(article, first)
    assert login(carla).post(url, {"title": "First"}).status_code == 403
    article.refresh_from_db()
    assert (article.title, article.status) == ("Second", "published")
    editor = login(edith)
    assert editor.post(url, form_data(editor, url)).status_code == 302
    article.refresh_from_db()
    assert article.title == "First"


def test_a_contributor_cannot_restore_another_contributors_draft():
    carla, dora = make_user("carla", "contributor"), make_user("dora", "contributor")
    article = make_article("Dora's", status="draft", published_at=None, created_by=dora)
    save(login(dora), article)
    save(login(dora), article, title="Dora's second")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    assert login(carla).post(restore_url(article, first), {"title": "Dora's"}).status_code == 403
    assert login(carla).get(restore_url(article, first)).status_code == 403
    article.refresh_from_db()
    assert article.title == "Dora's second"


def test_recovering_a_deleted_article_brings_back_only_it(after_a_bulk_action):
    _, draft, corrected, unpublished, deleted, _ = after_a_bulk_action
    editor = login(make_user("erin", "editor"))
    version = Version.objects.get_deleted(Article).get(object_id=str(deleted.pk))
    url = f"/admin/articles/article/recover/{version.pk}/"
    assert editor.post(url, form_data(editor, url)).status_code == 302
    assert Article.objects.get(pk=deleted.pk).title == "Deleted article"
    draft.refresh_from_db()
    unpublished.refresh_from_db()
    assert draft.title == "Carla's second title" and unpublished.status == "draft"


def test_restoring_from_an_older_revision_holding_two_articles_changes_only_one():
    """Revisions saved before actions kept one per article hold several articles: a restore takes its own."""
    import reversion

    editor = login(make_user("edith", "editor"))
    mine, other = make_article("Mine as it was"), make_article("Other as it was")
    with reversion.create_revision():
        reversion.add_to_revision(mine)
        reversion.add_to_revision(other)
    save(editor, mine, title="Mine now")
    save(editor, other, title="Other, corrected")
    shared = Version.objects.get_for_object(mine).order_by("pk").first()
    assert shared.revision.version_set.filter(content_type__model="article").count() == 2
    assert editor.post(restore_url(mine, shared), form_data(editor, restore_url(mine, shared))).status_code == 302
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.title, other.title) == ("Mine as it was", "Other, corrected")


def test_restoring_a_revision_from_before_a_merge_keeps_the_merged_tag():
    editor = login(make_user("edith", "editor"))
    busan, pusan = make_entity("Busan", kind="place"), make_entity("Pusan", kind="place")
    article = make_article("Port talks", entities=[pusan])
    save(editor, article)
    editor.post("/admin/articles/entity/", {"action": "merge_selected_entities", "confirm": "Merge",
                                            "_selected_action": [busan.pk, pusan.pk], "survivor": busan.pk})
    save(editor, article, title="Port talks, later")
    first = Version.objects.get_for_object(article).order_by("pk").first()
    assert editor.post(restore_url(article, first), form_data(editor, restore_url(article, first))).status_code == 302
    article.refresh_from_db()
    assert article.title == "Port talks" and list(article.entities.all()) == [busan]
    assert not Entity.objects.filter(name="Pusan").exists()
