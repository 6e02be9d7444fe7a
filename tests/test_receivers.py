"""Side effects of content writes: once per transaction, after the commit, and none on a rollback."""
import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from articles import search
from articles.models import Article, Entity
from articles.caching import generation
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.after_commit


@pytest.fixture
def side_effects(monkeypatch):
    """Every reindex and generation bump the receivers run, each with whether it ran after the commit."""
    calls = []
    index_articles, bump_generation = search.index_articles, generation.bump_generation

    def index_spy(article_ids, conn=None):
        calls.append(("index", sorted(article_ids), transaction.get_autocommit()))
        return index_articles(article_ids, conn)

    def bump_spy():
        calls.append(("bump", None, transaction.get_autocommit()))
        return bump_generation()

    monkeypatch.setattr(search, "index_articles", index_spy)
    monkeypatch.setattr(generation, "bump_generation", bump_spy)
    return calls


def found(text, articles=None):
    return [article.slug for article in search.search(text, articles)[:20]]


def add_form(authors, categories, entities):
    """What the admin's add form submits for a new draft with these bylines and links."""
    data = {"title": "Lighthouse keepers of the peninsula", "slug": "lighthouses", "status": "draft",
            "body": "<p>Keepers and their lamps.</p>", "excerpt": "", "author_note": "", "image_credit": "",
            "image_credit_url": "", "image_licence": "", "published_at_0": "", "published_at_1": ""}
    rows = {"author_links": [{"author": a.pk} for a in authors],
            "category_links": [{"category": c.pk} for c in categories],
            "entity_links": [{"tag": e.pk, "is_main": "on"} for e in entities],
            "related_links": [], "legacy_urls": []}
    for prefix, forms in rows.items():
        data.update({f"{prefix}-TOTAL_FORMS": str(len(forms)), f"{prefix}-INITIAL_FORMS": "0"})
        for i, fields in enumerate(forms):
            data.update({f"{prefix}-{i}-{name}": value for name, value in fields.items()})
            data[f"{prefix}-{i}-position"] = str(i)
    return data


@pytest.mark.django_db(transaction=True)
def test_one_admin_save_of_a_draft_reindexes_the_article_once_after_the_commit_and_keeps_the_pages(
        staff_client, side_effects):
    authors = [make_author("Ann Quillon"), make_author("Bo Quillon")]
    entities = [make_entity(f"Topic {n}") for n in range(8)]
    category = make_category("Maritime")
    side_effects.clear()

    response = staff_client.post("/admin/articles/article/add/", add_form(authors, [category], entities))

    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="lighthouses")
    assert (article.authors.count(), article.entities.count()) == (2, 8)
    assert side_effects == [("index", [article.pk], True)]  # readers see no draft: no new generation
    # The index holds drafts too (visibility comes at query time): publish without a write it sees.
    Article.objects.filter(pk=article.pk).update(status="published", published_at=timezone.now())
    assert found("quillon lighthouse") == ["lighthouses"]


@pytest.mark.django_db(transaction=True)
def test_nothing_happens_before_the_commit(side_effects):
    before = generation.content_generation()
    with transaction.atomic():
        article = make_article("Harbour pilots", slug="pilots", authors=[make_author("Cy Quillon")])
        article.entities.add(make_entity("Harbours"))
        assert side_effects == []
        assert generation.content_generation() == before
    assert side_effects == [("index", [article.pk], True), ("bump", None, True)]
    assert generation.content_generation() > before
    assert found("pilots") == ["pilots"]


@pytest.mark.django_db(transaction=True)
def test_a_rollback_changes_neither_search_nor_the_cached_pages(side_effects):
    article = make_article("Harbour pilots", slug="pilots", entities=[make_entity("Harbours", slug="harbours")])
    reader = Client()
    assert "Harbours" in reader.get("/the-peninsula/pilots/").content.decode()  # now in the page cache
    before = generation.content_generation()
    side_effects.clear()

    with pytest.raises(RuntimeError), transaction.atomic():
        article.title = "Drowned lighthouses"
        article.save()
        article.entities.add(make_entity("Lamps"))
        Entity.objects.filter(slug="harbours").get().delete()
        raise RuntimeError("the editor's request failed")

    assert side_effects == []
    assert generation.content_generation() == before
    assert found("drowned") == [] and found("harbours") == ["pilots"]
    page = reader.get("/the-peninsula/pilots/").content.decode()
    assert "Harbour pilots" in page and "Harbours" in page and "Drowned" not in page


@pytest.fixture
def story(django_capture_on_commit_callbacks):
    """A published article whose author, series, category and entity each carry an old name."""
    with django_capture_on_commit_callbacks(execute=True):
        return make_article(
            "Notes from the border", slug="notes", authors=[make_author("Quillon", slug="quillon")],
            categories=[make_category("Quillon Affairs", slug="affairs")],
            entities=[make_entity("Quillon Strait", slug="strait")],
            series=make_series("Quillon Weekly", slug="weekly"))


RENAMES = {
    # what is renamed: how to reach it, the pages and feeds that show its name, whether search holds it
    "author": (lambda story: story.authors.get(), ["/the-peninsula/notes/", "/author/quillon/", "/feed/"], True),
    "series": (lambda story: story.series, ["/the-peninsula/", "/series/weekly/", "/series/weekly/feed/"], True),
    "entity": (lambda story: story.entities.get(), ["/the-peninsula/notes/", "/tag/strait/", "/tags/", "/feed/"],
               True),
    "category": (lambda story: story.categories.get(), ["/the-peninsula/notes/", "/category/affairs/", "/feed/"],
                 False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", RENAMES)
def test_a_rename_reaches_search_results_cached_pages_and_feeds(kind, story, client,
                                                                 django_capture_on_commit_callbacks):
    named_in, urls, in_search = RENAMES[kind]
    assert found("quillon") == ["notes"]
    assert all("Quillon" in client.get(url).content.decode() for url in urls)  # now in the page cache
    named = named_in(story)

    with django_capture_on_commit_callbacks(execute=True):
        named.name = named.name.replace("Quillon", "Zephyrine")
        named.save()

    assert found("zephyrine") == (["notes"] if in_search else [])
    for url in urls:
        assert named.name in client.get(url).content.decode(), (url, named.name)


@pytest.mark.django_db
def test_deleting_a_series_takes_its_name_out_of_its_articles_search_text(story, django_capture_on_commit_callbacks):
    story.authors.clear()
    story.entities.clear()
    story.categories.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.series.delete()
    assert found("quillon") == []


@pytest.mark.django_db
def test_links_added_through_the_managers_reach_search(story, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        story.authors.add(make_author("Wenceslas Ode"), through_defaults={"position": 1})
        story.entities.add(make_entity("Yalu Bridge"))
    assert found("wenceslas") == ["notes"] and found("yalu") == ["notes"]
    with django_capture_on_commit_callbacks(execute=True):
        story.entities.remove("Yalu Bridge")  # taggit removes by name
    assert found("yalu") == [] and found("strait") == ["notes"]
    with django_capture_on_commit_callbacks(execute=True):
        story.entities.clear()
    assert found("strait") == []
