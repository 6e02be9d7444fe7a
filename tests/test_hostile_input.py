"""Hostile input costs time linear in its size: bodies past the size or nesting limit are refused before
sanitising (with a clear error on every path), blank runs compare in one pass, entity aliases of any
length build the matcher, and request bodies have limits. No timing here: bench/hostile.py times them."""
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from articles.admin.forms import EntityForm, HTMLTextField, readable_html
from articles.entities.matching import Gazetteer, names_regex
from articles.html import sanitize_html
from articles.html_limits import TooDeep, check_body, open_elements
from articles.models import Article, DraftAutosave, Entity
from tests.admin_client import form_data
from tests.factories import make_article, make_user
from tests.sources import wxr, wxr_item

pytestmark = pytest.mark.django_db


def depth(text, limit=10**6):
    try:
        return open_elements(text, limit)
    except TooDeep:
        return "too deep"


# The count of open elements: never fewer than the HTML5 parser holds, not many more for real markup

def test_nested_elements_count_and_closed_ones_do_not():
    assert depth("<div>" * 50 + "x" + "</div>" * 50) == 50
    assert depth("<p>One <em>two</em> <a href='/x'>three</a></p>" * 200) == 2
    assert depth("<ul>" + "<li><p>item</p></li>" * 300 + "</ul>") == 3


def test_elements_the_parser_closes_itself_do_not_pile_up():
    # Old posts leave <p>, <li> and table cells unclosed: the parser closes each at the next.
    assert depth("<p>a" * 500) == 1
    assert depth("<ul>" + "<li>a" * 500 + "</ul>") == 2
    assert depth("<table>" + "<tr><td>a<td>b" * 300 + "</table>") <= 4
    assert depth("<svg>" + "<path d='M0 0'/>" * 500 + "</svg>") == 1


def test_tricks_that_keep_the_parser_deep_are_counted():
    # An end tag the parser ignores (outside the cell's scope) closes nothing here either.
    assert depth("<div><table><td></div></td></table>" * 150) > 100
    # Formatting left open across paragraphs is reopened in every later one: each counts.
    assert depth("".join(f'<p><b id="{i}"></p>' for i in range(150))) > 100
    assert depth("".join(f"<b id={i}><div></b></div>" for i in range(150))) > 100
    # The same formatting left open many times: the parser keeps three.
    assert depth("<p><strong>a</p>" * 150) <= 5
    # Leaving <svg> for HTML ends its self-closing rule.
    assert depth("<svg><div>" + "<span/>" * 150) > 100


def test_markup_the_tokenizer_reads_as_text_is_not_counted():
    assert depth("<script>" + "<div>" * 500 + "</script><p>x</p>") == 1
    assert depth("<!--" + "<div>" * 500 + "-->") == 0
    assert depth('<div title="a>b<div><div>">x</div>') == 1
    assert depth("<" * 5000 + "<a " * 5000 + '<b c="' + "<i>" * 500) == 0  # unclosed: the rest is one tag


def test_a_body_past_the_limits_is_refused_with_a_reason():
    with pytest.raises(ValidationError) as deep:
        check_body("<div>" * 20_000 + "x")
    assert deep.value.code == "body_too_deep" and "100" in deep.value.messages[0]
    with override_settings(BODY_MAX_BYTES=1000):
        with pytest.raises(ValidationError) as large:
            check_body("<p>" + "é" * 600 + "</p>")  # 1,207 bytes in UTF-8
    assert large.value.code == "body_too_large" and "limit is 1 kB" in large.value.messages[0]
    check_body("<div>" * 100 + "x")  # at the limit: kept
    with pytest.raises(ValidationError):
        sanitize_html("<blockquote>" * 101)  # whatever path calls the sanitiser


def test_the_article_form_refuses_a_deep_body_and_saves_nothing(staff_client):
    article = make_article("Kept", body="<p>Kept as it was.</p>")
    field = HTMLTextField()
    with pytest.raises(ValidationError):
        field.clean("<div>" * 20_000 + "x")
    assert field.has_changed("<p>Kept as it was.</p>", "<div>" * 20_000) is True  # no sanitising, no error
    url = f"/admin/articles/article/{article.pk}/change/"
    response = staff_client.post(url, {**form_data(staff_client, url), "body": "<div>" * 20_000 + "x"})
    assert response.status_code == 200
    assert "nests more than 100 elements deep" in response.content.decode()
    article.refresh_from_db()
    assert article.body == "<p>Kept as it was.</p>"


def test_autosave_refuses_a_deep_body_with_json():
    article = make_article("Talks", status="draft", body="<p>Begun.</p>")
    client = Client()
    client.force_login(make_user("edith", "editor"))
    response = client.post(f"/admin/articles/article/{article.pk}/autosave/",
                           {"title": "Talks", "body": "<blockquote>" * 30_000})
    assert response.status_code == 400 and "nests more than" in response.json()["error"]
    assert not DraftAutosave.objects.exists()


