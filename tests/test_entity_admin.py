"""Editors tag from suggestions, merge and rename entities, and tag many articles at once in the admin."""
import pytest
from bs4 import BeautifulSoup

from articles.models import ArticleEntity, Author, Entity, EntityRedirect, RejectedSuggestion
from tests.admin_client import form_data
from tests.factories import make_article, make_author, make_entity

pytestmark = pytest.mark.django_db


def suggestion_forms(staff_client, article):
    html = staff_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    panel = soup.select_one("#entity-suggestions")
    assert panel is not None and panel.find_parent("form") is None, "suggestion forms must not nest in the change form"
    return panel


def post_suggestion(staff_client, article, **data):
    return staff_client.post(f"/admin/articles/article/{article.pk}/entity-suggestion/", data)


def test_editor_fully_tags_the_reference_article_from_suggestions(staff_client, peninsula):
    # The blog tagged two topics the article names only once in passing ("missile tests", "special economic
    # zones"); a topic needs more evidence than that to be suggested.
    expected = set(peninsula.entities.values_list("slug", flat=True)) - {"missiles", "economic-reform"}
    ArticleEntity.objects.filter(content_object=peninsula).delete()
    panel = suggestion_forms(staff_client, peninsula)
    url = f"/admin/articles/article/{peninsula.pk}/change/"
    for row in panel.select("tr.known-suggestion"):
        button = row.find("button", string="Accept")
        assert button["form"] == "article_form" and button["name"] == "_suggestion"
        response = staff_client.post(url, {**form_data(staff_client, url), "_suggestion": button["value"]})
        assert response.status_code == 302 and response["Location"].endswith("/change/#entity-suggestions")
    assert expected <= set(peninsula.entities.values_list("slug", flat=True))
    assert not suggestion_forms(staff_client, peninsula).select("tr.known-suggestion")


def test_matched_words_and_new_candidates_are_shown(staff_client, peninsula):
    Entity.objects.filter(slug__in=["ri-su-yong", "council-for-cooperation-with-north-korea"]).delete()
    ArticleEntity.objects.filter(content_object=peninsula, tag__slug="north-korea").delete()
    panel = suggestion_forms(staff_client, peninsula)
    rows = {row.th.get_text(" ", strip=True): row for row in panel.select("tr.new-suggestion")}
    assert "Ri Su-yong" in rows and "Council for Cooperation with North Korea" in rows
    assert rows["Ri Su-yong"].select_one("option[selected]")["value"] == "person"
    north_korea = next(row for row in panel.select("tr.known-suggestion") if "North Korea" in row.th.get_text())
    assert "Pyongyang" in north_korea.get_text() and "Democratic People’s Republic of Korea" in north_korea.get_text()


def test_accepted_candidate_becomes_an_entity_and_rejection_sticks(staff_client):
    article = make_article(body="<p>Foreign Minister Ri Su-yong met Jo Yong-won.</p>")
    post_suggestion(staff_client, article, name="Ri Su-yong", kind="person", decision="accept")
    entity = Entity.objects.get(slug="ri-su-yong")
    assert entity.kind == "person" and list(article.entities.all()) == [entity]
    post_suggestion(staff_client, article, name="Jo Yong-won", decision="reject")
    assert RejectedSuggestion.objects.filter(article=article, key="jo yong won").exists()
    panel = suggestion_forms(staff_client, article)
    assert "Jo Yong-won" not in panel.get_text() and "Ri Su-yong" not in panel.get_text()


def test_nonsense_suggestion_posts_change_nothing(staff_client):
    article = make_article()
    response = post_suggestion(staff_client, article, decision="accept", name="X", kind="planet")
    assert response.status_code == 302 and not Entity.objects.exists()
    assert staff_client.get(f"/admin/articles/article/{article.pk}/entity-suggestion/").status_code == 403


def test_merge_preview_then_merge_moves_links_and_redirects(staff_client):
    survivor = make_entity("Russia", kind="place", slug="russia")
    duplicate = make_entity("Russian Federation", kind="place", slug="russian-federation", aliases=["RF"])
    shared = make_article(entities=[survivor, duplicate])
    only_duplicate = [make_article(entities=[duplicate]) for _ in range(2)]
    author = make_author(entity=duplicate)
    data = {"action": "merge_selected_entities", "_selected_action": [survivor.pk, duplicate.pk]}
    preview = staff_client.post("/admin/articles/entity/", data).content.decode()
    assert "2 from “Russian Federation”" in preview
    staff_client.post("/admin/articles/entity/", {**data, "survivor": survivor.pk, "confirm": "Merge"})
    survivor.refresh_from_db()
    assert not Entity.objects.filter(pk=duplicate.pk).exists()
    assert all(list(a.entities.all()) == [survivor] for a in [shared, *only_duplicate])
    assert survivor.aliases == ["Russian Federation", "RF"]
    assert Author.objects.get(pk=author.pk).entity == survivor
    response = staff_client.get("/tag/russian-federation/")
    assert response.status_code == 301 and response["Location"] == "/tag/russia/"


