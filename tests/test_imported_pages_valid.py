"""Imported bodies are valid pages: the five real WordPress exports, imported, pass the Nu checker and axe.

Every published article page of the exports in ../shared/testdata/wxr-real is checked by one Nu checker run
(0 errors). axe (0 serious or critical) runs in one Chromium over the pages whose source had something the
import mends (code blocks, `lang`, named anchors, links and pictures, headings, stray list items): every page
that had an axe violation before is among them. Without the shared data, the checker or Chromium the tests
skip saying which, except under CI=true, where they fail.
"""
import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from articles.html import sanitize_html
from articles.importers.autop import autop
from articles.importers.code_blocks import keep_code_as_code
from articles.importers.records import PostRecord
from articles.importers.valid_body import valid_body
from articles.importers.wxr import WxrReader
from articles.models import Article
from tests.browser.conftest import launched_chromium
from tests.shared_data import WXR_REAL, shared
from tests.test_valid_html import vnu_errors

pytestmark = pytest.mark.django_db

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
UNDER_CI = os.environ.get("CI", "").lower() == "true"
BLOCKING = {"serious", "critical"}
# What made a page fail axe or the checker before import mended it: code shapes, `lang`, links, pictures, lists.
MENDED = re.compile(r"\blang(?:uage)?\s*=|<pre\b|<code\b|\[(?:sourcecode|code|cc|php)|<img\b|<a\s+(?:name|id)\b"
                    r"|<a\b[^>]*>\s*(?:<img\b[^>]*>)?\s*</a>|<li\b|<d[dt]\b", re.I)


def import_real_exports():
    paths = sorted(shared(WXR_REAL).glob("*.xml"))
    assert len(paths) == 5
    for path in paths:
        call_command("import_wxr", str(path), "--no-progress", stdout=StringIO(), stderr=StringIO())


def test_every_imported_article_page_has_no_vnu_errors(tmp_path):
    import_real_exports()
    reader = Client()
    pages = {f"{article.slug}-{article.pk}": reader.get(article.get_absolute_url()).content
             for article in Article.objects.published()}
    assert len(pages) > 500
    errors = vnu_errors(pages, tmp_path)
    assert {name: found for name, found in errors.items() if found} == {}


def mended_posts():
    """(import source, WordPress id) of every post whose source had something the import mends."""
    found = set()
    for path in sorted(shared(WXR_REAL).glob("*.xml")):
        with path.open("rb") as handle:
            found |= {(record.source, record.wp_id) for record in WxrReader(handle)
                      if isinstance(record, PostRecord) and MENDED.search(record.source_body)}
    return found


@pytest.fixture(scope="module")
def chromium():
    """One Chromium (Debian's, by its path: no download) for the module."""
    yield from launched_chromium()