def test_import_wxr_refuses_a_deep_body_in_one_line_and_writes_nothing(tmp_path):
    path = tmp_path / "deep.xml"
    path.write_text(wxr(wxr_item("1", "Fine", body="<p>Fine.</p>"),
                        wxr_item("2", "Deep", body="<div>" * 5000 + "x")), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_wxr", str(path), "--no-progress", stdout=StringIO(), stderr=StringIO())
    assert "body" in str(error.value) and "nests more than" in str(error.value) and "\n" not in str(error.value)
    assert not Article.objects.exists()


def test_import_page_refuses_a_deep_page(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><head><title>Deep</title></head><body>" + "<div>" * 5000 + "x</body></html>",
                    encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_page", str(path), "--no-progress", stdout=StringIO(), stderr=StringIO())
    assert "nests more than" in str(error.value)
    assert not Article.objects.exists()


# Blank runs

def test_blanks_alone_are_no_change_however_long_the_run():
    stored = "<p>One</p><p>Two</p>"
    posted = "<p>One</p>" + " \n" * 40_000 + "<p>Two" + " " * 40_000 + "</p>"
    assert readable_html(stored) == readable_html(posted) == "<p>One</p><p>Two</p>"
    assert not HTMLTextField().has_changed(stored, posted)
    assert HTMLTextField().has_changed(stored, "<p>One</p><p>Two more</p>")


# Entity aliases

def test_the_matcher_builds_for_an_alias_of_ten_thousand_characters():
    alias = "Long " + "a" * 10_000
    entity = Entity(name="Longname", kind="topic", aliases=[alias, "Long " + "a" * 9_999 + "b"])
    gazetteer = Gazetteer([entity])
    assert [m.words for m in gazetteer.matches(f"We read {alias} today.")] == [alias]
    # Hundreds of names each a prefix of the next: the regex compiler's own nesting limit is not reached.
    regex = names_regex(["N" + "a" * i for i in range(1, 1200)])
    assert regex.search("see N" + "a" * 1199 + ".").group("name") == "N" + "a" * 1199


def test_the_entity_form_refuses_an_alias_longer_than_the_limit():
    form = EntityForm({"name": "Sanctions", "slug": "sanctions", "kind": "topic",
                       "aliases": "sanctions regime\n" + "x" * 201})
    assert not form.is_valid()
    assert "201 characters long: at most 200 are allowed" in form.errors["aliases"][0]
    assert EntityForm({"name": "Sanctions", "slug": "sanctions", "kind": "topic",
                       "aliases": "sanctions regime\n" + "x" * 200}).is_valid()


def test_a_saved_entity_with_a_long_alias_is_refused_on_every_path():
    with pytest.raises(ValidationError):
        Entity(name="Sanctions", slug="sanctions", aliases=["x" * 5000]).save()
    assert not Entity.objects.filter(slug="sanctions").exists()


# Request bodies

@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10_000)
def test_a_post_larger_than_the_limit_is_a_400_not_a_worker_held():
    response = Client().post("/subscribe/", {"email": "a@example.org", "junk": "x" * 20_000})
    assert response.status_code == 400


def test_request_limits_fit_the_largest_body(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= 3 * settings.BODY_MAX_BYTES
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS >= 1000


def test_ampersands_past_the_limit_in_one_text_run_or_tag_are_refused():
    # html5ever's time grows with the square of the "&" in one text node or attribute value.
    with pytest.raises(ValidationError) as text:
        check_body("<p>" + "&amp; " * 10_001 + "</p>")
    assert text.value.code == "body_too_many_ampersands"
    with pytest.raises(ValidationError):
        check_body("<p>" + "& </x>" * 10_001 + "</p>")  # ignored end tags do not split the text
    with pytest.raises(ValidationError):
        check_body('<p><a href="http://example.org/?' + "a=1&" * 10_001 + '">x</a></p>')
    check_body(("<p>" + "&amp; " * 10_000 + "</p>") * 20)  # each paragraph is its own text
    check_body("<p>" + "&amp;<br>" * 20_000 + "</p>")


def test_import_page_lists_a_text_page_past_the_limits_as_refused(tmp_path):
    from tests.sources import page_text
    path = tmp_path / "amps.txt"
    path.write_text(page_text("Ampersands", date="February 18, 2015", byline="A. Writer", body="& " * 10_001),
                    encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_page", str(path), "--no-progress", stdout=StringIO(), stderr=StringIO())
    assert "amps.txt" in str(error.value) and "“&” characters" in str(error.value)
    assert not Article.objects.exists()


def test_autosaves_faster_than_an_editor_sends_them_are_turned_away(settings):
    article = make_article("Talks", status="draft", body="<p>Begun.</p>")
    client = Client()
    client.force_login(make_user("edith", "editor"))
    url = f"/admin/articles/article/{article.pk}/autosave/"
    long_body = "<p>" + "Words go on. " * 8000 + "</p>"  # 104 kB
    assert client.post(url, {"title": "Talks", "body": long_body}).status_code == 200
    second = client.post(url, {"title": "Talks", "body": long_body + "<p>Two.</p>"})
    assert second.status_code == 429 and second["Retry-After"] == str(settings.AUTOSAVE_MIN_SECONDS)
    assert DraftAutosave.objects.get().body == long_body
    assert client.post(url, {"title": "Talks", "body": "<p>Short.</p>"}).status_code == 200  # small ones cost little
