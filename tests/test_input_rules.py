"""Real-world input (Hangul names, odd WordPress exports, hostile links) never breaks a public page."""
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client

from articles.dates import validate_publication_date
from articles.models import Article, Author, Category, Entity, RelatedLink
from articles.slugs import free_slug, make_slug
from articles.validators import validate_aliases, validate_link_url
from tests.sources import page_text, wxr, wxr_item

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = ["/the-peninsula/", "/sitemap.xml", "/sitemap-articles.xml", "/sitemap-entities.xml", "/search/?q=korea", "/tags/", "/feed/", "/the-peninsula/2015/",
                "/the-peninsula/2015/02/"]


def import_page(tmp_path, text, name="page.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_page", str(path), "--no-progress", stdout=StringIO(), stderr=StringIO())


def import_wxr(tmp_path, document):
    path = tmp_path / "export.xml"
    path.write_text(document, encoding="utf-8")
    out = StringIO()
    call_command("import_wxr", str(path), "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def assert_pages_answer(*paths):
    client = Client()
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, f"{path} answered {response.status_code}"


# The slug rule

@pytest.mark.parametrize("value, expected", [
    ("김정은의 외교", "김정은의-외교"),
    ("Kim Jong-un", "kim-jong-un"),
    ("a%2Fb", "a-b"),
    ("north/south", "north-south"),
    ("%ea%b9%80", "김"),
    ("!!!", "fallback"),
    ("", "fallback"),
    ("///", "fallback"),
])
def test_make_slug_is_unicode_never_empty_and_never_holds_a_slash(value, expected):
    assert make_slug(value, "fallback") == expected


def test_free_slug_numbers_a_taken_slug():
    Category.objects.create(name="A", slug="a")
    Category.objects.create(name="A2", slug="a-2")
    assert free_slug(Category.objects.all(), "a") == "a-3"
    assert free_slug(Category.objects.all(), "b") == "b"


def test_hangul_title_and_bylines_get_their_own_unicode_slugs_and_every_page_answers(tmp_path):
    import_page(tmp_path, page_text("북한의 대외 전략", byline="김정은 and 이명박", categories=("한반도",)), "a.txt")
    import_page(tmp_path, page_text("남북 관계", byline="박근혜", categories=("한반도",)), "b.txt")
    article = Article.objects.get(title="북한의 대외 전략")
    assert article.slug == "북한의-대외-전략"
    assert sorted(Author.objects.values_list("slug", flat=True)) == ["김정은", "박근혜", "이명박"]
    assert Category.objects.get().slug == "한반도"
    assert_pages_answer(*PUBLIC_LISTS, article.get_absolute_url(), "/category/한반도/", "/author/김정은/",
                        "/author/김정은/feed/", "/search/?q=북한")


def test_a_title_of_symbols_only_still_gets_a_slug(tmp_path):
    import_page(tmp_path, page_text("!!! ???"))
    assert Article.objects.get().slug == "article"
    assert_pages_answer(*PUBLIC_LISTS)


def test_wxr_nicenames_with_an_encoded_slash_become_slugs_without_one(tmp_path):
    import_wxr(tmp_path, wxr(wxr_item(1, "Trade", slug="trade%2Fdeals", categories=[("econ%2Fomics", "Economics")],
                                      tags=[("korus%2Ffta", "KORUS FTA")])))
    article = Article.objects.get()
    assert article.slug == "trade-deals"
    assert Category.objects.get().slug == "econ-omics"
    assert Entity.objects.get(name="KORUS FTA").slug == "korus-fta"
    assert_pages_answer(*PUBLIC_LISTS, article.get_absolute_url(), "/tag/korus-fta/", "/search/?q=trade")


def test_two_tags_of_symbols_only_are_two_entities(tmp_path):
    import_wxr(tmp_path, wxr(wxr_item(1, "Signs", tags=[("fire", "🔥"), ("water", "💧"), ("x", "!!!")])))
    assert sorted(Entity.objects.values_list("name", flat=True)) == ["!!!", "💧", "🔥"]
    assert_pages_answer("/tags/", "/tag/fire/", "/tag/water/")


# The date rule

@pytest.mark.parametrize("date", ["0001-01-01 00:00:00", "1899-12-31 23:59:59", "2101-01-01 00:00:00",
                                  "9999-12-31 23:59:59"])
def test_a_wxr_post_dated_outside_1900_to_2100_is_a_one_line_error_and_nothing_is_written(tmp_path, date):
    with pytest.raises(CommandError) as error:
        import_wxr(tmp_path, wxr(wxr_item(1, "Fine"), wxr_item(2, "Odd", date=date)))
    assert "outside 1900–2100" in str(error.value) and "\n" not in str(error.value)
    assert "item 2" in str(error.value)
    assert not Article.objects.exists()


def test_wordpress_zero_date_leaves_a_draft_undated(tmp_path):
    import_wxr(tmp_path, wxr(wxr_item(1, "Draft", date="0000-00-00 00:00:00", status="draft")))
    assert Article.objects.get().published_at is None


def test_a_page_dated_before_1900_is_a_one_line_error(tmp_path):
    with pytest.raises(CommandError) as error:
        import_page(tmp_path, page_text("Old", date="February 18, 1850"))
    assert "line 7" in str(error.value) and "outside 1900–2100" in str(error.value)
    assert "\n" not in str(error.value)
    assert not Article.objects.exists()


def test_the_model_refuses_dates_outside_the_rule_with_the_same_words():
    from datetime import datetime, timezone

    validate_publication_date(datetime(2015, 2, 18, tzinfo=timezone.utc))
    with pytest.raises(ValidationError, match="between 1900 and 2100"):
        validate_publication_date(datetime(1, 1, 2, tzinfo=timezone.utc))


# WordPress ids and long tags

@pytest.mark.parametrize("post_id, reason", [
    ("²", "post id “²” is not a number"),
    ("١٢", "post id “١٢” is not a number"),
    ("1" * 30, "is too large (at most 18 digits)"),
])
def test_odd_wordpress_post_ids_are_skipped_with_a_reason(tmp_path, post_id, reason):
    output = import_wxr(tmp_path, wxr(wxr_item(post_id, "Odd id"), wxr_item(7, "Fine")))
    assert reason in output
    assert list(Article.objects.values_list("wp_id", flat=True)) == [7]


def test_two_long_tags_sharing_their_first_200_characters_are_a_one_line_error(tmp_path):
    stem = "x" * 200
    with pytest.raises(CommandError) as error:
        import_wxr(tmp_path, wxr(wxr_item(1, "Tags", tags=[("a", stem + "a"), ("b", stem + "b")])))
    assert "characters long (at most 200)" in str(error.value) and "\n" not in str(error.value)
    assert not Entity.objects.exists()


# Links and aliases

@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                                 "//evil.example/", "/\\evil.example/", "ftp://example.org/", "java\tscript:x"])
def test_links_refuse_script_and_data_urls_and_protocol_relative_paths(url):
    with pytest.raises(ValidationError):
        validate_link_url(url)


