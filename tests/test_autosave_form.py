"""The autosave keeps the whole article form (byline rows in order, categories, series, entities, links,
picture text, dates), and the change form hands all of it back for recovery."""
import json

import pytest
from bs4 import BeautifulSoup

from articles.models import DraftAutosave
from tests.admin_client import login
from tests.factories import make_article, make_author, make_category, make_entity, make_series, make_user

pytestmark = pytest.mark.django_db


def urls(article):
    base = f"/admin/articles/article/{article.pk}/"
    return base + "autosave/", base + "change/"


def test_the_autosave_stores_every_input_and_the_change_form_returns_them():
    edith = make_user("edith", "editor")
    article = make_article("Talks", status="draft", body="<p>Begun.</p>")
    zoe, adam = make_author("Zoe Park"), make_author("Adam Lee")
    category, series, entity = make_category("North Korea"), make_series("Korea View"), make_entity("Kaesong")
    values = {
        "slug": "talks-resume", "excerpt": "The talks resume.", "author_note": "Zoe Park is a fellow.",
        "status": "review", "published_at_0": "2026-01-05", "published_at_1": "09:30:00",
        "series": str(series.pk), "image_alt": "Two flags", "image_credit": "Photo: Yonhap",
        "image_credit_url": "https://example.org/photo", "image_licence": "CC BY 4.0",
        "author_links-TOTAL_FORMS": "2", "author_links-INITIAL_FORMS": "0",
        "author_links-0-author": str(zoe.pk), "author_links-0-position": "0",
        "author_links-1-author": str(adam.pk), "author_links-1-position": "1",
        "category_links-TOTAL_FORMS": "1", "category_links-0-category": str(category.pk),
        "entity_links-TOTAL_FORMS": "1", "entity_links-0-tag": str(entity.pk), "entity_links-0-is_main": True,
        "related_links-TOTAL_FORMS": "1", "related_links-0-title": "The first round",
        "related_links-0-url": "https://example.org/first-round",
    }
    labels = {"series": "Korea View", "author_links-0-author": "Zoe Park", "author_links-1-author": "Adam Lee",
              "category_links-0-category": "North Korea", "entity_links-0-tag": "Kaesong"}
    autosave, change = urls(article)
    client = login(edith)
    response = client.post(autosave, {"title": "Talks resume", "body": "<p>Begun.</p><p>More.</p><script>x</script>",
                                      "form": json.dumps({"values": values, "labels": labels})})
    assert response.status_code == 200
    copy = DraftAutosave.objects.get()
    assert copy.fields == values and copy.labels == labels

    page = BeautifulSoup(client.get(change).content, "html.parser")
    assert "a picture file chosen then cannot be kept" in page.find(class_="desk-autosave").text
    recovery = json.loads(page.find(id="autosave-fields").string)
    assert recovery["values"] == {**values, "title": "Talks resume", "body": "<p>Begun.</p><p>More.</p>"}
    assert recovery["labels"] == labels
    # The byline in its order, Zoe before Adam (not alphabetical).
    assert [recovery["labels"][f"author_links-{i}-author"] for i in range(2)] == ["Zoe Park", "Adam Lee"]


@pytest.mark.parametrize("form", ["not json", json.dumps([1, 2]), json.dumps({"values": {"series": {"pk": 1}}}),
                                  json.dumps({"values": {}, "labels": {"series": 3}})])
def test_a_malformed_form_copy_is_refused_and_keeps_nothing(form):
    article = make_article("Talks", status="draft")
    client = login(make_user("edith", "editor"))
    response = client.post(urls(article)[0], {"title": "Talks", "body": "<p>x</p>", "form": form})
    assert response.status_code == 400 and response.json()["error"]
    assert not DraftAutosave.objects.exists()


def test_the_autosave_counts_as_editing_for_other_editors():
    article = make_article("Talks", status="draft")
    login(make_user("edith", "editor")).post(urls(article)[0], {"title": "Talks", "body": "<p>Mine.</p>"})
    html = login(make_user("otto", "editor")).get(urls(article)[1]).content.decode()
    assert "edith is also editing this article" in html
