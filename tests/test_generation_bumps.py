"""Only a write readers can see starts a new content generation (and so retires every cached page):
editors' autosaves, previews, proposals, review notes and draft saves leave the page cache alone."""
import pytest
from django.utils import timezone

from articles.editorial.workflow import TRANSITIONS
from articles.models import Article, DraftAutosave, Proposal
from articles.caching.generation import content_generation
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_category, make_entity, make_series, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def assert_generation():
    """Asserts whether the block moved the generation: `with assert_generation(moves=False): ...`."""
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


def test_an_autosave_leaves_the_generation(assert_generation, editor):
    article = make_article(status="draft")
    public = make_article()
    client = login(editor)
    with assert_generation(moves=False):
        for target in (article, public):  # even an open editor on a published article
            response = client.post(f"/admin/articles/article/{target.pk}/autosave/",
                                   {"title": "Half-typed", "body": "<p>Half a thought</p>"})
            assert response.status_code == 200
    assert DraftAutosave.objects.count() == 2


def test_a_preview_of_a_draft_leaves_the_generation(assert_generation, editor):
    article = make_article("Saved title", status="draft", body="<p>Saved body.</p>")
    client = login(editor)
    data = form_data(client, f"/admin/articles/article/{article.pk}/change/")
    data.update(title="Unsaved title")
    with assert_generation(moves=False):
        response = client.post(f"/admin/articles/article/{article.pk}/preview/", data)
    assert response.status_code == 200 and b"Unsaved title" in response.content


def test_a_preview_of_a_published_article_retires_what_its_rolled_back_rows_were_counted_in(assert_generation, editor):
    article = make_article("Saved title")
    client = login(editor)
    data = form_data(client, f"/admin/articles/article/{article.pk}/change/")
    data.update(title="Unsaved title")
    with assert_generation(moves=True):
        assert client.post(f"/admin/articles/article/{article.pk}/preview/", data).status_code == 200


def test_a_proposal_a_review_note_and_draft_saves_leave_the_generation(assert_generation):
    contributor = make_user("carla", "contributor")
    with assert_generation(moves=False):
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


def test_a_published_articles_edit_publishing_unpublishing_and_deleting_move_the_generation(assert_generation):
    article = make_article(status="draft")
    with assert_generation(moves=True):
        TRANSITIONS["publish"].apply(article)
        article.save()
    with assert_generation(moves=True):
        article.title = "Corrected title"
        article.save()
    with assert_generation(moves=True):
        article.entities.add(make_entity("Newly Linked"))
    with assert_generation(moves=True):
        TRANSITIONS["unpublish"].apply(article)
        article.save()  # public before the save
    published = make_article()
    with assert_generation(moves=True):
        Article.objects.get(pk=published.pk).delete()


def test_scheduling_moves_the_generation_so_cached_pages_expire_at_its_time(assert_generation):
    article = make_article(status="draft")
    with assert_generation(moves=True):
        TRANSITIONS["schedule"].apply(article, when=timezone.now() + timezone.timedelta(days=1))
        article.save()


def test_renaming_a_name_moves_the_generation_but_creating_one_does_not(assert_generation):
    with assert_generation(moves=False):
        author = make_author("New Name")
    with assert_generation(moves=True):
        author.name = "Renamed"
        author.save()


# Every model of the articles app is one or the other: a new model must be placed here (the test below
# fails until it is), and a public one must move the generation when written.
PUBLIC_MODELS = {
    "Article": lambda article: article,
    "Author": lambda article: article.authors.get(),
    "Category": lambda article: article.categories.get(),
    "Series": lambda article: article.series,
    "Entity": lambda article: article.entities.get(),
    "ArticleAuthor": lambda article: article.author_links.get(),
    "ArticleCategory": lambda article: article.category_links.get(),
    "ArticleEntity": lambda article: article.entity_links.get(),
    "RelatedLink": lambda article: article.related_links.create(title="Elsewhere", url="https://example.org/"),
    "LegacyURL": lambda article: article.legacy_urls.create(path="/old/address/"),
    "EntityRedirect": lambda article: article.entities.get().redirects.create(old_slug="old-topic"),
}
PRIVATE_MODELS = {"DraftAutosave", "EntityMerge", "Follow", "FollowDelivery", "Proposal", "RejectedSuggestion",
                  "UnsentEmail"}


def test_every_model_of_the_app_is_known_to_be_public_or_private():
    from django.apps import apps

    names = {model.__name__ for model in apps.get_app_config("articles").get_models()}
    assert names == set(PUBLIC_MODELS) | PRIVATE_MODELS and not set(PUBLIC_MODELS) & PRIVATE_MODELS


@pytest.mark.parametrize("write", ["save", "delete"])
@pytest.mark.parametrize("model", sorted(PUBLIC_MODELS))
def test_a_write_to_any_public_content_model_moves_the_generation(assert_generation, model, write):
    article = make_article(authors=[make_author("Ann Wrote")], categories=[make_category("Coasts")],
                           entities=[make_entity("Tides")], series=make_series("Harbours"))
    row = PUBLIC_MODELS[model](article)
    with assert_generation(moves=True):
        getattr(row, write)()


@pytest.mark.parametrize("model", sorted(PUBLIC_MODELS))
def test_a_write_to_a_draft_moves_no_generation_but_its_names_rows_do(assert_generation, model):
    draft = make_article(status="draft", authors=[make_author("Ann Drafted")], categories=[make_category("Capes")],
                         entities=[make_entity("Currents")], series=make_series("Straits"))
    row = PUBLIC_MODELS[model](draft)
    # An author, category, series or entity (and its redirects) may be on public pages whatever the draft;
    # the draft's own rows and links are not.
    with assert_generation(moves=model in {"Author", "Category", "Series", "Entity", "EntityRedirect"}):
        row.save()


def test_a_bulk_write_signalled_moves_the_generation_unless_the_rows_are_editors_own(assert_generation):
    from articles.models import Author
    from articles.signals import articles_bulk_created

    author = make_author("Bulk Moved")
    with assert_generation(moves=True):
        Author.objects.filter(pk=author.pk).update(name="Bulk Renamed")
        articles_bulk_created.send(sender=Author, pks=[author.pk])
    with assert_generation(moves=False):
        articles_bulk_created.send(sender=DraftAutosave, pks=[])


def test_merging_entities_sends_the_bulk_signal_for_the_rows_it_moves_by_update(monkeypatch):
    from articles.entities.merging import merge_entities
    from articles.models import Author, EntityRedirect
    from articles.signals import articles_bulk_created

    survivor, other = make_entity("Tide"), make_entity("Tides")
    other.redirects.create(old_slug="tides-old")
    make_author("Tides", entity=other)
    sent = []
    receiver = lambda sender, pks, **kwargs: sent.append((sender, list(pks)))  # noqa: E731
    articles_bulk_created.connect(receiver)
    try:
        merge_entities(survivor, [other])
    finally:
        articles_bulk_created.disconnect(receiver)
    assert {sender for sender, _ in sent} == {EntityRedirect, Author}
    assert all(pks for _, pks in sent)



def test_following_by_email_moves_no_generation(assert_generation):
    from archive.models import Subscriber
    from articles.follows.models import Follow

    reader, author = Subscriber.objects.create(email="reader@example.org"), make_author("Ann Lee")
    make_article(authors=[author])
    with assert_generation(moves=False):
        follow = Follow.objects.create(subscriber=reader, author=author)
        follow.paused = True
        follow.save()
        follow.delete()
