"""loaddata refuses, in one line naming the file, row, object and field, any row the admin form would refuse,
and writes nothing: a slug-less article used to load and then break every page that links it."""
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ArticleAuthor, Author, RelatedLink

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parent / "data" / "example_post.json"
PUBLIC_LISTS = ["/the-peninsula/", "/search/?q=moscow", "/feed/", "/feed/atom/", "/sitemap.xml"]


def rows():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def article_fields(data):
    return next(row["fields"] for row in data if row["model"] == "articles.article")


def write(tmp_path, data, name="post.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def counts():
    return (Article.objects.count(), Author.objects.count(), ArticleAuthor.objects.count(), RelatedLink.objects.count())


def refused(path):
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("loaddata", path, verbosity=0)
    assert counts() == before, "a refused fixture wrote rows"
    message = str(error.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_an_article_without_a_slug_is_refused_and_every_list_page_still_answers(client, peninsula, tmp_path):
    data = [row for row in rows() if row["model"] in ("articles.author", "articles.article")]
    del article_fields(data)["slug"]
    path = write(tmp_path, data)
    assert refused(path) == (f"{path}: articles.article “Moscow and Pyongyang Draw Closer” (row 2): "
                             "slug: This field cannot be blank.")
    assert not Author.objects.filter(slug="sarah-ryu").exists()  # row 1 was fine, and is not written either
    for url in PUBLIC_LISTS:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("field, value, expected", [
    ("slug", "moscow/pyongyang", "slug: Enter a valid “slug” consisting of Unicode letters, numbers, underscores, "
                                 "or hyphens."),
    ("title", "", "title: This field cannot be blank."),
    ("status", "live", "status: Value 'live' is not a valid choice."),
    ("published_at", "1850-03-04T17:00:00Z", "published_at: Dates must fall between 1900 and 2100: the year 1850 "
                                             "is outside 1900–2100."),
    ("published_at", "2015-02-30T17:00:00Z", "published_at: “2015-02-30T17:00:00Z” value has the correct format "
                                             "(YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]) but it is an invalid date/time."),
    ("published_at", None, "published_at: Set a publish date to publish this article."),
    ("image_credit_url", "javascript:alert(1)", "image_credit_url: Enter a valid URL."),
])
def test_an_article_the_admin_form_would_refuse_is_refused_naming_the_field(peninsula, tmp_path, field, value,
                                                                           expected):
    data = [row for row in rows() if row["model"] in ("articles.author", "articles.article")]
    article_fields(data)[field] = value
    path = write(tmp_path, data)
    message = refused(path)
    assert message.startswith(f"{path}: articles.article") and "(row 2): " in message
    assert expected in message


def test_a_related_link_that_runs_code_is_refused(peninsula, tmp_path):
    data = rows() + [{"model": "articles.relatedlink", "fields": {
        "article": ["moscow-and-pyongyang-draw-closer"], "title": "Click", "url": "javascript:alert(1)", "position": 0}}]
    path = write(tmp_path, data)
    assert refused(path) == (f"{path}: articles.relatedlink “Click” (row {len(data)}): url: Enter a web address "
                             "starting with http:// or https://, or a path on this site starting with “/”.")


def test_an_author_without_a_name_or_with_a_bad_website_is_refused(peninsula, tmp_path):
    data = rows()
    data[0]["fields"].update(name="", website="ftp://example.org/")
    message = refused(write(tmp_path, data))
    assert "articles.author" in message and "(row 1): " in message
    assert "name: This field cannot be blank." in message and "website: Enter a web address starting with http" in message


def test_a_row_taking_a_slug_another_article_has_is_refused(peninsula, tmp_path):
    data = rows()
    article_fields(data)["wp_id"] = 7
    call_command("loaddata", write(tmp_path, data, "first.json"), verbosity=0)
    other = [row for row in rows() if row["model"] == "articles.article"]
    article_fields(other).update(slug="another-slug", wp_id=7)
    path = write(tmp_path, other, "second.json")
    assert refused(path) == (f"{path}: articles.article “Moscow and Pyongyang Draw Closer” (row 1): "
                             "An article imported from this source with this WordPress post id (wp_id) already exists.")


def test_a_bad_second_file_writes_nothing_from_the_first(peninsula, tmp_path):
    good = write(tmp_path, rows(), "good.json")
    bad_rows = [{"model": "articles.category", "fields": {"name": "No slug"}}]
    bad = write(tmp_path, bad_rows, "bad.json")
    before = counts()
    with pytest.raises(CommandError, match=r"bad\.json: articles\.category “No slug” \(row 1\): slug: This field "
                                           r"cannot be blank\.$"):
        call_command("loaddata", good, bad, verbosity=0)
    assert counts() == before


def test_a_valid_hand_written_fixture_still_loads_and_reloads(peninsula, tmp_path):
    path = write(tmp_path, rows())
    call_command("loaddata", path, verbosity=0)
    once = counts()
    call_command("loaddata", path, verbosity=0)  # found again by natural key: its own row is no clash
    assert counts() == once
    assert Article.objects.get(slug="moscow-and-pyongyang-draw-closer").authors.count() == 2


def test_an_entity_without_its_key_gets_it_and_a_clashing_one_is_refused(peninsula, tmp_path):
    from articles.models import Entity

    path = write(tmp_path, [{"model": "articles.entity", "fields": {"name": "Kaesong", "slug": "kaesong",
                                                                    "kind": "place"}}])
    call_command("loaddata", path, verbosity=0)
    assert Entity.objects.get(slug="kaesong").key == "kaesong"
    clash = write(tmp_path, [{"model": "articles.entity", "fields": {"name": "KAESONG", "slug": "kaesong-2"}}],
                  "clash.json")
    with pytest.raises(CommandError, match=r"clash\.json: articles\.entity .* \(row 1\): key: Entity with this Key"):
        call_command("loaddata", clash, verbosity=0)
    assert not Entity.objects.filter(slug="kaesong-2").exists()
