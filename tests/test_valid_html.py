"""Every public page type is valid HTML by the W3C Nu checker (vnu), run once over all of them.

The checker is the npm package vnu-jar (`make vnu`, run by `make test`) on Debian's Java. Without
either the test skips saying which is missing, except under CI=true, where it fails.
"""
import json
import os
import re
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.views import defaults

from articles import images
from articles.models import Article, Series
from tests.factories import make_article, make_author
from tests.test_images import picture_bytes

pytestmark = pytest.mark.django_db

VNU_JAR = Path(os.environ.get("VNU_JAR", Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"))
UNDER_CI = os.environ.get("CI", "").lower() == "true"


def vnu_command():
    java = shutil.which("java")
    missing = [what for what, found in (("java (apt-get install default-jre-headless)", java),
                                        (f"{VNU_JAR} (make vnu)", VNU_JAR.exists())) if not found]
    if missing:
        message = "the Nu HTML checker needs " + " and ".join(missing)
        if UNDER_CI:
            pytest.fail(message + ": it must run under CI=true")
        pytest.skip(message)
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


def vnu_errors(pages, folder):
    """{page name: [error messages]} from one checker run over every page."""
    files = {}
    for name, html in pages.items():
        path = folder / f"{re.sub(r'[^a-z0-9]+', '-', name)}.html"
        path.write_bytes(html)
        files[path.name] = name
    result = subprocess.run(vnu_command() + [str(path) for path in sorted(folder.glob("*.html"))],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout)
    errors = {name: [] for name in pages}
    for message in report["messages"]:
        name = files.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        errors.setdefault(name, []).append(f"{message['type']}: {message['message']} "
                                           f"(line {message.get('lastLine')}: {message.get('extract', '')!r})")
    return errors


def get(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, url
    return response.content


def admin_published_article(staff_client):
    """An article published with the admin's "Publish now" action: its date carries microseconds."""
    draft = make_article("Published from the admin", slug="from-the-admin", status="draft", published_at=None)
    response = staff_client.post("/admin/articles/article/", {"action": "publish_now", "_selected_action": [draft.pk],
                                                              "index": 0, "publish_anyway": "yes"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_at.microsecond
    return draft


def test_every_public_page_type_has_no_vnu_errors(peninsula, staff_client, tmp_path):
    peninsula.series = Series.objects.create(name="Korea View", slug="korea-view")
    peninsula.image = SimpleUploadedFile("lead.jpg", picture_bytes(1400, 800), content_type="image/jpeg")
    peninsula.image_alt = "The Demilitarized Zone seen from the south"
    peninsula.image_credit = "Photo from the archive"
    peninsula.save()
    for n in range(11):  # a second index page
        make_article(f"Briefing {n}", published_at=datetime(2015, 2, 1 + n, 9, 30, 15, 654321, tzinfo=timezone.utc))
    plain = make_article("No picture here", slug="no-picture", image_credit="A credit with no picture")
    stored = images.store_image(SimpleUploadedFile("map.png", picture_bytes(900, 600, "PNG")), "body")
    pictured_body = make_article("Pictures in the text", slug="pictures-in-the-text", body=(
        f'<p>Before.</p><figure><img src="{stored.url}" alt="Map of the border"><figcaption>The border in 1953.'
        '</figcaption></figure><p>Between <img src="https://images.example.org/a.jpg" alt="An icon" width="20" '
        'height="20"> and <img src="https://images.example.org/b.jpg" alt="A photo">.</p>'))
    from_admin = admin_published_article(staff_client)
    # Contents, footnotes as notes, an author with a photo and bio, and next/previous in its category
    researched = make_article("A researcher's page", slug="researched", categories=list(peninsula.categories.all()),
                              authors=[*peninsula.authors.all(), make_author(
                                  "Photo Author", bio="Writes & edits.",
                                  photo=SimpleUploadedFile("face.jpg", picture_bytes(600, 800)))],
                              body="".join(f"<h2>Part {n}</h2><p>Text.<sup><a href='#fn{n}' id='ref{n}'>{n}</a></sup></p>"
                                           for n in (1, 2, 3))
                              + "<h2>Notes</h2><ol>" + "".join(f"<li id='fn{n}'>Source {n}. <a href='#ref{n}'>↩</a></li>"
                                                               for n in (1, 2, 3)) + "</ol>")
    reader = Client()
    entity = peninsula.entities.first()

    pages = {
        "index": get(reader, "/the-peninsula/"),
        "index page 2": get(reader, "/the-peninsula/?page=2"),
        "article with picture": get(reader, peninsula.get_absolute_url()),
        "article without picture": get(reader, plain.get_absolute_url()),
        "article with contents, notes and authors' photos": get(reader, researched.get_absolute_url()),
        "article published from the admin": get(reader, from_admin.get_absolute_url()),
        "article with pictures in its body": get(reader, pictured_body.get_absolute_url()),
        "tag": get(reader, entity.get_absolute_url()),
        "tags": get(reader, "/tags/"),
        "category": get(reader, peninsula.primary_category.get_absolute_url()),
        "author": get(reader, peninsula.authors.first().get_absolute_url()),
        "series": get(reader, "/series/korea-view/"),
        "search with facets": get(reader, "/search/?q=korea"),
        "search filtered": get(reader, f"/search/?q=korea&topic={entity.slug}"),
        "search help": get(reader, "/search/"),
        "year": get(reader, "/the-peninsula/2015/"),
        "month": get(reader, "/the-peninsula/2015/02/"),
        "subscribe": get(reader, "/subscribe/"),
        "404": get(reader, "/no-such-page/", status=404),
    }
    signup = Client()
    assert signup.post("/subscribe/", {"email": "reader@example.org"}).status_code == 302
    pages["subscribe, thanks"] = get(signup, "/subscribe/")
    pages["subscribe, errors"] = signup.post("/subscribe/", {"email": "not an address"}).content
    confirm = re.search(r"https?://[^/\s]+(/subscribe/confirm/\S+/)", mail.outbox[-1].body).group(1)
    unsubscribe = re.search(r"https?://[^/\s]+(/unsubscribe/\S+/)", mail.outbox[-1].body).group(1)
    pages["subscription confirmed"] = get(reader, confirm)
    pages["subscription link not valid"] = get(reader, "/subscribe/confirm/tampered/", status=400)
    pages["unsubscribe"] = get(reader, unsubscribe)
    pages["cross-site post refused"] = reader.post("/subscribe/", {"email": "x@example.org"},
                                                   HTTP_ORIGIN="https://evil.example").content
    request = RequestFactory().get("/broken/")
    pages["500"] = defaults.server_error(request).content
    pages["400"] = defaults.bad_request(request, exception=None).content

    errors = vnu_errors(pages, tmp_path)
    assert errors == {name: [] for name in errors}
