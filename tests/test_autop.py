"""WordPress paragraph treatment: the rules, and input that used to make it quadratic."""
from articles.importers.autop import autop, set_aside_pre, strip_comments


def test_blank_lines_make_paragraphs_and_newlines_breaks():
    assert autop("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>"


def test_block_html_is_left_alone_and_pre_keeps_its_newlines():
    assert autop("<div>x</div>\n\n<pre>a\n\nb</pre>") == "<div>x</div>\n<pre>a\n\nb</pre>"


def test_comments_are_dropped_and_an_unclosed_one_hides_the_rest_as_in_a_browser():
    assert strip_comments("a<!-- b -->c<!-- d") == "ac"
    assert autop("Text <!-- unclosed\n\nmore") == "<p>Text</p>"


def test_an_unclosed_pre_is_text_and_closed_ones_after_it_still_pair():
    text, kept = set_aside_pre("<pre>x\n<PRE>y</pre>z")
    assert kept == ["<pre>x\n<PRE>y</pre>"] and text == '<pre data-kept="0"></pre>z'
    assert autop("<pre>never closed\n\nsecond") == "<pre>never closed</p>\n<p>second</p>"


def test_content_that_looks_like_the_internal_pre_marker_is_kept_as_it_is():
    assert autop('<pre data-kept="7"></pre>\n\nText') == '<pre data-kept="7"></pre>\n<p>Text</p>'


def test_a_large_crafted_post_is_handled_in_one_pass():
    # 160 KB of unclosed comment openers, pre tags and tags without ">": once quadratic (minutes).
    for crafted in ["<!-- x " * 23000, "<pre>a\n" * 23000, "<div a " * 23000, " " * 160000 + "x"]:
        assert isinstance(autop(crafted), str)