@pytest.mark.parametrize("url", ["https://www.keia.org/", "http://example.org/a?b=c", "/the-peninsula/x/",
                                 "/tag/북한/"])
@pytest.mark.django_db
def test_links_accept_web_addresses_and_site_paths(url):
    assert validate_link_url(url) is None  # it raises ValidationError to refuse
    link = RelatedLink(title="Further reading", url=url)
    link.full_clean(exclude=["article"])
    assert link.url == url  # kept as typed


@pytest.mark.parametrize("field_owner, field", [(RelatedLink, "url"), (Author, "website"),
                                                (Article, "image_credit_url")])
def test_every_url_field_uses_the_shared_link_rule(field_owner, field):
    assert validate_link_url in field_owner._meta.get_field(field).validators


@pytest.mark.parametrize("value", [[1], 7, "Pyongyang", {"a": "b"}, [None], [["x"]]])
def test_aliases_that_are_not_a_list_of_names_are_refused_before_anything_is_written(value):
    with pytest.raises(ValidationError, match="list of names"):
        validate_aliases(value)
    with pytest.raises(ValidationError):
        Entity.objects.create(name="North Korea", aliases=value)
    assert not Entity.objects.exists()


@pytest.mark.parametrize("aliases", ["7", "[1]", '"Pyongyang"', '{"a": 1}'])
def test_whatever_is_typed_as_aliases_is_stored_as_a_list_of_names(staff_client, aliases):
    """Aliases are edited one name a line, so typed JSON is just a name: never a 500, never a non-list."""
    response = staff_client.post("/admin/articles/entity/add/", {
        "name": "North Korea", "slug": "north-korea", "kind": "place", "aliases": aliases})
    assert response.status_code == 302
    assert Entity.objects.get().aliases == [aliases]
    assert staff_client.get(f"/admin/articles/entity/{Entity.objects.get().pk}/change/").status_code == 200


def test_the_entity_form_takes_a_list_of_names(staff_client):
    response = staff_client.post("/admin/articles/entity/add/", {
        "name": "North Korea", "slug": "north-korea", "kind": "place", "aliases": "DPRK\n북한"})
    assert response.status_code == 302
    assert Entity.objects.get().aliases == ["DPRK", "북한"]


def test_characters_html_cannot_carry_are_dropped_from_stored_text(tmp_path):
    import html5lib

    import_wxr(tmp_path, wxr(wxr_item(1, "Title\ufdd0 here", creator="Ada\u0085", body="Body &amp;#1; text\u0080 x",
                                      categories=[("c", "Cat\ufdef")], tags=[("t", "Tag\U0001ffff")])))
    article = Article.objects.get()
    assert article.title == "Title here" and "\x80" not in article.body and "\x01" not in article.body_text
    assert Author.objects.get().name == "Ada" and Category.objects.get().name == "Cat"
    assert Entity.objects.get().name == "Tag"
    for path in ["/the-peninsula/", article.get_absolute_url(), "/tags/"]:
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(Client().get(path).content.decode())


def test_two_categories_that_make_one_slug_link_the_article_once(tmp_path):
    import_wxr(tmp_path, wxr(wxr_item(1, "Twice", categories=[("a%2Fb", "A/B"), ("a-b", "A-B")],
                                      creator="Kim")))
    assert list(Article.objects.get().categories.values_list("slug", flat=True)) == ["a-b"]


def test_the_entity_form_finds_a_duplicate_of_a_name_made_of_symbols(staff_client):
    Entity.objects.create(name="🔥", slug="fire")
    response = staff_client.post("/admin/articles/entity/add/", {"name": "🔥", "slug": "fire-2", "kind": "topic",
                                                                  "aliases": "[]"})
    assert response.status_code == 200 and "is already an entity" in response.content.decode()
    assert Entity.objects.count() == 1
