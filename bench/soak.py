"""Load and soak: 60 s at 64 connections against article and index pages while editors save articles
in the admin. Passes when there are zero socket errors, zero non-2xx answers, zero 5xx in the access log,
and every edit the admin acknowledged is in the database and on the public page. Run with `make soak`.

With --editors-per-article 2 (or 3) editors share an article, each changing its own field (title,
excerpt, author note): a save made on a version another editor has since replaced is refused with a
conflict, and the editor reloads the form and saves again, as a person would; every field must end
with its editor's last acknowledged value.

Writes bench/results/soak.md and prints it. Only talks to 127.0.0.1; every loop is bounded.
"""
import argparse
import http.cookiejar
import sys
import threading
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import harness  # noqa: E402

EDITOR_PASSWORD = "soak-editor-password-not-secret"


class FormFields(HTMLParser):
    """Every named field of the admin's change form, as the browser would submit it untouched."""

    def __init__(self):
        super().__init__()
        self.fields, self._select, self._textarea, self._in_form = [], None, None, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") in {"login-form", "article_form"}:
            self._in_form = True
        if not self._in_form or not a.get("name"):
            if tag == "option" and self._select is not None and "selected" in a:
                self.fields.append((self._select, a.get("value", "")))
            return
        if tag == "input" and a.get("type") not in {"submit", "button", "file", "image"}:
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "on" if a.get("type") == "checkbox" else "")))
        elif tag == "select":
            self._select = a["name"]
        elif tag == "textarea":
            self._textarea = [a["name"], ""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data


FIELDS = ["title", "excerpt", "author_note"]  # one per editor sharing an article
MAX_RETRIES = 20  # reloads after conflicts for one save (bounded)


class Editor(threading.Thread):
    """Logs in to the admin and changes one field of one article again and again (the title unless it
    shares the article), reloading on a conflict, keeping count of acknowledged saves."""

    def __init__(self, username, article, deadline, max_edits, pause, field="title"):
        super().__init__(daemon=True)
        self.username, self.article, self.deadline, self.field = username, article, deadline, field
        self.max_edits, self.pause = max_edits, pause
        self.saved, self.failures, self.last_title, self.conflicts = 0, [], None, 0
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(harness.BASE_URL + path, data=body,
                                     headers={"Referer": harness.BASE_URL + path})
        with self.opener.open(req, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def form(self, path):
        url, html = self.request(path)
        parser = FormFields()
        parser.feed(html)
        return url, dict(parser.fields) | {"csrfmiddlewaretoken": parser_csrf(parser.fields)}

    def run(self):
        try:
            _, fields = self.form("/admin/login/")
            url, _ = self.request("/admin/login/?next=/admin/",
                                  {**fields, "username": self.username, "password": EDITOR_PASSWORD, "next": "/admin/"})
            if not url.endswith("/admin/"):
                raise RuntimeError(f"login failed, landed on {url}")
            change = f"/admin/articles/article/{self.article.pk}/change/"
            while self.saved < self.max_edits and time.monotonic() < self.deadline:
                value = f"{getattr(self.article, self.field)} (revision {self.saved + 1})"
                for _ in range(MAX_RETRIES):
                    _, fields = self.form(change)  # the form as stored now, with the version it is on
                    url, html = self.request(change, {**fields, self.field: value, "_save": "Save"})
                    if url.endswith("/admin/articles/article/") or 'id="edit-conflict"' not in html:
                        break
                    self.conflicts += 1  # another editor saved first: reload and do it again
                if not url.endswith("/admin/articles/article/"):
                    raise RuntimeError(f"save {self.saved + 1} was not accepted: landed on {url}")
                self.saved, self.last_title = self.saved + 1, value
                time.sleep(self.pause)
        except Exception as exc:  # recorded and reported: the soak fails on any editor failure
            self.failures.append(f"{self.username}: {type(exc).__name__}: {exc}")


def parser_csrf(fields):
    return next(value for name, value in fields if name == "csrfmiddlewaretoken")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--editors", type=int, default=4)
    parser.add_argument("--max-edits", type=int, default=200, help="per editor (bounds the loop)")
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between one editor's saves")
    parser.add_argument("--editors-per-article", type=int, default=1, choices=range(1, len(FIELDS) + 1),
                        help="editors sharing one article, each changing its own field")
    return parser.parse_args()


def editor_accounts(count):
    """The usernames of `count` superusers who log in with EDITOR_PASSWORD."""
    from django.contrib.auth import get_user_model

    names = [f"soak-editor-{n}" for n in range(count)]
    for name in names:
        user, _ = get_user_model().objects.get_or_create(username=name, defaults={"is_staff": True,
                                                                                  "is_superuser": True})
        user.set_password(EDITOR_PASSWORD)
        user.save()
    return names


def lost_edits(originals, editors, versions_before, public_pages):
    """What the editors saved and the database or the public page does not show; puts the corpus back."""
    from reversion.models import Version

    from articles.models import Article

    lost = []
    for pk, original in originals.items():
        article = Article.objects.get(pk=pk)
        sharing = [editor for editor in editors if editor.article.pk == pk]
        saved_versions = Version.objects.get_for_object(article).count() - versions_before[pk]
        for editor in sharing:
            stored = getattr(article, editor.field)
            if editor.saved and stored != editor.last_title:
                lost.append(f"{article.slug}: {editor.field} is {stored!r}, {editor.username}'s last save was "
                            f"{editor.last_title!r}")
            if editor.saved and editor.field == "title" and \
                    editor.last_title.replace("&", "&amp;") not in public_pages[pk]:
                lost.append(f"{article.slug}: the public page does not show {editor.last_title!r}")
        if saved_versions != sum(editor.saved for editor in sharing):
            lost.append(f"{article.slug}: {sum(e.saved for e in sharing)} saves acknowledged, "
                        f"{saved_versions} revisions stored")
        for name, value in original.items():  # put the corpus back as it was for the next run
            setattr(article, name, value)
        article.save(update_fields=FIELDS)
    return lost


def write_report(args, read_paths, load, editors, fives, lost):
    """Write and print the report; returns whether the soak passed."""
    failures = [f for e in editors for f in e.failures]
    edits = sum(e.saved for e in editors)
    report = "\n".join([
        f"Machine: {harness.machine()}; {harness.describe_setup()}; corpus {harness.ARTICLES} articles.",
        "",
        f"- readers: wrk, {args.connections} connections for {args.duration} s over {len(read_paths)} article "
        f"and index pages: {load['requests']} requests, {load['rps']:.0f} requests/s, p50 {load['p50_ms']:.0f} ms, "
        f"p99 {load['p99_ms']:.0f} ms",
        f"- editors: {len(editors)} admin users ({args.editors_per_article} an article) saving every {args.pause} s: "
        f"{edits} saves acknowledged, {sum(e.conflicts for e in editors)} refused as made on an older version and "
        f"redone",
        f"- socket errors: {load['errors']}; non-2xx answers: {load['non_2xx']}; 5xx in the access log: {fives}",
        f"- editor failures: {len(failures)}; lost edits: {len(lost)}",
        *[f"  - {line}" for line in failures + lost],
    ])
    (harness.RESULTS / "soak.md").write_text(report + "\n")
    print("\n" + report)
    return not (load["errors"] or load["non_2xx"] or fives or failures or lost) and edits > 0


def main():
    args = parse_args()
    harness.prepare()
    from reversion.models import Version

    from articles.models import Article

    published = list(Article.objects.published().order_by("-published_at")[:40])
    shared = args.editors_per_article
    articles = [article for article in published[: -(-args.editors // shared)] for _ in range(shared)][: args.editors]
    read_paths = [a.get_absolute_url() for a in published[:20]]
    read_paths += ["/the-peninsula/", "/the-peninsula/?page=2", "/the-peninsula/?page=300"]
    versions_before = {a.pk: Version.objects.get_for_object(a).count() for a in articles}
    originals = {a.pk: {name: getattr(a, name) for name in FIELDS} for a in articles}
    names = editor_accounts(args.editors)

    with harness.Gunicorn("soak-gunicorn.log") as server:
        deadline = time.monotonic() + args.duration
        editors = [Editor(name, article, deadline, args.max_edits, args.pause, FIELDS[n % shared])
                   for n, (name, article) in enumerate(zip(names, articles))]
        for editor in editors:
            editor.start()
        load = harness.run_wrk(harness.BASE_URL + "/", duration=args.duration, connections=args.connections,
                               script=Path(__file__).with_name("rotate.lua"), env={"WRK_PATHS": ",".join(read_paths)},
                               timeout=30)
        for editor in editors:
            editor.join(timeout=60)
        public_pages = {a.pk: harness.fetch(a.get_absolute_url()).decode() for a in articles}
        fives = server.count_5xx()

    lost = lost_edits(originals, editors, versions_before, public_pages)
    ok = write_report(args, read_paths, load, editors, fives, lost)
    print("SOAK PASSED" if ok else "SOAK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
