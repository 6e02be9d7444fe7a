"""Contributors propose a byline or an entity they may not create; an editor approves or declines it."""
import pytest
from bs4 import BeautifulSoup
from reversion.models import Version

from articles.models import Article, Author, Entity, Proposal
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_entity, make_user

pytestmark = pytest.mark.django_db
PROPOSALS = "/admin/articles/proposal/"


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


@pytest.fixture
def draft():
    carla = make_user("carla", "contributor")
    article = make_article("Port report", status="draft", created_by=carla,
                           body="<p>Minister Ri Kil-song visited the Port of Busan.</p>")
    return carla, article


def test_contributor_proposes_an_author_and_an_entity_and_an_editor_approves(draft):
    carla, article = draft
    client = login(carla)
    data = {**form_data(client, change_url(article)), "propose_author": "  Carla   Writer "}
    assert client.post(change_url(article), data).status_code == 302
    panel = BeautifulSoup(client.get(change_url(article)).content, "html.parser").select_one("#entity-suggestions")
    row = panel.select_one("tr.new-suggestion")
    assert row.find("button", string="Accept as new entity") is None
    propose = row.find("button", string="Propose as new entity")
    data = {**form_data(client, change_url(article)), row.select_one("select")["name"]: "person",
            row.select_one("input[type=hidden]")["name"]: row.select_one("input[type=hidden]")["value"],
            "_suggestion": propose["value"]}
    assert client.post(change_url(article), data).status_code == 302
    assert {(p.kind, p.name, p.entity_kind) for p in Proposal.objects.all()} == {
        ("author", "Carla Writer", ""), ("entity", "Ri Kil-song", "person")}
    assert not Author.objects.exists() and not Entity.objects.exists()
    assert "Author “Carla Writer”; Entity “Ri Kil-song”" in client.get(change_url(article)).content.decode()
    assert client.get(PROPOSALS).status_code == 403  # contributors do not decide

    editor = login(make_user("edith", "editor"))
    assert "Proposed authors and entities (2)" in editor.get("/admin/").content.decode()
    ids = list(Proposal.objects.values_list("pk", flat=True))
    assert editor.post(PROPOSALS, {"action": "approve_selected", "_selected_action": ids}).status_code == 302
    article = Article.objects.get(pk=article.pk)
    assert [a.name for a in article.authors.all()] == ["Carla Writer"]
    assert [e.label for e in article.entities.all()] == ["Ri Kil-song (person)"]
    assert not Proposal.objects.exists()
    assert Version.objects.get_for_object(article).first().revision.get_comment().startswith("Approved")


def test_approving_reuses_an_existing_author_or_entity(draft):
    carla, article = draft
    author, entity = make_author("Carla Writer"), make_entity("Ri Kil-song", kind="person")
    Proposal.objects.create(article=article, kind="author", name="carla writer", proposed_by=carla)
    Proposal.objects.create(article=article, kind="entity", name="Ri Kil Song", entity_kind="person", proposed_by=carla)
    editor = login(make_user("edith", "editor"))
    editor.post(PROPOSALS, {"action": "approve_selected", "_selected_action": list(Proposal.objects.values_list("pk", flat=True))})
    assert list(article.authors.all()) == [author] and list(article.entities.all()) == [entity]
    assert Author.objects.count() == 1 and Entity.objects.count() == 1


def test_editor_declines_a_proposal(draft):
    carla, article = draft
    proposal = Proposal.objects.create(article=article, kind="author", name="Nobody", proposed_by=carla)
    editor = login(make_user("edith", "editor"))
    editor.post(PROPOSALS, {"action": "decline_selected", "_selected_action": [proposal.pk]})
    assert not Proposal.objects.exists() and not Author.objects.exists()
