"""Malformed ids, numbers out of range and odd Unicode get a 4xx from every public and admin URL, never a 500."""
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client

from articles.models import Entity
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_category, make_entity, make_series, make_user

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"
ODD = ["abc", "-1", "0", HUGE, "1.5", "%00", "%EF%BF%BF", "%F0%9F%98%80", "1e5", "%20"]


def autocomplete(model, field, term="x", app="articles"):
    return f"/admin/autocomplete/?app_label={app}&model_name={model}&field_name={field}&term={term}"


AUTOCOMPLETES = [("article", "series"), ("category", "parent"), ("author", "entity"),
                 ("articleauthor", "author"), ("articlecategory", "category"), ("articleentity", "tag")]

PUBLIC = [
    "/the-peninsula/?page={odd}", "/the-peninsula/?category={odd}", "/the-peninsula/?theme={odd}",
    "/the-peninsula/?published_at__year={odd}", "/the-peninsula/{odd}/", "/the-peninsula/{odd}/1/",
    "/the-peninsula/2015/{odd}/", "/category/{odd}/", "/category/{odd}/?page={odd}", "/tag/{odd}/",
    "/tag/{odd}/page/{odd}/", "/tag/x/page/" + HUGE + "/", "/author/{odd}/", "/series/{odd}/", "/tags/?page={odd}",
    "/search/?q={odd}", "/search/?q=korea&page={odd}", "/search/?q=korea&year={odd}", "/search/?q=korea&category={odd}",
    "/feed/?page={odd}", "/tag/{odd}/feed/", "/preview/{odd}/", "/sitemap.xml?p={odd}", "/media/{odd}.png",
    "/media/{odd}/x.png", "/2015/{odd}/x/", "/subscribe/confirm/{odd}/", "/unsubscribe/{odd}/",
    "/?published_at__year={odd}", "/the-peninsula/2015/?published_at__month={odd}",
]

ADMIN = [
    "/admin/articles/article/?published_at__year={odd}", "/admin/articles/article/?published_at__month={odd}&"
    "published_at__year=2015", "/admin/articles/article/?published_at__day={odd}&published_at__month=1&"
    "published_at__year=2015", "/admin/articles/article/?categories__id__exact={odd}",
    "/admin/articles/article/?authors__id__exact={odd}", "/admin/articles/article/?series__id__exact={odd}",
    "/admin/articles/article/?p={odd}", "/admin/articles/article/?o={odd}", "/admin/articles/article/?desk={odd}",
    "/admin/articles/article/?entity_kind={odd}", "/admin/articles/article/?q={odd}",
    "/admin/articles/article/{odd}/change/", "/admin/articles/article/{odd}/history/",
    "/admin/articles/article/{odd}/delete/", "/admin/articles/article/add/?series={odd}",
    "/admin/articles/series/{odd}/change/", "/admin/articles/category/{odd}/change/",
    "/admin/articles/author/{odd}/change/", "/admin/articles/entity/{odd}/change/",
    "/admin/articles/category/?parent__id__exact={odd}", "/admin/articles/entity/?kind={odd}",
    "/admin/articles/category/add/?parent={odd}", "/admin/articles/author/add/?entity={odd}",
    *[autocomplete(model, field, "{odd}") for model, field in AUTOCOMPLETES],
    *[autocomplete(model, field) + "&page={odd}" for model, field in AUTOCOMPLETES],
    autocomplete("{odd}", "series"), autocomplete("article", "{odd}"), autocomplete("article", "series", app="{odd}"),
]


@pytest.fixture
def content():
    person = make_entity("Kim Jong-un", kind="person")
    author = make_author("Ann Lee", entity=person)
    category = make_category("North Korea")
    make_category("Nuclear", parent=category)
    series = make_series("Korea View")
    make_article("Talks", authors=[author], categories=[category], entities=[person], series=series)
    default_storage.save("articles/picture.png", ContentFile(b"\x89PNG fake"))


def clients():
    found = {"anonymous": Client(), "editor": login(make_user("edith", "editor")),
             "contributor": login(make_user("carla", "contributor"))}
    for client in found.values():
        client.raise_request_exception = False  # a 500 is an answer to count, not a test error
    return found


