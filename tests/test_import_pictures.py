"""Pictures come along with an import: copied by default (through the safe fetcher, from a local server
here), the rest reported with their articles, alt text from WordPress attachments, captions kept as
<figure>, a saved page's featured picture as the lead picture; the admin lists pictures without alt text."""
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from articles.importers.page_html import parse_html_page
from articles.importers.page_parts import PageOptions
from articles.importers.pictures import Attachments, caption_figures
from articles.models import Article
from tests.admin_client import login
from tests.factories import make_article, make_user
from tests.test_images import closed_port_url, picture_server  # noqa: F401 (a fixture)
from tests.test_import_wxr import write_export

pytestmark = pytest.mark.django_db
WP = "http://wordpress.org/export/1.2/"


@pytest.fixture
def copying(settings):
    """Imports copy pictures, as they do outside the tests (settings_test turns it off for the real exports)."""
    settings.IMPORT_COPY_IMAGES = True


def import_wxr(path, *args):
    out = StringIO()
    call_command("import_wxr", str(path), "--no-progress", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def import_page(path, *args):
    out = StringIO()
    call_command("import_page", str(path), "--no-progress", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def body_pictures(article):
    return BeautifulSoup(article.body, "html.parser").find_all("img")


def test_an_import_copies_reachable_pictures_by_default_and_lists_the_rest_with_their_article(
        copying, picture_server, tmp_path):
    gone = closed_port_url()
    content = (f'<img src="{picture_server.url}/uploads/map.png" alt="Map"> Words.\n\n'
               f'<img src="{picture_server.url}/missing.png" alt="Missing"> <img src="{gone}" alt="Gone">')
    out = import_wxr(write_export(tmp_path, [{"id": 9, "title": "Mapped", "slug": "mapped", "content": content}]))
    srcs = [img["src"] for img in body_pictures(Article.objects.get(slug="mapped"))]
    assert srcs[0].startswith("/media/imported/") and srcs[1:] == [f"{picture_server.url}/missing.png", gone]
    assert "1 external pictures copied into storage, 2 not copied" in out
    assert f"  not copied: mapped: {picture_server.url}/missing.png: HTTP 404" in out
    assert f"  not copied: mapped: {gone}: " in out


def test_no_copy_images_opts_out_and_copy_images_still_opts_in(settings, picture_server, tmp_path):
    content = f'<img src="{picture_server.url}/uploads/map.png" alt="Map"> Words.'
    export = write_export(tmp_path, [{"id": 9, "slug": "mapped", "content": content}])
    settings.IMPORT_COPY_IMAGES = True
    out = import_wxr(export, "--no-copy-images")
    assert picture_server.url in Article.objects.get().body and not picture_server.requests
    assert "copied into storage" not in out
    settings.IMPORT_COPY_IMAGES = False
    import_wxr(export, "--copy-images")
    assert "/media/imported/" in Article.objects.get().body and picture_server.requests == ["/uploads/map.png"]


def test_a_dry_run_fetches_nothing(copying, picture_server, tmp_path):
    content = f'<img src="{picture_server.url}/uploads/map.png" alt="Map"> Words.'
    import_wxr(write_export(tmp_path, [{"id": 9, "content": content}]), "--dry-run")
    assert not picture_server.requests and not Article.objects.exists()


def with_attachments(export, attachments):
    """The export with attachment items after its posts (where WordPress usually writes them)."""
    items = "".join(f"""
  <item>
    <title>{a.get('title', 'IMG_0042')}</title>
    <content:encoded><![CDATA[{a.get('description', '')}]]></content:encoded>
    <excerpt:encoded><![CDATA[{a.get('caption', '')}]]></excerpt:encoded>
    <wp:post_id>{a['id']}</wp:post_id>
    <wp:status>inherit</wp:status>
    <wp:post_type>attachment</wp:post_type>
    <wp:attachment_url>{a['url']}</wp:attachment_url>
    {f'<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[{a["alt"]}]]></wp:meta_value></wp:postmeta>' if 'alt' in a else ''}
  </item>""" for a in attachments)
    export.write_text(export.read_text().replace("</channel>", items + "\n</channel>"))
    return export


def test_pictures_without_alt_take_the_alt_text_of_their_attachment_resized_variants_included(tmp_path):
    uploads = "https://blog.example.org/wp-content/uploads/2016/03"
    content = (f'<img src="{uploads}/talks-300x200.jpg" alt="" />\n\n'
               f"<img src='http://www.blog.example.org/wp-content/uploads/2016/03/flags.png'>\n\n"
               f'<img src="{uploads}/talks.jpg" alt="Written by the author" />\n\n'
               f'<img src="{uploads}/IMG_0042.jpg" />\n\n<img src="https://elsewhere.example/talks.jpg" alt="">')
    export = with_attachments(write_export(tmp_path, [{"id": 9, "slug": "talks", "content": content}]), [
        {"id": 10, "url": f"{uploads}/talks.jpg", "alt": "Delegates at Panmunjom", "caption": "The talks"},
        {"id": 11, "url": f"{uploads}/flags.png", "caption": "Two <em>flags</em> & a table"},
        {"id": 12, "url": f"{uploads}/IMG_0042.jpg"},  # a file name for a title: no alt text
    ])
    out = import_wxr(export)
    alts = [img.get("alt") for img in body_pictures(Article.objects.get(slug="talks"))]
    # IMG_0042 has neither attachment alt text nor a telling file name: valid_body marks it alt="" (valid
    # HTML), and the editors' count still lists it as a picture without alt text.
    assert alts == ["Delegates at Panmunjom", "Two flags & a table", "Written by the author", "", ""]
    assert "3 attachments" in out  # still counted, not imported as articles
    assert Article.objects.get(slug="talks").pictures_without_alt == 2


def test_the_attachments_read_their_alt_text_in_order_of_preference():
    attachments = Attachments()
    attachments.add("https://a.example/x.jpg", "First")
    attachments.add("http://www.a.example/x.jpg", "Second")  # the same picture: the first one stays
    assert attachments.alt_for("https://a.example/x-1024x768.jpg") == "First"
    assert attachments.fill_alts('<img alt=" " src="https://a.example/x.jpg">') == \
        '<img alt="First" src="https://a.example/x.jpg">'


def test_wordpress_captions_become_figures_with_figcaptions(tmp_path):
    content = ('[caption id="" align="aligncenter" width="640" caption="Old &amp; style"]<a href="https://e.example/big">'
               '<img src="https://e.example/a.png" alt="A" width="640" height="376" /></a>[/caption]\n\n'
               '[caption id="attachment_5" width="300"]<img src="https://e.example/b.png" alt="B" /> New style[/caption]\n\n'
               '<div id="attachment_6" class="wp-caption alignleft" style="width: 310px"><img src="https://e.example/c.png" '
               'alt="C" /><p class="wp-caption-text">Older editor</p></div>\n\n'
               '<figure class="wp-block-image"><img src="https://e.example/d.png" alt="D"/><figcaption>Block editor'
               '</figcaption></figure>\n\nA [caption] left as it is when it holds no picture [/caption].')
    import_wxr(write_export(tmp_path, [{"id": 9, "slug": "captions", "content": content}]))
    soup = BeautifulSoup(Article.objects.get(slug="captions").body, "html.parser")
    figures = [(figure.img["src"].rsplit("/", 1)[1], figure.figcaption.get_text()) for figure in soup.find_all("figure")]
    assert figures == [("a.png", "Old & style"), ("b.png", "New style"), ("c.png", "Older editor"),
                       ("d.png", "Block editor")]
    assert soup.find("figure").a["href"] == "https://e.example/big"
    assert "A [caption] left as it is when it holds no picture [/caption]." in soup.get_text()
    assert "wp-caption" not in str(soup)


def test_an_unclosed_caption_shortcode_is_left_as_text():
    assert caption_figures('[caption]<img src="x.png"> no end') == '[caption]<img src="x.png"> no end'


def saved_page(tmp_path, base, header_picture=True, og_image=""):
    page = tmp_path / "talks.html"
    header = (f'<figure class="featured-image"><img src="/uploads/map.png" alt="Delegates at the table"></figure>'
              if header_picture else "")
    page.write_text(f"""<!DOCTYPE html><html><head><title>Border Talks | The Peninsula</title>
<meta property="og:url" content="{base}/2016/03/border-talks/">{og_image}</head><body>
<header class="site"><img src="{base}/logo.png" alt="The Peninsula"></header>
<main><article><header>{header}<h1>Border Talks</h1></header><p>Published March 3, 2016</p>
<p>The two Koreas met again this week at Panmunjom, and officials said the talks had gone better than expected.</p>
<div class="wp-caption"><img src="/uploads/chart.png" alt="A chart"><p class="wp-caption-text">Trade, 2010-2015.</p></div>
<p>Delegates agreed to meet again next month to discuss family reunions and the Kaesong industrial complex.</p>
<figure><img src="/uploads/flag.png" alt="A flag"><figcaption>The flag at the border.</figcaption></figure>
<p>Analysts cautioned that similar talks had collapsed before, most recently in 2015, after a landmine blast.</p>
</article></main></body></html>""")
    return page


def test_a_saved_pages_featured_picture_becomes_the_lead_picture_with_its_alt_text(copying, picture_server, tmp_path):
    page = saved_page(tmp_path, picture_server.url)
    out = import_page(page)
    article = Article.objects.get(slug="border-talks")
    assert article.image.name.startswith("imported/") and article.image_alt == "Delegates at the table"
    assert (article.image_width, article.image_height) == (300, 200) and article.lead_picture["srcset"]
    assert "map.png" not in article.body and "logo.png" not in picture_server.requests[0]
    assert "3 external pictures copied" not in out and "1 external pictures copied" in out  # chart, flag: 404
    assert article.pictures_without_alt == 0
    assert "0 created, 0 updated, 1 unchanged" in import_page(page)


def test_a_featured_picture_that_cannot_be_copied_is_reported_and_the_page_still_comes_in(
        copying, picture_server, tmp_path):
    page = saved_page(tmp_path, picture_server.url).read_text().replace("/uploads/map.png", "/uploads/gone.png")
    (tmp_path / "talks.html").write_text(page)
    out = import_page(tmp_path / "talks.html")
    assert not Article.objects.get(slug="border-talks").image
    assert f"  not copied: border-talks: {picture_server.url}/uploads/gone.png: HTTP 404" in out


def test_without_a_picture_above_the_title_the_og_image_is_the_featured_picture():
    og = ('<meta property="og:image" content="https://keia.example/uploads/lead.jpg">'
          '<meta property="og:image:alt" content="Seoul at night">')
    text = saved_page_text(header_picture=False, og_image=og)
    record = parse_html_page(text, PageOptions(status="published"))
    assert (record.image_url, record.image_alt) == ("https://keia.example/uploads/lead.jpg", "Seoul at night")


def saved_page_text(**kwargs):
    import pathlib
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return saved_page(pathlib.Path(folder), "https://keia.example", **kwargs).read_text()


def test_a_saved_pages_body_pictures_keep_their_captions_once():
    record = parse_html_page(saved_page_text(), PageOptions(status="published"))
    soup = BeautifulSoup(record.body, "html.parser")
    assert [(f.img["src"], f.figcaption.get_text()) for f in soup.find_all("figure")] == [
        ("https://keia.example/uploads/chart.png", "Trade, 2010-2015."),
        ("https://keia.example/uploads/flag.png", "The flag at the border.")]
    assert soup.get_text().count("Trade, 2010-2015.") == 1
    assert (record.image_url, record.image_alt) == ("https://keia.example/uploads/map.png", "Delegates at the table")


def test_the_admin_lists_and_counts_articles_with_pictures_without_alt_text():
    fine = make_article("Fine", body='<p><img src="/media/a.png" alt="A map"></p>')
    missing = make_article("Missing", body='<p><img src="/media/a.png"></p><figure><img src="/media/b.png" alt=" ">'
                                           "</figure>")
    assert (fine.pictures_without_alt, missing.pictures_without_alt) == (0, 2)
    fine.body += '<p><img src="/media/c.png" alt=""></p>'
    fine.save()
    fine.refresh_from_db()
    assert fine.pictures_without_alt == 1
    fine.body = '<p><img src="/media/a.png" alt="A map"></p>'
    fine.save()
    editor = login(make_user("ed", "editor"))
    listed = BeautifulSoup(editor.get("/admin/articles/article/?no_alt=yes").content, "html.parser")
    titles = [a.get_text() for a in listed.select("#result_list tbody th a")]
    assert titles == ["Missing"]
    assert listed.find(string="Pictures without alt text (1)")
    desk = BeautifulSoup(editor.get("/admin/").content, "html.parser").select_one("#review-desk")
    link = desk.find("a", string="Pictures without alt text (1)")
    assert link["href"] == "/admin/articles/article/?no_alt=yes"
