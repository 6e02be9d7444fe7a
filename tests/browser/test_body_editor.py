"""The body's rich-text editor in a real browser: pasting keeps paragraphs, pictures go in with alt text
and reach readers, an autosaved copy is recovered, and without JavaScript the plain textarea still works.
Any Content-Security-Policy violation or script error fails the test (conftest)."""
import pytest
from PIL import Image

from articles.models import Article, DraftAutosave
from tests.browser.body_editor import EDITOR, paste, to_the_end
from tests.browser.test_editors_desk import Clicks, log_in, person
from tests.factories import make_article

pytestmark = pytest.mark.browser

PLAIN = "The talks began in Geneva.\n\nThey went on past midnight.\n\nNo one left early."
WORD_HTML = ('<html><head><style>p.MsoNormal {margin:0}</style></head><body><!--StartFragment--><p class="MsoNormal" style="margin:0"><span style="font-family:Calibri">'
             'Seoul answered on Monday.</span></p><p class="MsoNormal">Pyongyang did not.</p>'
             '<h2 style="color:red">What comes next</h2><ul><li>Talks</li><li>Sanctions</li></ul>'
             '<!--EndFragment--></body></html>')
ALT = "Delegates shaking hands in front of two flags"


def save(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()


def test_pasting_plain_text_and_word_processor_html_keeps_paragraphs(browser_page):
    person("edith", "editor")
    article = make_article("Talks", status="draft", body="")
    page = browser_page.page
    log_in(page, "edith")
    browser_page.goto(f"/admin/articles/article/{article.pk}/change/")
    assert page.locator("#id_body").is_hidden()  # the editor stands in for the textarea

    paste(page, PLAIN)
    assert page.locator(f"{EDITOR} > p").count() == 3
    assert "14 words" in page.locator(".body-word-count").inner_text()  # counted as typed, before saving
    save(page)
    article.refresh_from_db()
    assert article.body == ("<p>The talks began in Geneva.</p><p>They went on past midnight.</p>"
                            "<p>No one left early.</p>")

    paste(page, "Seoul answered on Monday. Pyongyang did not.", WORD_HTML, new_paragraph=True)
    save(page)
    article.refresh_from_db()
    assert article.body.endswith("<p>Seoul answered on Monday.</p><p>Pyongyang did not.</p>"
                                 f'<h2 id="{article.slug}__what-comes-next">What comes next</h2>'  # its anchor, added on save
                                 "<ul><li><p>Talks</p></li><li><p>Sanctions</p></li></ul>")
    assert "style" not in article.body and "class" not in article.body


def test_a_picture_inserted_with_alt_text_and_caption_shows_on_the_public_page(browser_page, tmp_path):
    person("edith", "editor")
    article = make_article("Summit", slug="summit", body="<p>The leaders met.</p>")
    picture = tmp_path / "summit.png"
    Image.new("RGB", (1600, 900), (200, 40, 40)).save(picture, "PNG")
    page = browser_page.page
    log_in(page, "edith")
    browser_page.goto(f"/admin/articles/article/{article.pk}/change/")

    clicks = Clicks()
    clicks(page.get_by_role("button", name="Insert a picture"))
    dialog = page.locator("dialog.body-image-dialog")
    dialog.get_by_label("Picture").set_input_files(str(picture))
    dialog.get_by_role("button", name="Upload and insert").click()  # refused: not part of the journey
    assert dialog.get_by_label("Alt text (required)").evaluate("el => el.validity.valueMissing")  # alt required
    dialog.get_by_label("Alt text (required)").fill(ALT)
    dialog.get_by_label("Caption").fill("The leaders in Panmunjom")
    dialog.get_by_label("Credit").fill("Photo: Yonhap")
    clicks(dialog.get_by_role("button", name="Upload and insert"))
    page.locator(f"{EDITOR} figure img").wait_for()
    save(page)
    clicks.count += 2  # the file chooser (set_input_files above) and the save
    assert clicks.count == 4
    article.refresh_from_db()
    assert '<figure><img src="/media/body/summit' in article.body
    assert f'alt="{ALT}" width="1600" height="900"' in article.body
    assert "<figcaption>The leaders in Panmunjom — Photo: Yonhap</figcaption></figure>" in article.body

    page.context.clear_cookies()  # a reader from here on
    browser_page.goto(article.get_absolute_url())
    img = page.get_by_role("img", name=ALT)
    # The page serves a rendition from srcset, so the loaded file may be narrower than the upload.
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=img.element_handle())
    assert img.get_attribute("width") == "1600" and img.get_attribute("height") == "900"
    assert "/media/" in img.get_attribute("srcset")
    assert page.locator(".article-body figcaption").inner_text() == "The leaders in Panmunjom — Photo: Yonhap"


