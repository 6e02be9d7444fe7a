"""An editor uploads a lead picture in the admin; readers see it, sized, on phones and wide screens."""
import pytest
from PIL import Image

from articles.models import Article
from tests.factories import make_article, make_author, make_category

pytestmark = pytest.mark.browser

ALT = "Container cranes at the Port of Busan at dusk"


def test_an_uploaded_lead_picture_shows_sized_at_390_and_1280_px_without_sideways_scroll(
        browser_page, django_user_model, tmp_path):
    django_user_model.objects.create_superuser("desk", "desk@example.org", "a long editor password")
    article = make_article("Busan Port Expands", slug="busan-port-expands", authors=[make_author("Ann Lee")],
                           categories=[make_category("Economics")])
    picture = tmp_path / "busan.jpg"
    Image.new("RGB", (2000, 1200), (20, 80, 140)).save(picture, "JPEG")
    page = browser_page.page

    page.goto("/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("desk")
    page.get_by_label("Password").fill("a long editor password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.locator("summary", has_text="Image").click()  # the fieldset starts folded
    page.locator("#id_image").set_input_files(str(picture))
    page.locator("#id_image_alt").fill(ALT)
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert "was changed successfully" in page.inner_text(".messagelist")
    article.refresh_from_db()
    assert (article.image_width, article.image_height, article.image_alt) == (2000, 1200, ALT)

    page.context.clear_cookies()  # a reader from here on
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        browser_page.goto(article.get_absolute_url())
        img = page.get_by_role("img", name=ALT)
        img.wait_for()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
        shown = img.evaluate("img => ({width: img.getBoundingClientRect().width, height: img.getBoundingClientRect()"
                             ".height, natural: img.naturalWidth, attrs: [img.getAttribute('width'), "
                             "img.getAttribute('height')]})")
        assert shown["attrs"] == ["2000", "1200"]
        assert 0 < shown["width"] <= width and abs(shown["height"] - shown["width"] * 0.6) < 2, shown
        assert shown["natural"] < 2000  # a rendition, not the full upload
        scroll = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll[0] <= scroll[1], f"sideways scroll at {width}px: {scroll}"