def blocking_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page).response
    return [f"{v['impact']} {v['id']}: {v['help']} at {[node['target'] for node in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in BLOCKING]


@pytest.mark.browser
def test_imported_pages_that_needed_mending_have_no_serious_axe_violations(chromium, live_server):
    import_real_exports()
    mended = mended_posts()
    articles = [article for article in Article.objects.published().order_by("pk")
                if (article.import_source, article.wp_id) in mended]
    assert len(articles) >= 60
    context = chromium.new_context(base_url=live_server.url)
    page = context.new_page()
    page.route(re.compile(r"^https?://(?!localhost|127\.0\.0\.1)"), lambda route: route.abort())  # no network
    found = {}
    for article in articles:
        assert page.goto(live_server.url + article.get_absolute_url()).status == 200
        found[article.get_absolute_url()] = blocking_violations(page)
    context.close()
    assert {url: violations for url, violations in found.items() if violations} == {}


@pytest.mark.parametrize("source, block", [
    ('<pre lang="php"><?php echo "<p>$x</p>"; ?></pre>',
     '<pre><code class="language-php">&lt;?php echo "&lt;p&gt;$x&lt;/p&gt;"; ?&gt;</code></pre>'),
    ('<pre lang="python" escaped="true">if a &lt; b:</pre>', '<pre><code class="language-python">if a &lt; b:</code></pre>'),
    ('<pre class="brush: js">a && b</pre>', '<pre><code class="language-js">a &amp;&amp; b</code></pre>'),
    ("[php]<table>[/php]", '<pre><code class="language-php">&lt;table&gt;</code></pre>'),
    ('[code lang="php"]<b>[/code]', '<pre><code class="language-php">&lt;b&gt;</code></pre>'),
    ('[sourcecode language="diff"]- <td>[/sourcecode]', '<pre><code class="language-diff">- &lt;td&gt;</code></pre>'),
    ('[cce lang="diff"]+ &lt;a&gt;[/cce]', '<pre><code class="language-diff">+ &lt;a&gt;</code></pre>'),
    ("[ccnLe_php]&amp;[/ccnLe_php]", '<pre><code class="language-php">&amp;</code></pre>'),
    ('<code lang="PHP" highlight="3">\n<h2>x</h2>\n</code>', '<pre><code class="language-php">&lt;h2&gt;x&lt;/h2&gt;</code></pre>'),
    ('<pre lang="text">plain</pre>', "<pre><code>plain</code></pre>"),
])
def test_plugin_code_blocks_become_escaped_code(source, block):
    assert valid_body(autop(keep_code_as_code(source))) == block


def test_words_in_brackets_and_unclosed_shortcodes_stay_text():
    assert keep_code_as_code("a [code sprint] and [python] b") == "a [code sprint] and [python] b"


def test_lang_is_kept_only_when_it_is_a_language_tag():
    assert sanitize_html('<p lang="ko">안녕</p><p lang="php">x</p><span lang="zh-Hans">中</span>') == \
        '<p lang="ko">안녕</p><p>x</p><span lang="zh-Hans">中</span>'
    assert sanitize_html('<code class="language-php">x</code><code class="evil">y</code>') == \
        '<code class="language-php">x</code><code>y</code>'


def test_links_without_a_name_are_named_or_unwrapped():
    body = valid_body('<p><a href="https://flickr.com/p/1"><img src="/a/DSC_0042.jpg"></a> <a href="/x"> </a>'
                      '<a name="top">Top</a> <a href="https://e.org/"><img src="/up/korea-map-300x200.png"></a></p>')
    assert body == ('<p><a href="https://flickr.com/p/1" rel="noopener noreferrer"><img src="/a/DSC_0042.jpg" '
                    'alt="flickr.com"></a>  Top <a href="https://e.org/" rel="noopener noreferrer">'
                    '<img src="/up/korea-map-300x200.png" alt="Korea map"></a></p>')


def test_pictures_get_alt_from_title_or_file_name_else_empty():
    body = valid_body('<p><img src="/a/b.png" title="The border"><img src="/a/river-crossing.jpg">'
                      '<img src="/a/{7BF02F00}.dat"><img src="/a/IMG_1234.jpg" alt="Kept"></p>')
    assert re.findall(r'alt="([^"]*)"', body) == ["The border", "River crossing", "", "Kept"]


def test_headings_follow_the_page_title_and_stray_items_get_a_list():
    assert valid_body("<h3>A</h3><h5>B</h5><h3>C</h3><li>one</li><li>two</li>") == \
        "<h2>A</h2><h3>B</h3><h2>C</h2><ul><li>one</li><li>two</li></ul>"


def test_addresses_are_encoded_and_unreachable_hosts_dropped():
    body = valid_body('<a href="mailto:me (at) example.org">m</a><img src="/a/{x}.dat" alt=""> '
                      '<a href="http://(www\\.)?example.org/">r</a>')
    assert body == ('<a href="mailto:me%20(at)%20example.org" rel="noopener noreferrer">m</a>'
                    '<img src="/a/%7Bx%7D.dat" alt=""> r')
