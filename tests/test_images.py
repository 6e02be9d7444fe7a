"""Pictures end to end: stored, resized, served, described, credited, allowed by the CSP, copied on import."""
import http.server
import json
import os
import subprocess
import sys
import threading
from io import BytesIO, StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from PIL import Image

from articles import images
from articles.images.renditions import rendition_name
from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def picture_bytes(width=1600, height=900, fmt="JPEG"):
    buffer = BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, fmt)
    return buffer.getvalue()


def article_with_picture(width=1600, height=900, **fields):
    article = make_article("Pictured", slug="pictured", image_alt="Seoul at night from Namsan tower", **fields)
    article.image = SimpleUploadedFile("seoul.jpg", picture_bytes(width, height), content_type="image/jpeg")
    article.save()
    return article


def test_a_lead_picture_is_stored_with_its_size_and_resized_copies():
    article = article_with_picture()
    article.refresh_from_db()
    assert (article.image_width, article.image_height) == (1600, 900)
    for width in (480, 800, 1200):
        with default_storage.open(rendition_name(article.image.name, width)) as file:
            assert Image.open(file).size == (width, round(900 * width / 1600))


def test_a_small_picture_is_never_enlarged():
    article = article_with_picture(600, 400)
    assert not default_storage.exists(rendition_name(article.image.name, 800))
    assert default_storage.exists(rendition_name(article.image.name, 480))


def test_the_article_page_shows_the_picture_sized_with_srcset_alt_and_its_credit(client):
    article = article_with_picture(image_credit="Photo by Kim", image_credit_url="https://example.org/kim")
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    img = page.select_one(".article-image img")
    assert (img["width"], img["height"], img["alt"]) == ("1600", "900", "Seoul at night from Namsan tower")
    assert img["src"] == default_storage.url(rendition_name(article.image.name, 1200))
    widths = [entry.split()[-1] for entry in img["srcset"].split(", ")]
    assert widths == ["480w", "800w", "1200w", "1600w"]
    assert img["sizes"]
    credit = page.select_one(".image-credit")
    assert credit.get_text() == "Photo by Kim" and credit.a["href"] == "https://example.org/kim"


def test_a_credit_without_a_picture_is_shown_as_published(client):
    article = make_article("Unpictured", image_credit="Photo from the archive")
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    assert page.select_one(".image-credit").get_text() == "Photo from the archive"
    assert not page.select(".article-image")


def test_a_picture_needs_real_alt_text():
    article = make_article(image_alt="   ")
    article.image = SimpleUploadedFile("a.jpg", picture_bytes(), content_type="image/jpeg")
    with pytest.raises(ValidationError) as raised:
        article.full_clean()
    assert "image_alt" in raised.value.message_dict
    article.image_alt = "A bridge over the Han river"
    article.full_clean()


def test_the_admin_refuses_a_picture_without_alt_text(staff_client):
    from tests.admin_client import form_data

    data = form_data(staff_client, "/admin/articles/article/add/")
    data.update(title="With picture", slug="with-picture", status="draft")
    data["image"] = SimpleUploadedFile("a.jpg", picture_bytes(), content_type="image/jpeg")
    response = staff_client.post("/admin/articles/article/add/", data)
    assert response.status_code == 200 and "Describe the picture" in response.content.decode()
    assert not Article.objects.filter(slug="with-picture").exists()


