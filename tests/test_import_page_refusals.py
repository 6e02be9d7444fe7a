"""import_page refuses what it cannot read in one line naming the file, the line or element, and the option to use."""
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Author, Category, Entity, LegacyURL, Series

pytestmark = pytest.mark.django_db

PAGES = Path(__file__).resolve().parent / "data" / "pages"
POST = "A Post About Trade\n\nBy Kyle Ferrier\n\n{date}\n\nThe body of the post, one paragraph long.\n"


def run(*args):
    call_command("import_page", *map(str, args), stdout=StringIO(), stderr=StringIO())


def refusal(*args):
    with pytest.raises(CommandError) as error:
        run(*args)
    message = str(error.value)
    assert "\n" not in message
    assert not any(model.objects.exists() for model in (Article, Author, Category, Entity, Series, LegacyURL))
    return message


def write(tmp_path, text, name="post.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("date_line, message", [
    ("Published 03/04/2015", "line 5: ambiguous date “03/04/2015”: day and month could be either way round"),
    ("Published January 1, 1850", "line 5: date “January 1, 1850” is outside 1900–2100"),
    ("February 30, 2015", "line 5: unreadable date “February 30, 2015”: no such day"),
    ("Posted on sometime in spring", "line 5: unreadable date “sometime in spring” (expected e.g."),
])
def test_a_date_line_that_names_no_single_day_is_refused_not_guessed(tmp_path, date_line, message):
    path = write(tmp_path, POST.format(date=date_line))
    assert refusal(path).startswith(f"{path}: {message}")


def test_no_date_anywhere_names_the_title_line_and_the_options(tmp_path):
    path = write(tmp_path, "A Post About Trade\n\nBy Kyle Ferrier\n\nThe body.\n")
    assert refusal(path) == (f"{path}: line 1: no “Published <Month D, YYYY>” date line (nor any other date line in "
                             "the page); give it with --date YYYY-MM-DD, --url /YYYY/MM/<slug>/ or a manifest's "
                             "date column")


def test_a_page_without_body_is_refused(tmp_path):
    path = write(tmp_path, "A Post About Trade\n\nBy Kyle Ferrier\n\nFebruary 18, 2015\n")
    assert refusal(path) == f"{path}: line 5: no body after the header"


def test_the_page_date_and_the_date_option_disagreeing_is_refused(tmp_path):
    path = write(tmp_path, POST.format(date="February 18, 2015"))
    assert refusal(path, "--date", "2015-02-19") == (
        f"{path}: line 5: the page says February 18, 2015 but --date says 2015-02-19: correct one of them")


def test_a_date_option_not_in_iso_form_is_refused(tmp_path):
    path = write(tmp_path, "A Post\n\nThe body.\n")
    assert refusal(path, "--date", "18/02/2015") == f"{path}: --date: date “18/02/2015” is not YYYY-MM-DD"


@pytest.mark.parametrize("url, message", [
    ("ride-sharing", "--url: --url “ride-sharing” is not an address or a path starting with “/”"),
    ("/2014/13/ride-sharing/", "--url: --url “/2014/13/ride-sharing/”: no month 2014/13"),
])
def test_a_bad_url_option_is_refused(tmp_path, url, message):
    path = write(tmp_path, POST.format(date="February 18, 2015"))
    assert refusal(path, "--url", url) == f"{path}: {message}"


def test_url_and_date_describe_one_file_only(tmp_path):
    one, two = write(tmp_path, "A\n\nB.\n", "one.txt"), write(tmp_path, "C\n\nD.\n", "two.txt")
    assert refusal(one, two, "--date", "2015-02-18").startswith("--url and --date describe one post: give a single "
                                                               "FILE, or a manifest")


@pytest.mark.parametrize("name, text, message", [
    ("m.csv", "path,url\npost.txt,/2015/02/a/\n", "line 1: no header row with a “file” column"),
    ("m.csv", "file,author\npost.txt,Kim\n", "line 2: unknown column “author” (columns: file, url, date, status, category)"),
    ("m.csv", "file,status\npost.txt,pending\n", "line 2: status “pending” is not draft or published"),
    ("m.csv", "file,date\n,2015-02-18\n", "line 2: no file named (the “file” column is empty)"),
    ("m.csv", "file\n", "a manifest without rows"),
    ("m.json", '{"file": "post.txt"}', "a JSON manifest is a list of"),
    ("m.json", '[{"file": "post.txt",}]', "line 1: not JSON"),
    ("m.json", '["post.txt"]', "item 1: not an object"),
])
def test_a_bad_manifest_names_its_line_or_item(tmp_path, name, text, message):
    manifest = write(tmp_path, text, name)
    assert refusal(manifest).startswith(f"{manifest}: {message}")


