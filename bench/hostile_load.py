"""Readers' cached pages while three clients send the worst inputs: `make bench-hostile-load`.

gunicorn with three workers on 127.0.0.1 (production settings, a small corpus in its own SQLite file);
for `--duration` seconds (20) three hostile clients post without pause:
  - a staff session autosaving the largest body the limits accept (2 MB of tags, one level deep) and
    one past the nesting limit (20,000 nested <div>);
  - a staff session posting the article change form with a body of long blank runs and huge attributes
    (accepted) and one of formatting tags left open across paragraphs (refused);
  - an anonymous client posting oversize forms (past DATA_UPLOAD_MAX_MEMORY_SIZE) and deep nesting
    to the sign-up form;
while wrk reads cached article and index pages (4 connections). Reports the readers' p50/p99 (goal: p99
under 100 ms), the hostile requests' answers and slowest time, and any 5xx; writes
bench/results/hostile_load.md. Only 127.0.0.1; every loop is bounded by the deadline.
"""
import argparse
import collections
import re
import http.cookiejar
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
RESULTS_DIR = Path(__file__).resolve().parent / "results"
os.environ.setdefault("BENCH_DATABASE_URL", f"sqlite:///{RESULTS_DIR / 'hostile.sqlite3'}")
os.environ.setdefault("BENCH_ARTICLES", "300")
os.environ.setdefault("WEB_CONCURRENCY", "3")

from bench import harness  # noqa: E402
from bench.soak import EDITOR_PASSWORD, FormFields, parser_csrf  # noqa: E402

BODY_MAX_BYTES = int(os.environ.get("BODY_MAX_BYTES", "2000000"))  # the server's limit (settings)
LARGEST_TAGS = "<p><em>x</em></p>" * (BODY_MAX_BYTES * 98 // 100 // 17)  # just under the limit: accepted
DEEP = "<div>" * 20_000 + "x"  # refused before sanitising
BLANKS = ("<p>a" + " " * 40_000 + "b</p>" + f'<p><a href="https://example.org/{"a" * 400_000}">x</a></p>') \
    * (BODY_MAX_BYTES // 500_000)
OPEN_FORMATTING = "".join(f'<p><b id="{i}">x</p>' for i in range(20_000))


class Client(threading.Thread):
    """One hostile client: posts its bodies in turn until the deadline, counting answers and the slowest."""

    def __init__(self, name, deadline, staff=None):
        super().__init__(daemon=True)
        self.name, self.deadline, self.staff = name, deadline, staff
        self.answers, self.slowest, self.failures, self.errors = collections.Counter(), 0.0, [], collections.Counter()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def send(self, path, data, content_type="application/x-www-form-urlencoded"):
        body = data if isinstance(data, bytes) else urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(harness.BASE_URL + path, data=body, headers={
            "Referer": harness.BASE_URL + path, "Content-Type": content_type})
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=60) as response:
                status, text = response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            status, text = error.code, ""
        except (urllib.error.URLError, ConnectionError):
            status, text = "closed early", ""  # the server answered (400) before reading it all, and hung up
        self.slowest = max(self.slowest, time.monotonic() - started)
        self.answers[status] += 1
        return status, text

    def form(self, path):
        with self.opener.open(harness.BASE_URL + path, timeout=60) as response:
            parser = FormFields()
            parser.feed(response.read().decode())
        return dict(parser.fields) | {"csrfmiddlewaretoken": parser_csrf(parser.fields)}

    def login(self):
        fields = self.form("/admin/login/")
        self.send("/admin/login/?next=/admin/", {**fields, "username": self.staff, "password": EDITOR_PASSWORD,
                                                 "next": "/admin/"})

    def run(self):
        try:
            if self.staff:
                self.login()
            while time.monotonic() < self.deadline:
                self.one_round()
        except Exception as exc:  # reported: the run fails on any client failure
            self.failures.append(f"{self.name}: {type(exc).__name__}: {exc}")


class Autosaver(Client):
    def __init__(self, deadline, staff, article):
        super().__init__("autosave", deadline, staff)
        self.article = article

    def one_round(self):
        fields = self.form(f"/admin/articles/article/{self.article.pk}/change/")
        for body in (LARGEST_TAGS, DEEP):
            if time.monotonic() >= self.deadline:
                return
            self.send(f"/admin/articles/article/{self.article.pk}/autosave/",
                      {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "title": "Hostile", "body": body})


class ChangeForm(Client):
    def __init__(self, deadline, staff, article):
        super().__init__("change form", deadline, staff)
        self.article = article

    def one_round(self):
        path = f"/admin/articles/article/{self.article.pk}/change/"
        for body in (BLANKS, OPEN_FORMATTING):
            if time.monotonic() >= self.deadline:
                return
            fields = self.form(path)
            status, text = self.send(path, {**fields, "body": body, "_continue": "Save and continue editing"})
            if status == 200:  # the form again, with its error
                error = re.search(r'class="errorlist[^"]*"[^>]*>\s*<li>(.*?)</li>', text, re.S)
                self.errors[error.group(1)[:60] + "…" if error else "none: saved"] += 1


class Anonymous(Client):
    def __init__(self, deadline):
        super().__init__("anonymous", deadline)

    def one_round(self):
        with self.opener.open(harness.BASE_URL + "/subscribe/", timeout=60) as response:
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode())
        fields = {"csrfmiddlewaretoken": token.group(1)} if token else {}
        oversize = urllib.parse.urlencode({**fields, "email": "a@example.org", "junk": "x" * 8_000_000}).encode()
        self.send("/subscribe/", oversize)
        self.send("/subscribe/", {**fields, "email": "<div>" * 100_000})


