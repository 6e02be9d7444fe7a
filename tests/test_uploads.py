"""Uploaded pictures: kept without camera data (turned per their orientation); only JPEG, PNG, WebP and
GIF within the pixel and byte limits, a refusal being a form error with nothing stored."""
from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles.models import Article, Author
from tests.admin_client import form_data, login
from tests.factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db

GPS_IFD, ORIENTATION, MAKE = 0x8825, 0x0112, 0x010F


def camera_jpeg(size=(400, 200), orientation=6):
    """A phone's photo: GPS position, camera make, and an orientation saying "turn a quarter right"."""
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((40, 40, 200), (0, 0, size[0] // 2, size[1]))  # left half blue: shows which way it turned
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "PhoneCo"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (37.0, 33.0, 59.0), 3: "E", 4: (126.0, 58.0, 41.0)})
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=95)
    return buffer.getvalue()


def encoded(fmt, size=(60, 40), mode="RGB"):
    buffer = BytesIO()
    Image.new(mode, size).save(buffer, fmt)
    return buffer.getvalue()


def stored_files(folder=""):
    """Every file name in the default storage (the tests' in-memory media folder)."""
    if folder and not default_storage.exists(folder):
        return set()
    dirs, files = default_storage.listdir(folder)
    found = {f"{folder}/{name}".lstrip("/") for name in files}
    for name in dirs:
        found |= stored_files(f"{folder}/{name}".lstrip("/"))
    return found


def assert_clean_and_turned(name):
    with default_storage.open(name, "rb") as file:
        image = Image.open(file)
        image.load()
    exif = image.getexif()
    assert not exif.get_ifd(GPS_IFD) and MAKE not in exif and ORIENTATION not in exif
    assert "xmp" not in image.info and "exif" not in image.info
    assert image.size == (200, 400)  # turned upright: the 400x200 sensor image was taken holding the phone upright
    top, bottom = image.getpixel((100, 20)), image.getpixel((100, 380))
    assert top[2] > 150 and bottom[0] > 150  # the blue left half is now on top (turned clockwise)


def article_post(client, article, **files):
    url = f"/admin/articles/article/{article.pk}/change/"
    data = form_data(client, url)
    data.update(image_alt="The harbour at dusk", **files)
    return client.post(url, data)


@pytest.fixture
def editor():
    return login(make_user("edith", "editor"))


def test_a_lead_picture_is_stored_without_gps_or_camera_data_and_turned_upright(editor):
    article = make_article("Harbour", slug="harbour", status="draft")
    response = article_post(editor, article, image=SimpleUploadedFile("phone.jpg", camera_jpeg(), "image/jpeg"))
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert (article.image_width, article.image_height) == (200, 400)
    assert_clean_and_turned(article.image.name)


def test_an_author_photo_is_stored_without_gps_or_camera_data(editor):
    author = make_author("Ann Lee", slug="ann-lee")
    url = f"/admin/articles/author/{author.pk}/change/"
    data = form_data(editor, url, form_id="author_form")
    response = editor.post(url, {**data, "photo": SimpleUploadedFile("ann.jpg", camera_jpeg(), "image/jpeg")})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_clean_and_turned(Author.objects.get(pk=author.pk).photo.name)


def test_a_body_picture_is_stored_without_gps_or_camera_data():
    response = login(make_user("carla", "contributor")).post("/admin/articles/article/body-image/", {
        "image": SimpleUploadedFile("phone.jpg", camera_jpeg(), "image/jpeg"), "alt": "The harbour"})
    assert response.status_code == 201, response.content
    assert (response.json()["width"], response.json()["height"]) == (200, 400)
    assert_clean_and_turned(response.json()["src"].removeprefix("/media/"))


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_other_kept_formats_stay_in_their_format(editor, fmt):
    article = make_article("Harbour", slug="harbour", status="draft")
    upload = SimpleUploadedFile(f"map.{fmt.lower()}", encoded(fmt), f"image/{fmt.lower()}")
    assert article_post(editor, article, image=upload).status_code == 302
    article.refresh_from_db()
    with default_storage.open(article.image.name, "rb") as file:
        assert Image.open(file).format == fmt


def big_png():
    """41 megapixels, a few kilobytes compressed: a decompression bomb in miniature."""
    return encoded("PNG", size=(8200, 5000), mode="1")


@pytest.mark.parametrize("name, data, message", [
    ("map.bmp", lambda: encoded("BMP"), "not a picture this site can show"),
    ("map.tiff", lambda: encoded("TIFF"), "not a picture this site can show"),
    ("map.jpg", lambda: encoded("TIFF"), "not a picture this site can show"),  # the name does not decide
    ("notes.png", lambda: b"not a picture at all", "not a picture this site can show"),
    ("huge.png", big_png, "more than 40 megapixels"),
])
def test_a_refused_lead_picture_is_a_form_error_and_leaves_no_file(editor, name, data, message):
    article = make_article("Harbour", slug="harbour", status="draft")
    before = stored_files()
    response = article_post(editor, article, image=SimpleUploadedFile(name, data(), "image/png"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stored_files() == before
    assert not Article.objects.get(pk=article.pk).image


def test_a_picture_over_the_byte_limit_is_refused_with_a_message(editor, settings):
    settings.PICTURE_UPLOAD_MAX_BYTES = 2 * 1024 * 1024
    article = make_article("Harbour", slug="harbour", status="draft")
    noise = Image.effect_noise((1600, 1600), 100).convert("RGB")
    buffer = BytesIO()
    noise.save(buffer, "PNG")
    assert buffer.tell() > 2 * 1024 * 1024
    before = stored_files()
    response = article_post(editor, article, image=SimpleUploadedFile("noise.png", buffer.getvalue(), "image/png"))
    assert response.status_code == 200 and "The picture is too big" in response.content.decode()
    assert "at most 2 MB" in response.content.decode()
    assert stored_files() == before


@pytest.mark.parametrize("name, data", [("map.bmp", lambda: encoded("BMP")), ("huge.png", big_png)])
def test_refused_author_photos_and_body_pictures_are_form_errors_too(editor, name, data):
    author = make_author("Ann Lee", slug="ann-lee")
    url = f"/admin/articles/author/{author.pk}/change/"
    before = stored_files()
    response = editor.post(url, {**form_data(editor, url, form_id="author_form"),
                                 "photo": SimpleUploadedFile(name, data(), "image/png")})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    body = editor.post("/admin/articles/article/body-image/", {"image": SimpleUploadedFile(name, data()),
                                                                "alt": "Map"})
    assert body.status_code == 400
    assert stored_files() == before


@pytest.mark.parametrize("fmt", ["GIF", "WEBP"])
def test_an_animation_keeps_every_frame(editor, fmt):
    frames = [Image.new("RGB", (40, 30), colour) for colour in ((255, 0, 0), (0, 0, 255), (0, 255, 0))]
    buffer = BytesIO()
    frames[0].save(buffer, fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
    article = make_article("Harbour", slug="harbour", status="draft")
    upload = SimpleUploadedFile(f"moving.{fmt.lower()}", buffer.getvalue(), f"image/{fmt.lower()}")
    assert article_post(editor, article, image=upload).status_code == 302
    article.refresh_from_db()
    with default_storage.open(article.image.name, "rb") as file:
        image = Image.open(file)
        assert (image.format, image.n_frames) == (fmt, 3)
