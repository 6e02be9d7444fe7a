"""The README is a manual a newcomer follows: short, with a table of contents, every command real."""
import re
from pathlib import Path

from django.core.management import get_commands
from django.utils.text import slugify

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
DOCS = {path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8") for path in (REPO / "docs").glob("*.md")}


def github_anchor(heading):
    """The id GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def headings(text):
    in_code = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.startswith("#"):
            yield line.lstrip("#").strip()


def test_readme_is_under_350_lines():
    assert len(README.splitlines()) < 350


def test_table_of_contents_links_match_the_headings():
    contents = README.split("## Contents", 1)[1].split("\n## ", 1)[0]
    links = re.findall(r"\]\(#([^)]+)\)", contents)
    sections = [h for h in headings(README) if h not in {"Contents"}][1:]  # the title is not listed
    assert links == [github_anchor(h) for h in sections]


def test_links_between_readme_and_docs_resolve():
    for name, text in {"README.md": README, **DOCS}.items():
        base = (REPO / name).parent
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", text):
            assert (base / target).exists(), f"{name} links to missing {target}"
        for target, anchor in re.findall(r"\]\(([^)#:]*\.md)#([^)]+)\)", text):
            assert anchor in {github_anchor(h) for h in headings((base / target).read_text(encoding="utf-8"))}, (
                f"{name} links to missing #{anchor} in {target}")


def test_readme_and_docs_name_no_path_outside_the_repository():
    for name, text in {"README.md": README, **DOCS}.items():
        assert "../shared" not in text and "/work/" not in text, name
        assert not re.search(r"(?<![\w.])\.\./(?!bench/README\.md)", text), name


def test_every_printed_manage_py_command_is_a_real_command():
    printed = set(re.findall(r"manage\.py ([a-z_]+)", README))
    assert {"import_wxr", "import_page", "loaddata", "export_article", "send_digests"} <= printed
    assert printed <= set(get_commands()), printed - set(get_commands())


def test_every_environment_variable_the_settings_read_is_in_the_readme_table():
    settings_source = (REPO / "archive" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r"""(?:environ\.get|environ\[|env_bool|env_list|env_int)\(?\s*["']([A-Z][A-Z0-9_]+)["']""",
                          settings_source))
    read.add("DATABASE_URL")  # read by dj_database_url.config()
    table = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    assert len(read) > 40
    assert sorted(name for name in read if f"`{name}`" not in table) == []


def test_readme_commands_use_the_virtualenv_python():
    for line in README.splitlines():
        if "manage.py" in line and "python" in line:
            assert ".venv/bin/python manage.py" in line, line