def editor_accounts(names):
    """Superusers who log in with EDITOR_PASSWORD."""
    from django.contrib.auth import get_user_model

    for name in names:
        user, _ = get_user_model().objects.get_or_create(username=name, defaults={"is_staff": True,
                                                                                  "is_superuser": True})
        user.set_password(EDITOR_PASSWORD)
        user.save()


def write_report(args, read_paths, load, clients, fives, timeouts):
    """Write and print the report; returns whether the readers stayed fast and nothing failed."""
    failures = [f for c in clients for f in c.failures]
    report = "\n".join([
        f"Machine: {harness.machine()}; {harness.describe_setup()}; corpus {harness.ARTICLES} articles; "
        f"gunicorn {os.environ['WEB_CONCURRENCY']} workers.",
        "",
        f"- readers: wrk, {args.connections} connections for {args.duration} s over {len(read_paths)} cached "
        f"article and index pages: {load['requests']} requests, {load['rps']:.0f} requests/s, "
        f"p50 {load['p50_ms']:.1f} ms, p99 {load['p99_ms']:.1f} ms (goal: under 100 ms)",
        *[f"- {c.name}: answers {dict(sorted(c.answers.items(), key=str))}, slowest {c.slowest:.2f} s"
          + (f"; form errors {dict(c.errors)}" if c.errors else "") for c in clients],
        f"- socket errors: {load['errors']}; non-2xx readers' answers: {load['non_2xx']}; 5xx in the access log: "
        f"{fives}; worker timeouts: {timeouts}; client failures: {len(failures)}",
        *[f"  - {line}" for line in failures],
    ])
    (harness.RESULTS / "hostile_load.md").write_text(report + "\n")
    print("\n" + report)
    return load["p99_ms"] < 100 and not (load["errors"] or load["non_2xx"] or fives or timeouts or failures)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()

    harness.prepare()
    from articles.models import Article

    published = list(Article.objects.published().order_by("-published_at")[:22])
    targets, read_paths = published[:2], [a.get_absolute_url() for a in published[2:22]]
    read_paths += ["/the-peninsula/", "/the-peninsula/?page=2"]
    editor_accounts(("hostile-editor-1", "hostile-editor-2"))
    bodies = {a.pk: a.body for a in targets}
    # The hostile editors work on drafts of their own, as a contributor would: their saves are not what
    # readers see, so they must not retire the cached pages the readers ask for.
    Article.objects.filter(pk__in=bodies).update(status=Article.Status.DRAFT)

    with harness.Gunicorn("hostile-gunicorn.log") as server:
        for path in read_paths:  # warm the page cache: readers ask for cached pages
            harness.fetch(path)
        deadline = time.monotonic() + args.duration
        clients = [Autosaver(deadline, "hostile-editor-1", targets[0]),
                   ChangeForm(deadline, "hostile-editor-2", targets[1]), Anonymous(deadline)]
        for client in clients:
            client.start()
        load = harness.run_wrk(harness.BASE_URL + "/", duration=args.duration, connections=args.connections,
                               script=Path(__file__).with_name("rotate.lua"), env={"WRK_PATHS": ",".join(read_paths)},
                               timeout=30)
        for client in clients:
            client.join(timeout=90)
        fives = server.count_5xx()
        log = server.log_path.read_text()

    for article in targets:  # the corpus as it was, for the next run
        Article.objects.filter(pk=article.pk).update(body=bodies[article.pk], status=article.status)
    ok = write_report(args, read_paths, load, clients, fives, log.count("WORKER TIMEOUT"))
    print("HOSTILE LOAD PASSED" if ok else "HOSTILE LOAD FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