def test_uploaded_pictures_are_served_with_debug_off_and_kept_by_caches(settings):
    assert not settings.DEBUG
    article = article_with_picture()
    response = Client().get(article.image.url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "immutable" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == picture_bytes()


@pytest.mark.parametrize("path", ["/media/nothing-here.jpg", "/media/../archive/settings.py",
                                  "/media/notes.txt", "/media/articles/"])
def test_the_media_view_serves_stored_pictures_only(path):
    default_storage.save("notes.txt", ContentFile(b"not a picture"))
    assert Client().get(path).status_code == 404


def test_store_image_is_the_upload_api_and_refuses_what_is_not_a_picture():
    stored = images.store_image(SimpleUploadedFile("map.png", picture_bytes(1000, 500, "PNG")), "body")
    assert stored.name.startswith("body/map") and stored.name.endswith(".png")
    assert (stored.width, stored.height) == (1000, 500)
    attrs = images.picture_attrs(stored.name, stored.width, stored.height)
    assert attrs["src"] == stored.url and attrs["srcset"].count("w,") == 2
    with pytest.raises(ValidationError):
        images.store_image(SimpleUploadedFile("fake.png", b"<svg onload=alert(1)>"), "body")


def settings_in_subprocess(env):
    code = ("import json, django; from django.conf import settings; django.setup(); "
            "print(json.dumps({'img': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
            "'storage': settings.STORAGES['default']['BACKEND'], 'serve': settings.SERVE_MEDIA}))")
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "archive.settings", "SECRET_KEY": "x", **env}
    full_env.pop("DJANGO_DEBUG", None)
    out = subprocess.run([sys.executable, "-c", code], env=full_env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_configured_picture_hosts_feed_the_content_security_policy():
    found = settings_in_subprocess({"IMAGE_HOSTS": "https://www.keia.org, https://images.example.org"})
    assert found["img"] == ["'self'", "data:", "https://www.keia.org", "https://images.example.org"]
    assert found["storage"] == "django.core.files.storage.FileSystemStorage" and found["serve"] is True


def test_a_bucket_setting_switches_storage_to_s3_and_allows_its_pictures():
    found = settings_in_subprocess({"MEDIA_BUCKET": "peninsula-media", "MEDIA_CUSTOM_DOMAIN": "media.example.org"})
    assert found["storage"] == "storages.backends.s3.S3Storage" and found["serve"] is False
    assert "https://media.example.org" in found["img"]


class PictureServer:
    """A local web server with one picture, one page that is not a picture and nothing else."""

    def __init__(self):
        png = picture_bytes(300, 200, "PNG")
        self.requests = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                owner.requests.append(self.path)
                if self.path == "/uploads/map.png":
                    self.send_response(200)
                    self.send_header("Content-Type", "image/png")
                    self.end_headers()
                    self.wfile.write(png)
                elif self.path == "/page.html":
                    self.send_response(200)
                    self.end_headers()
                    self.wfile.write(b"<html>not a picture</html>")
                else:
                    self.send_error(404)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def picture_server(settings):
    """A local picture host, which fetches may reach only because the test allows its address."""
    server = PictureServer()
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = [f"127.0.0.1:{server.server.server_port}"]
    yield server
    server.close()


def closed_port_url():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/gone.png"


def test_reachable_external_pictures_are_copied_and_the_rest_stay_links(picture_server):
    base = picture_server.url
    unreachable = closed_port_url()
    html = (f'<p><img src="{base}/uploads/map.png" alt="Map"> <img src="{base}/missing.png" alt="">'
            f' <img src="{base}/page.html" alt=""> <img src="{unreachable}" alt=""> <img src="/media/local.png"></p>')
    localised, copied = images.localise_images(html)
    assert copied == 1
    soup = BeautifulSoup(localised, "html.parser")
    srcs = [img["src"] for img in soup.find_all("img")]
    assert srcs[0].startswith("/media/imported/") and srcs[0].endswith(".png")
    assert srcs[1:] == [f"{base}/missing.png", f"{base}/page.html", unreachable, "/media/local.png"]
    with default_storage.open(srcs[0].removeprefix("/media/")) as file:
        assert Image.open(file).size == (300, 200)
    picture_server.requests.clear()
    again, _ = images.localise_images(html)
    assert again == localised and "/uploads/map.png" not in picture_server.requests  # the copy is reused


def test_import_wxr_copies_pictures_on_request_and_a_second_run_changes_nothing(picture_server, tmp_path):
    from tests.test_import_wxr import write_export

    content = f'<img src="{picture_server.url}/uploads/map.png" alt="Map of the peninsula"> Words.'
    export = write_export(tmp_path, [{"id": 9, "title": "Mapped", "slug": "mapped", "content": content}])
    out = StringIO()
    call_command("import_wxr", str(export), "--no-progress", "--copy-images", stdout=out, stderr=StringIO())
    assert "1 external pictures copied" in out.getvalue()
    body = Article.objects.get(slug="mapped").body
    assert "/media/imported/" in body and picture_server.url not in body
    again = StringIO()
    call_command("import_wxr", str(export), "--no-progress", "--copy-images", stdout=again, stderr=StringIO())
    assert "0 created, 0 updated, 1 unchanged" in again.getvalue()


def test_import_wxr_without_the_option_keeps_external_pictures_as_links(picture_server, tmp_path):
    from tests.test_import_wxr import write_export

    content = f'<img src="{picture_server.url}/uploads/map.png" alt="Map"> Words.'
    call_command("import_wxr", str(write_export(tmp_path, [{"id": 9, "content": content}])), "--no-progress",
                 stdout=StringIO(), stderr=StringIO())
    assert picture_server.url in Article.objects.get().body and not picture_server.requests


def saved_page(tmp_path, base, unreachable):
    """A saved post whose pictures are one relative to the post's address, one absolute, one gone."""
    page = tmp_path / "mapped.html"
    page.write_text(f"""<!DOCTYPE html><html><head><title>Mapped Talks | The Peninsula</title>
<meta property="og:url" content="{base}/2016/03/mapped-talks/"></head><body><article><h1>Mapped Talks</h1>
<p>Published March 3, 2016</p>
<p>The two Koreas met again this week at Panmunjom, and officials said the talks had gone better than expected.</p>
<figure><img src="/uploads/map.png" alt="Map of the peninsula"><figcaption>The border.</figcaption></figure>
<p>Delegates agreed to meet again next month to discuss family reunions and the Kaesong industrial complex.</p>
<p><img src="{unreachable}" alt="A chart that is gone"></p>
<p>Analysts cautioned that similar talks had collapsed before, most recently in 2015, after a landmine blast.</p>
</article></body></html>""")
    return page


def test_import_page_copies_pictures_on_request_and_a_second_run_changes_nothing(picture_server, tmp_path):
    unreachable = closed_port_url()
    page = saved_page(tmp_path, picture_server.url, unreachable)
    out = StringIO()
    call_command("import_page", str(page), "--no-progress", "--copy-images", stdout=out, stderr=StringIO())
    assert "1 external pictures copied" in out.getvalue()
    body = BeautifulSoup(Article.objects.get(slug="mapped-talks").body, "html.parser")
    copied, gone = body.find_all("img")
    assert copied["src"].startswith("/media/imported/") and copied["alt"] == "Map of the peninsula"
    assert (copied["width"], copied["height"]) == ("300", "200")  # measured from the copy on save
    assert gone["src"] == unreachable  # unreachable: kept as a link, and the import went on
    picture_server.requests.clear()
    again = StringIO()
    call_command("import_page", str(page), "--no-progress", "--copy-images", stdout=again, stderr=StringIO())
    assert "0 created, 0 updated, 1 unchanged" in again.getvalue() and not picture_server.requests


def test_import_page_without_the_option_or_in_a_dry_run_fetches_nothing(picture_server, tmp_path):
    page = saved_page(tmp_path, picture_server.url, closed_port_url())
    call_command("import_page", str(page), "--dry-run", "--copy-images", stdout=StringIO(), stderr=StringIO())
    assert not Article.objects.exists() and not picture_server.requests
    call_command("import_page", str(page), "--no-progress", stdout=StringIO(), stderr=StringIO())
    body = Article.objects.get(slug="mapped-talks").body
    assert f'src="{picture_server.url}/uploads/map.png"' in body and not picture_server.requests


def test_a_saved_pages_picture_with_no_known_address_is_dropped(tmp_path):
    page = saved_page(tmp_path, "", "mapped_files/chart.png").read_text().replace('<meta property="og:url" content="/2016/03/mapped-talks/">', "")
    (tmp_path / "local.html").write_text(page)
    call_command("import_page", str(tmp_path / "local.html"), "--no-progress", stdout=StringIO(), stderr=StringIO())
    body = Article.objects.get().body
    assert "<img" not in body and "Delegates agreed" in body


def test_a_featured_picture_above_the_title_leaves_the_header_readable_and_opens_the_body(tmp_path):
    page = tmp_path / "featured.html"
    page.write_text("""<!DOCTYPE html><html><head><title>Featured Talks | The Peninsula</title></head><body><article>
<p><img src="https://images.example.org/featured.jpg" alt="Delegates at the table"></p>
<h1>Featured Talks</h1><p>Published March 3, 2016</p><p>By Jane Doe</p>
<p>The two Koreas met again this week at Panmunjom, and officials said the talks had gone better than expected.</p>
<p>Delegates agreed to meet again next month to discuss family reunions and the Kaesong industrial complex.</p>
</article></body></html>""")
    call_command("import_page", str(page), "--no-progress", stdout=StringIO(), stderr=StringIO())
    article = Article.objects.get()
    assert article.published_at.date().isoformat() == "2016-03-03"
    assert list(article.authors.values_list("name", flat=True)) == ["Jane Doe"]
    assert article.body.startswith('<figure><img src="https://images.example.org/featured.jpg"')
    assert "Published" not in article.body_text and "Jane Doe" not in article.body_text