def test_a_manifest_row_with_a_bad_date_names_the_manifest_line(tmp_path):
    write(tmp_path, "A Post\n\nThe body.\n")
    manifest = write(tmp_path, "file,date\npost.txt,2015-2-18\n", "m.csv")
    assert refusal(manifest) == (f"{tmp_path / 'post.txt'}: {manifest} line 2 date: date “2015-2-18” is not "
                                 "YYYY-MM-DD")


def test_a_manifest_with_date_or_url_options_is_refused(tmp_path):
    manifest = write(tmp_path, "file\npost.txt\n", "m.csv")
    assert refusal(manifest, "--date", "2015-02-18") == (
        f"{manifest}: a manifest gives each file's url and date; drop --url/--date")


def test_a_manifest_row_naming_a_missing_file(tmp_path):
    manifest = write(tmp_path, "file\nnowhere.txt\n", "m.csv")
    assert refusal(manifest) == f"{tmp_path / 'nowhere.txt'}: no such file"


def test_several_refused_files_are_each_listed_and_nothing_is_written(tmp_path):
    good = write(tmp_path, POST.format(date="February 18, 2015"), "good.txt")
    first, second = write(tmp_path, "A\n\nB.\n", "first.txt"), write(tmp_path, "C\n\nD.\n", "second.txt")
    err = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_page", str(good), str(first), str(second), stdout=StringIO(), stderr=err)
    assert str(error.value) == "2 of 3 files refused (listed above); nothing written"
    assert [line.split(": ")[0] for line in err.getvalue().splitlines()] == [str(first), str(second)]
    assert not Article.objects.exists()


@pytest.mark.parametrize("name, message", [
    ("no_date.html", "<h1> 1: no “Published <Month D, YYYY>” date line (nor any other date line in the page); "
                     "give it with --date"),
    ("menus_only.html", "<body>: no article text found in the page (only menus, sidebars or nothing at all)"),
])
def test_a_saved_web_page_without_date_or_article_is_refused(name, message):
    assert refusal(PAGES / name).startswith(f"{PAGES / name}: {message}")


def test_a_saved_web_page_without_date_imports_with_the_date_option():
    run(PAGES / "no_date.html", "--date", "2020-01-15")
    assert Article.objects.get().title == "A Page That Keeps Its Date to Itself"


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_bytes(b" \n\t\n"), "empty file"),
    (lambda p: p.write_bytes(b"A title\n\n" + b"x" * 5_000_001), "too large for one post (at most 5,000,000)"),
    (lambda p: p.write_bytes("Title\n\nBody caf\u00e9.\n".encode("latin-1")), "not UTF-8 text (byte 15): save it as UTF-8"),
    (lambda p: p.write_bytes(b"%PDF-1.4\n\x00\x01\x02"), "a binary file"),
])
def test_unreadable_files_get_a_one_line_error(tmp_path, make, message):
    path = tmp_path / "page.txt"
    make(path)
    error = refusal(path)
    assert error.startswith(f"{path}: ") and message in error


def test_an_unreadable_date_under_a_title_printed_over_two_lines_names_the_date_line(tmp_path):
    path = write(tmp_path, "The Peninsula\n\nA Title Printed\n\nOver Two Lines\n\nPublished Febtober 31, 2015\n\n"
                           "By Kyle Ferrier\n\nBody.\n")
    assert refusal(path).startswith(f"{path}: line 7: unreadable date “Febtober 31, 2015”")


def test_a_title_printed_over_two_lines_is_joined(tmp_path):
    path = write(tmp_path, "The Peninsula\n\nA Title Printed\n\nOver Two Lines\n\nPublished March 1, 2016\n\n"
                           "By Kyle Ferrier\n\nBody.\n")
    run(path)
    assert Article.objects.get().title == "A Title Printed Over Two Lines"
