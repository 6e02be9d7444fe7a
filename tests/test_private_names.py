"""Names and descriptions used only by drafts or scheduled articles stay private everywhere."""
import pytest
from django.test import Client

from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_category, make_entity, make_series, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_parents():
    """An entity, author, category and series that only a draft and a scheduled article use."""
    parents = {"entity": make_entity("Secret Summit", slug="secret-summit", description="Talks next May."),
               "author": make_author("Undisclosed Envoy", slug="undisclosed-envoy", bio="Envoy to the talks."),
               "category": make_category("Unannounced Desk", slug="unannounced-desk"),
               "series": make_series("Coming Briefing", slug="coming-briefing")}
    common = dict(entities=[parents["entity"]], authors=[parents["author"]], categories=[parents["category"]],
                  series=parents["series"])
    make_article("Draft", status="draft", **common)
    make_article("Scheduled", days_ago=-3, **common)
    make_article("Public piece", slug="public-piece")
    return parents


@pytest.mark.parametrize("path", [
    "/tag/secret-summit/", "/tag/secret-summit/feed/", "/tag/secret-summit/feed/atom/", "/tag/secret-summit/page/2/",
    "/author/undisclosed-envoy/", "/author/undisclosed-envoy/feed/", "/author/undisclosed-envoy/feed/atom/",
    "/category/unannounced-desk/", "/category/unannounced-desk/feed/", "/series/coming-briefing/",
    "/series/coming-briefing/feed/", "/the-peninsula/?theme=secret-summit", "/the-peninsula/?category=unannounced-desk",
])
def test_pages_and_feeds_of_names_without_a_public_article_answer_404(hidden_parents, path):
    response = Client().get(path)
    assert response.status_code == 404
    text = response.content.decode()
    assert "Secret Summit" not in text and "Undisclosed Envoy" not in text and "Talks next May" not in text


def test_the_same_pages_answer_once_an_article_using_them_is_public(hidden_parents):
    make_article("Now public", entities=[hidden_parents["entity"]], authors=[hidden_parents["author"]])
    client = Client()
    for path in ["/tag/secret-summit/", "/tag/secret-summit/feed/", "/author/undisclosed-envoy/",
                 "/author/undisclosed-envoy/feed/"]:
        assert client.get(path).status_code == 200, path


def test_did_you_mean_offers_only_public_names(hidden_parents):
    make_entity("Secret Sumit Two", slug="other")  # close spelling, no article at all
    text = Client().get("/search/?q=Secret+Sumit").content.decode()
    assert "Secret Summit" not in text and "Secret Sumit Two" not in text
    text = Client().get("/search/?q=Undisclosed+Envoi").content.decode()
    assert "Undisclosed Envoy" not in text


def test_did_you_mean_still_offers_public_names():
    make_article("Piece", entities=[make_entity("Pyongyang Summit", slug="pyongyang-summit")])
    assert "Pyongyang Summit" in Client().get("/search/?q=Pyongyang+Sumit").content.decode()


def test_the_sitemap_lists_no_hidden_parent(hidden_parents):
    client = Client()
    text = "".join(client.get(f"/sitemap-{section}.xml").content.decode()
                   for section in ("categories", "entities", "authors", "series"))
    assert "secret-summit" not in text and "undisclosed-envoy" not in text and "unannounced-desk" not in text


def test_a_contributors_slug_clash_does_not_name_someone_elses_draft():
    carla, cody = make_user("carla", "contributor"), make_user("cody", "contributor")
    make_article("Cody's secret draft", slug="taken", status="draft", created_by=cody)
    own = make_article("Carla's piece", slug="free", status="draft", created_by=carla)
    client = login(carla)
    url = f"/admin/articles/article/{own.pk}/change/"
    data = form_data(client, url)
    data["slug"] = "taken"
    response = client.post(url, data)
    text = response.content.decode()
    assert response.status_code == 200 and "Another article already uses the slug “taken”" in text
    assert "Cody's secret draft" not in text and "Cody&#x27;s secret draft" not in text