def test_an_autosaved_body_is_recovered_from_another_browser(browser_page, chromium, live_server):
    edith = person("edith", "editor")
    article = make_article("Harbour", status="draft", body="<p>Ships arrive.</p>")
    page = browser_page.page
    log_in(page, "edith")
    browser_page.goto(f"/admin/articles/article/{article.pk}/change/")
    to_the_end(page, new_paragraph=True)
    page.keyboard.type("Cranes stand idle.")
    assert page.evaluate("() => window.peninsulaDesk.autosave()") is True  # what the timer does every 15 s
    copy = DraftAutosave.objects.get(article=article, user=edith)
    assert copy.body == "<p>Ships arrive.</p><p>Cranes stand idle.</p>"

    # Another browser (no copy in its storage): the server's copy is offered.
    other = chromium.new_context(base_url=live_server.url)
    try:
        tab = other.new_page()
        log_in(tab, "edith")
        tab.goto(f"/admin/articles/article/{article.pk}/change/")
        assert tab.locator(f"{EDITOR} p").count() == 1
        tab.locator(".desk-autosave").get_by_role("button", name="Recover autosaved version from").click()
        assert tab.locator(f"{EDITOR} p").all_inner_texts() == ["Ships arrive.", "Cranes stand idle."]
        tab.once("dialog", lambda dialog: dialog.accept())
        save(tab)
        article.refresh_from_db()
        assert article.body == "<p>Ships arrive.</p><p>Cranes stand idle.</p>"
        assert not DraftAutosave.objects.filter(article=article).exists()  # saved: the copy is forgotten
        assert tab.locator(".desk-autosave").count() == 0
    finally:
        other.close()


def test_a_body_with_html_the_editor_would_drop_stays_an_html_textarea(browser_page):
    person("edith", "editor")
    body = "<p>Rates:</p><table><tbody><tr><td>2024</td><td>3.5%</td></tr></tbody></table>"
    article = make_article("Rates", status="draft", body=body)
    page = browser_page.page
    log_in(page, "edith")
    browser_page.goto(f"/admin/articles/article/{article.pk}/change/")
    assert "would not keep (table, tbody, tr, td)" in page.locator(".body-editor-note").inner_text()
    assert page.locator("#id_body").input_value() == body and page.locator(EDITOR).count() == 0
    page.locator("#id_body").fill(body.replace("3.5%", "3.25%"))
    save(page)
    article.refresh_from_db()
    assert "<td>3.25%</td>" in article.body


def test_without_javascript_the_plain_textarea_still_saves_paragraphs(chromium, live_server):
    person("edith", "editor")
    article = make_article("Plain", status="draft", body="")
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        log_in(page, "edith")
        page.goto(f"/admin/articles/article/{article.pk}/change/")
        page.locator("#id_body").fill("First paragraph.\n\nSecond paragraph.")
        save(page)
        article.refresh_from_db()
        assert article.body == "<p>First paragraph.</p>\n<p>Second paragraph.</p>"
        assert Article.objects.count() == 1
    finally:
        context.close()
