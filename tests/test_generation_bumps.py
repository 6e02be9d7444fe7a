"""Only a write readers can see starts a new content generation (and so retires every cached page):
editors' autosaves, previews, proposals, review notes and draft saves leave the page cache alone."""
import pytest
from django.utils import timezone

from articles.editorial.workflow import TRANSITIONS
from articles.models import Article, DraftAutosave, Proposal
from articles.caching.generation import content_generation
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_category, make_entity, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def generation():
    """Asserts whether the block moved the generation: `with generation(moves=False): ...`."""
    class Watch:
        def __init__(self, moves):
            self.moves = moves

        def __enter__(self):
            self.before = content_generation()

        def __exit__(self, *exc):
            if exc[0] is None:
                assert (content_generation() != self.before) is self.moves

    return Watch


@pytest.fixture
def editor():
    return make_user("edith", "editor")


def test_an_autosave_leaves_the_generation(generation, editor):
    article = make_article(status="draft")
    public = make_article()
    client = login(editor)
    with generation(moves=False):
        for target in (article, public):  # even an open editor on a published article
            response = client.post(f"/admin/articles/article/{target.pk}/autosave/",
                                   {"title": "Half-typed", "body": "<p>Half a thought</p>"})
            assert response.status_code == 200
    assert DraftAutosave.objects.count() == 2


def test_a_preview_of_a_draft_leaves_the_generation(generation, editor):
    article = make_article("Saved title", status="draft", body="<p>Saved body.</p>")
    client = login(editor)
    data = form_data(client, f"/admin/articles/article/{article.pk}/change/")
    data.update(title="Unsaved title")
    with generation(moves=False):
        response = client.post(f"/admin/articles/article/{article.pk}/preview/", data)
    assert response.status_code == 200 and b"Unsaved title" in response.content


def test_a_preview_of_a_published_article_retires_what_its_rolled_back_rows_were_counted_in(generation, editor):
    article = make_article("Saved title")
    client = login(editor)
    data = form_data(client, f"/admin/articles/article/{article.pk}/change/")
    data.update(title="Unsaved title")
    with generation(moves=True):
        assert client.post(f"/admin/articles/article/{article.pk}/preview/", data).status_code == 200


def test_a_proposal_a_review_note_and_draft_saves_leave_the_generation(generation):
    contributor = make_user("carla", "contributor")
    with generation(moves=False):
        draft = make_article(status="draft", authors=[make_author("Una Used")], categories=[make_category()],
                             entities=[make_entity("Unused Topic")])
        draft.title = "A better title"
        draft.save()
        Proposal.objects.create(article=draft, kind="author", name="Someone New", proposed_by=contributor)
        TRANSITIONS["submit"].apply(draft, user=contributor)
        draft.save()
        TRANSITIONS["return"].apply(draft, note="Shorter, please.")
        draft.save()
        draft.entities.add(make_entity("Another Unused"))
        draft.delete()
    assert Article.objects.count() == 0


def test_a_published_articles_edit_publishing_unpublishing_and_deleting_move_the_generation(generation):
    article = make_article(status="draft")
    with generation(moves=True):
        TRANSITIONS["publish"].apply(article)
        article.save()
    with generation(moves=True):
        article.title = "Corrected title"
        article.save()
    with generation(moves=True):
        article.entities.add(make_entity("Newly Linked"))
    with generation(moves=True):
        TRANSITIONS["unpublish"].apply(article)
        article.save()  # public before the save
    published = make_article()
    with generation(moves=True):
        Article.objects.get(pk=published.pk).delete()


def test_scheduling_moves_the_generation_so_cached_pages_expire_at_its_time(generation):
    article = make_article(status="draft")
    with generation(moves=True):
        TRANSITIONS["schedule"].apply(article, when=timezone.now() + timezone.timedelta(days=1))
        article.save()


def test_renaming_a_name_moves_the_generation_but_creating_one_does_not(generation):
    with generation(moves=False):
        author = make_author("New Name")
    with generation(moves=True):
        author.name = "Renamed"
        author.save()