def test_rename_keeps_the_old_url_working(staff_client):
    entity = make_entity("Burma", kind="place", slug="burma")
    data = {"name": "Myanmar", "slug": "myanmar", "kind": "place", "disambiguator": "", "aliases": "",
            "description": "", "wikidata_id": ""}
    response = staff_client.post(f"/admin/articles/entity/{entity.pk}/change/", data)
    assert response.status_code == 302
    assert EntityRedirect.objects.get(old_slug="burma").entity == entity
    assert staff_client.get("/tag/burma/")["Location"] == "/tag/myanmar/"


def test_case_and_accent_variants_get_a_clear_message(staff_client):
    make_entity("Russia", kind="place", slug="russia")
    data = {"name": "rüssia", "slug": "russia-2", "kind": "place", "disambiguator": "", "aliases": "",
            "description": "", "wikidata_id": ""}
    response = staff_client.post("/admin/articles/entity/add/", data)
    assert response.status_code == 200
    assert "already an entity" in response.content.decode()
    assert Entity.objects.count() == 1


def test_bulk_add_and_remove_an_entity(staff_client):
    laos = make_entity("Laos", kind="place")
    articles = [make_article() for _ in range(3)]
    ids = [a.pk for a in articles[:2]]
    form = staff_client.post("/admin/articles/article/", {"action": "add_entity_to_selected", "_selected_action": ids})
    assert "Add an entity to articles" in form.content.decode()
    staff_client.post("/admin/articles/article/", {"action": "add_entity_to_selected", "_selected_action": ids,
                                                   "entity": laos.pk, "is_main": "on", "confirm": "Add"})
    assert set(laos.article_links.values_list("content_object_id", flat=True)) == set(ids)
    assert all(link.is_main for link in laos.article_links.all())
    staff_client.post("/admin/articles/article/", {"action": "remove_entity_from_selected", "_selected_action": ids[:1],
                                                   "entity": laos.pk, "confirm": "Remove"})
    assert list(laos.article_links.values_list("content_object_id", flat=True)) == ids[1:]


def test_a_rejection_outlives_a_rename_of_the_entity(staff_client):
    entity = make_entity("Burma", kind="place", slug="burma")
    article = make_article(body="<p>Burma and Myanmar are one country.</p>")
    post_suggestion(staff_client, article, entity=entity.pk, decision="reject")
    data = {"name": "Myanmar", "slug": "myanmar", "kind": "place", "disambiguator": "", "aliases": "",
            "description": "", "wikidata_id": ""}
    assert staff_client.post(f"/admin/articles/entity/{entity.pk}/change/", data).status_code == 302
    assert "Myanmar" not in suggestion_forms(staff_client, article).get_text()
    other = make_article(body="<p>Myanmar voted.</p>")
    assert "Myanmar" in suggestion_forms(staff_client, other).get_text()


def test_a_rejection_outlives_a_merge_into_another_entity(staff_client):
    survivor = make_entity("Russia", kind="place", slug="russia")
    duplicate = make_entity("Russian Federation", kind="place", slug="russian-federation")
    article = make_article(body="<p>The Russian Federation voted.</p>")
    post_suggestion(staff_client, article, entity=duplicate.pk, decision="reject")
    staff_client.post("/admin/articles/entity/", {"action": "merge_selected_entities", "confirm": "Merge",
                                                  "_selected_action": [survivor.pk, duplicate.pk],
                                                  "survivor": survivor.pk})
    assert list(Entity.objects.all()) == [survivor]
    assert "Russia" not in suggestion_forms(staff_client, article).get_text()


def test_a_renamed_entity_keeps_its_old_name_so_tagging_with_it_makes_no_duplicate(staff_client):
    entity = make_entity("Burma", kind="place", slug="burma")
    data = {"name": "Myanmar", "slug": "myanmar", "kind": "place", "disambiguator": "", "aliases": "Union of Burma",
            "description": "", "wikidata_id": ""}
    assert staff_client.post(f"/admin/articles/entity/{entity.pk}/change/", data).status_code == 302
    entity.refresh_from_db()
    assert entity.aliases == ["Union of Burma", "Burma"]
    article = make_article(body="<p>Burma voted again.</p>")
    panel = suggestion_forms(staff_client, article)
    assert "Myanmar" in panel.select_one("tr.known-suggestion").get_text() and not panel.select("tr.new-suggestion")
    post_suggestion(staff_client, article, name="Burma", kind="place", decision="accept")  # a stale page's offer
    assert list(Entity.objects.all()) == [entity] and list(article.entities.all()) == [entity]
    assert staff_client.get("/tag/burma/")["Location"] == "/tag/myanmar/"


