"""The editors' admin: lists, filters, search, autocomplete and staff-only access."""
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_category, make_entity, make_series

pytestmark = pytest.mark.django_db


def test_admin_requires_staff(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(user)
    response = client.get("/admin/articles/article/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_article_changelist_shows_status_date_category_and_authors(staff_client, peninsula):
    html = staff_client.get("/admin/articles/article/").content.decode()
    assert "North Korea Looking Abroad" in html
    assert "Matthew Nitkoski" in html
    assert "Published" in html


@pytest.mark.parametrize("query", ["status__exact=draft", "categories__id__exact=1", "entity_kind=person",
                                   "q=uranium", "published_at__year=2015"])
def test_article_changelist_filters_and_search(staff_client, peninsula, query):
    response = staff_client.get(f"/admin/articles/article/?{query}")
    assert response.status_code == 200


def test_search_finds_body_text(staff_client, peninsula):
    make_article("Unrelated")
    html = staff_client.get("/admin/articles/article/?q=uranium").content.decode()
    assert "North Korea Looking Abroad" in html and "Unrelated" not in html


def test_change_form_has_prepopulated_slug_autocomplete_and_view_on_site(staff_client, peninsula):
    html = staff_client.get(f"/admin/articles/article/{peninsula.pk}/change/").content.decode()
    assert "prepopulated" in html
    assert "admin-autocomplete" in html
    assert "View on site" in html


def test_entity_autocomplete_shows_kind_and_keeps_spaces(staff_client):
    make_entity("Council for Cooperation with North Korea", kind="organization")
    response = staff_client.get("/admin/autocomplete/", {"term": "Council for", "app_label": "articles",
                                                          "model_name": "articleentity", "field_name": "tag"})
    assert response.status_code == 200
    names = [r["text"] for r in response.json()["results"]]
    assert names == ["Council for Cooperation with North Korea (organisation)"]


def test_entity_and_author_admins_show_article_counts(staff_client, peninsula):
    html = staff_client.get("/admin/articles/entity/?q=Kim").content.decode()
    assert "Kim Jong-un" in html and "field-article_count" in html
    assert staff_client.get("/admin/articles/author/").status_code == 200
    assert staff_client.get("/admin/articles/category/").status_code == 200
    assert staff_client.get("/admin/articles/series/").status_code == 200


def test_adding_an_article_through_the_admin_sanitises_the_body(staff_client):
    data = {
        "title": "Admin piece", "slug": "admin-piece", "status": "draft", "excerpt": "", "author_note": "",
        "body": "<p>Text</p><script>bad()</script>", "image_credit": "", "image_credit_url": "",
        "image_licence": "",
    }
    for prefix in ("author_links", "category_links", "entity_links", "related_links", "legacy_urls"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = staff_client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(slug="admin-piece")
    assert article.body == "<p>Text</p>"
    assert article.created_by.username == "editor"


def changelist_titles(client, query):
    page = BeautifulSoup(client.get(f"/admin/articles/article/?{query}").content, "html.parser")
    return sorted(cell.get_text(strip=True) for cell in page.select("#result_list .field-title"))


def test_article_changelist_filters_narrow_the_list(staff_client):
    ann, economy, person = make_author("Ann"), make_category("Economy"), make_entity("Ann Lee", kind="person")
    make_article("Drafted", status="draft", days_ago=400)
    make_article("By Ann", authors=[ann], categories=[economy], entities=[person])
    make_article("Plain")
    year = timezone.localtime(Article.objects.get(title="Drafted").published_at).year  # the admin filters in the site's zone
    assert changelist_titles(staff_client, "status__exact=draft") == ["Drafted"]
    assert changelist_titles(staff_client, f"categories__id__exact={economy.pk}") == ["By Ann"]
    assert changelist_titles(staff_client, f"authors__id__exact={ann.pk}") == ["By Ann"]
    assert changelist_titles(staff_client, "entity_kind=person") == ["By Ann"]
    assert "Drafted" in changelist_titles(staff_client, f"published_at__year={year}")
    assert changelist_titles(staff_client, "q=Plain") == ["Plain"]


def test_author_category_and_series_admins_count_each_row_s_articles(staff_client):
    ann, economy, weekly = make_author("Ann"), make_category("Economy"), make_series("Weekly")
    for _ in range(3):
        make_article(authors=[ann], categories=[economy], series=weekly)
    make_article(authors=[make_author("Bo")])
    for url, name in [("author", "Ann"), ("category", "Economy"), ("series", "Weekly")]:
        page = BeautifulSoup(staff_client.get(f"/admin/articles/{url}/?q={name}").content, "html.parser")
        assert [cell.get_text() for cell in page.select("#result_list .field-article_count")] == ["3"], url


def test_change_form_has_date_hierarchy_ordered_authors_and_related_links_inline(staff_client, peninsula):
    html = staff_client.get(f"/admin/articles/article/{peninsula.pk}/change/").content.decode()
    assert "authors (in byline order)" in html.lower() and 'name="author_links-0-position"' in html
    assert 'name="related_links-TOTAL_FORMS"' in html
    changelist = staff_client.get("/admin/articles/article/").content.decode()
    assert "published_at__year=2015" in changelist  # the date hierarchy's year link


def test_a_plain_text_body_keeps_its_paragraphs(admin_client):
    """Text typed or pasted from a word processor into the body box: blank lines are paragraphs."""
    from tests.admin_client import form_data

    article = make_article("Pasted", body="<p>x</p>")
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(admin_client, url)
    data["body"] = "First paragraph, “quoted”.\r\n\r\nSecond paragraph\r\nwith a line break.\r\n\r\nThird & last."
    assert admin_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.body.count("<p>") == 3 and "<br>" in article.body and "Third &amp; last." in article.body
    data = form_data(admin_client, url)  # the form as saved, on its new version
    data["body"] = "<h2>Kept</h2>\r\n<p>As HTML.</p>"
    assert admin_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.body.replace("\n", "") == f'<h2 id="{article.slug}__kept">Kept</h2><p>As HTML.</p>'
