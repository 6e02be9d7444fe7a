"""A contributor reads in the admin only the names that are public or on their own articles: entities,
authors, categories and series used only by others' drafts stay out of lists, counts, filters and
autocomplete. Editors see them all."""
import pytest

from tests.admin_client import login
from tests.factories import make_article, make_author, make_category, make_entity, make_series, make_user

pytestmark = pytest.mark.django_db

SECRET = ["Secret Summit", "Undisclosed Envoy", "Unannounced Desk", "Coming Briefing"]
PUBLIC = ["Kaesong Complex", "Ann Public", "Economy", "Korea View"]
OWN = ["Carla Topic", "Carla Writer", "Carla Desk", "Carla Briefing"]
CHANGELISTS = {"entity": 0, "author": 1, "category": 2, "series": 3}
AUTOCOMPLETES = [("article", "series", 3), ("articleauthor", "author", 1), ("articlecategory", "category", 2),
                 ("articleentity", "tag", 0), ("category", "parent", 2), ("author", "entity", 0)]


def parents(names):
    entity, author, category, series = names
    return dict(entities=[make_entity(entity)], authors=[make_author(author)], categories=[make_category(category)],
                series=make_series(series))


@pytest.fixture
def names():
    carla, dora = make_user("carla", "contributor"), make_user("dora", "contributor")
    make_article("Dora's draft", status="draft", created_by=dora, **parents(SECRET))
    public = parents(PUBLIC)
    make_article("Public piece", **public)
    make_article("Dora's other draft", status="draft", created_by=dora, **{k: v for k, v in public.items()})
    make_article("Carla's draft", status="draft", created_by=carla, **parents(OWN))
    make_entity("Unused Place")  # the gazetteer's names no article uses yet are offered to everyone
    return carla


def changelist(client, model):
    response = client.get(f"/admin/articles/{model}/")
    assert response.status_code == 200
    return response.content.decode()


def autocomplete(client, model, field, term=""):
    response = client.get(f"/admin/autocomplete/?app_label=articles&model_name={model}&field_name={field}"
                          f"&term={term}")
    assert response.status_code == 200, response.content
    return [row["text"] for row in response.json()["results"]]


def test_a_contributors_lists_leave_out_names_only_others_drafts_use(names):
    client = login(names)
    for model, index in CHANGELISTS.items():
        html = changelist(client, model)
        assert SECRET[index] not in html
        assert PUBLIC[index] in html and OWN[index] in html
    assert "Unused Place" in changelist(client, "entity")


def test_a_contributors_counts_count_only_the_articles_they_may_see(names):
    html = changelist(login(names), "entity")
    # "Kaesong Complex": one public article and one of Dora's drafts; Carla is told of one.
    row = html[html.index("Kaesong Complex"):]
    assert '<td class="field-article_count">1</td>' in row[:row.index("</tr>")]
    editor_html = changelist(login(make_user("edith", "editor")), "entity")
    row = editor_html[editor_html.index("Kaesong Complex"):]
    assert '<td class="field-article_count">2</td>' in row[:row.index("</tr>")]


def test_a_contributors_autocomplete_leaves_out_names_only_others_drafts_use(names):
    client = login(names)
    for model, field, index in AUTOCOMPLETES:
        texts = " ".join(autocomplete(client, model, field))
        assert SECRET[index] not in texts, (model, field)
        assert PUBLIC[index] in texts and OWN[index] in texts, (model, field)
        assert autocomplete(client, model, field, SECRET[index].split()[0]) == []


def test_a_contributor_cannot_open_a_name_only_others_drafts_use(names):
    from articles.models import Entity

    secret = Entity.objects.get(name="Secret Summit")
    response = login(names).get(f"/admin/articles/entity/{secret.pk}/change/", follow=True)
    assert "Secret Summit" not in response.content.decode()


def test_the_article_list_filters_offer_a_contributor_only_the_names_of_their_articles(names):
    html = changelist(login(names), "article")
    for index in (1, 2, 3):
        assert SECRET[index] not in html
        assert OWN[index] in html


def test_an_editor_sees_every_name(names):
    client = login(make_user("edith", "editor"))
    for model, index in CHANGELISTS.items():
        html = changelist(client, model)
        assert SECRET[index] in html and PUBLIC[index] in html
    for model, field, index in AUTOCOMPLETES:
        assert any(SECRET[index] in text for text in autocomplete(client, model, field))
    html = changelist(client, "article")
    assert all(SECRET[index] in html for index in (1, 2, 3))