def test_a_new_entity_never_takes_over_a_redirected_slug(staff_client):
    myanmar = make_entity("Myanmar", kind="place", slug="myanmar")
    EntityRedirect.objects.create(old_slug="burma", entity=myanmar)
    article = make_article(body="<p>Burma Road.</p>")
    post_suggestion(staff_client, article, name="Burma", kind="topic", decision="accept")
    created = Entity.objects.exclude(pk=myanmar.pk).get()
    assert created.slug == "burma-2"
    assert staff_client.get("/tag/burma/")["Location"] == "/tag/myanmar/"
    data = {"name": "Burma Road", "slug": "burma", "kind": "place", "disambiguator": "", "aliases": "",
            "description": "", "wikidata_id": ""}
    response = staff_client.post("/admin/articles/entity/add/", data)
    assert response.status_code == 200 and "/tag/burma/ is an old address of" in response.content.decode()


def test_aliases_are_edited_one_name_a_line_not_as_json(staff_client):
    entity = make_entity("North Korea", kind="place", slug="north-korea", aliases=["Pyongyang", "DPRK"])
    soup = BeautifulSoup(staff_client.get(f"/admin/articles/entity/{entity.pk}/change/").content, "html.parser")
    assert soup.select_one("textarea[name=aliases]").text.strip() == "Pyongyang\nDPRK"
    data = {"name": "North Korea", "slug": "north-korea", "kind": "place", "disambiguator": "",
            "aliases": "Pyongyang\r\n\r\n  DPRK \r\npyongyang\r\nDemocratic People’s Republic of Korea",
            "description": "", "wikidata_id": ""}
    assert staff_client.post(f"/admin/articles/entity/{entity.pk}/change/", data).status_code == 302
    entity.refresh_from_db()
    assert entity.aliases == ["Pyongyang", "DPRK", "Democratic People’s Republic of Korea"]


def test_bulk_tagging_picks_the_entity_by_autocomplete(staff_client):
    for n in range(30):
        make_entity(f"Place {n}", kind="place")
    article = make_article()
    html = staff_client.post("/admin/articles/article/", {"action": "add_entity_to_selected",
                                                          "_selected_action": [article.pk]}).content.decode()
    select = BeautifulSoup(html, "html.parser").select_one("select[name=entity]")
    assert "admin-autocomplete" in select["class"] and len(select.find_all("option")) <= 1
    assert "autocomplete.js" in html
    response = staff_client.get("/admin/autocomplete/", {"term": "Place 1", "app_label": "articles",
                                                         "model_name": "articleentity", "field_name": "tag"})
    assert response.status_code == 200 and "Place 12" in response.content.decode()


def test_the_admin_is_branded_and_says_its_time_zone(staff_client):
    html = staff_client.get("/admin/").content.decode()
    assert "The Peninsula" in html and "Django administration" not in html
    html = staff_client.get("/admin/articles/article/add/").content.decode()
    assert "Times are America/New_York, now E" in html


def test_accepting_a_suggestion_keeps_the_unsaved_edits_and_saves_them_with_the_tag(staff_client):
    busan = make_entity("Port of Busan", kind="place")
    article = make_article("Harbour", body="<p>Ships at the Port of Busan. Minister Ri Kil-song spoke.</p>")
    url = f"/admin/articles/article/{article.pk}/change/"
    panel = suggestion_forms(staff_client, article)
    data = {**form_data(staff_client, url), "title": "Harbour, edited before deciding"}
    accept = panel.select_one("tr.known-suggestion").find("button", string="Accept")["value"]
    assert staff_client.post(url, {**data, "_suggestion": accept}).status_code == 302
    article.refresh_from_db()
    assert article.title == "Harbour, edited before deciding" and list(article.entities.all()) == [busan]
    row = suggestion_forms(staff_client, article).select_one("tr.new-suggestion")
    kind = row.select_one("select")["name"]
    data = {**form_data(staff_client, url), "body": "<p>Ships at the Port of Busan. Minister Ri Kil-song spoke.</p><p>New.</p>",
            kind: "person", "_suggestion": row.find("button", string="Accept as new entity")["value"]}
    data[row.select_one("input[type=hidden]")["name"]] = row.select_one("input[type=hidden]")["value"]
    assert staff_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.body.endswith("<p>New.</p>")
    assert {e.label for e in article.entities.all()} == {"Port of Busan (place)", "Ri Kil-song (person)"}


def test_a_suggestion_pressed_with_an_invalid_form_changes_nothing_and_keeps_the_input(staff_client):
    make_entity("Port of Busan", kind="place")
    article = make_article("Harbour", body="<p>Ships at the Port of Busan.</p>")
    url = f"/admin/articles/article/{article.pk}/change/"
    accept = suggestion_forms(staff_client, article).select_one("tr.known-suggestion").find("button", string="Accept")
    response = staff_client.post(url, {**form_data(staff_client, url), "slug": "", "title": "Unsaved title",
                                       "_suggestion": accept["value"]})
    assert response.status_code == 200 and 'value="Unsaved title"' in response.content.decode()
    assert not article.entity_links.exists()