def assert_no_server_error(paths):
    failures = []
    for name, client in clients().items():
        for path in paths:
            for odd in ODD if "{odd}" in path else [""]:
                url = path.replace("{odd}", odd)
                status = client.get(url).status_code
                if status >= 500:
                    failures.append((name, url, status))
    assert not failures, "\n".join(f"{name} {url} {status}" for name, url, status in failures)


def test_public_urls_answer_odd_input_with_4xx(content):
    assert_no_server_error(PUBLIC)


def test_admin_urls_answer_odd_input_with_4xx(content):
    assert_no_server_error(ADMIN)


def test_a_path_through_a_file_and_an_overlong_media_name_are_404(content, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "picture.png").write_bytes(b"\x89PNG fake")
    client = Client()
    assert client.get("/media/articles/picture.png").status_code == 200
    for path in ("/media/articles/picture.png/x.png", "/media/" + "a" * 300 + ".png",
                 "/media/articles/" + "b" * 300 + "/x.png"):
        assert client.get(path).status_code == 404, path
    for path in ("/media/%00.png", "/media/articles/%00/x.png"):
        assert client.get(path).status_code == 404, path


def test_a_nul_character_in_an_address_is_a_404_in_a_query_dropped_and_in_a_form_a_form_error():
    editor = login(make_user("edith", "editor"))
    article = make_article("Talks", slug="talks")
    response = Client().get("/tag/a%00b/")
    assert response.status_code == 404 and "Page not found" in response.content.decode()
    # In a query string a NUL is dropped: the page answers as if it were not typed.
    assert "Talks" in Client().get("/search/?q=Tal%00ks").content.decode()
    assert Client().get("/the-peninsula/?category=%00").status_code == 200
    assert editor.get("/admin/articles/entity/?q=%00").status_code == 200
    url = f"/admin/articles/article/{article.pk}/change/"
    response = editor.post(url, {**form_data(editor, url), "slug": "a\x00b", "title": "T\x00"})
    assert response.status_code == 200 and "Null characters are not allowed" in response.content.decode()


def test_two_entities_named_only_with_a_noncharacter_are_refused_or_kept_apart_never_a_500():
    editor = login(make_user("edith", "editor"))
    editor.raise_request_exception = False
    for name, slug in (("\uffff", "\uffff"), ("\uffff", ""), ("\uffff\uffff", "x\uffff"), ("\uffff", "ffff")):
        response = editor.post("/admin/articles/entity/add/", {"name": name, "slug": slug, "kind": "topic",
                                                              "disambiguator": "", "aliases": "", "description": "",
                                                              "wikidata_id": ""})
        assert response.status_code in (200, 302), (name, slug, response.status_code)
    for entity in Entity.objects.all():
        assert entity.name.strip() and entity.slug
        assert editor.get(f"/admin/articles/entity/{entity.pk}/change/").status_code == 200
        assert Client().get(f"/tag/{entity.slug}/").status_code == 404  # no public article yet
    assert editor.get("/admin/articles/entity/").status_code == 200
    assert editor.get("/tags/").status_code == 200


@pytest.mark.parametrize("odd", ["abc", HUGE, "1.5", "-1", "\uffff", " "])
def test_a_posted_form_with_an_odd_id_in_an_autocomplete_field_is_a_form_error(content, odd):
    from articles.models import Article, Author, Category

    editor = login(make_user("edith", "editor"))
    editor.raise_request_exception = False
    forms = [(f"/admin/articles/article/{Article.objects.get().pk}/change/", "article_form", "series"),
             (f"/admin/articles/category/{Category.objects.get(name='Nuclear').pk}/change/", "category_form", "parent"),
             (f"/admin/articles/author/{Author.objects.get().pk}/change/", "author_form", "entity"),
             ("/admin/articles/category/add/", "category_form", "parent"),
             ("/admin/articles/author/add/", "author_form", "entity")]
    for url, form_id, field in forms:
        response = editor.post(url, {**form_data(editor, url, form_id), field: odd})
        assert response.status_code == 200, (url, odd, response.status_code)
        assert "Select a valid choice" in response.content.decode()
    url = forms[0][0]
    for row_field in ("author_links-0-author", "category_links-0-category", "entity_links-0-tag"):
        response = editor.post(url, {**form_data(editor, url), row_field: odd})
        assert response.status_code == 200, (row_field, odd, response.status_code)
        assert "Select a valid choice" in response.content.decode()
