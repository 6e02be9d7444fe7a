"""Driving the body's rich-text editor from browser tests: the editable area, and pasting into it."""

EDITOR = ".body-editor .tiptap"

PASTE = """([selector, text, html]) => {
  const target = document.querySelector(selector);
  target.focus();
  const data = new DataTransfer();
  data.setData("text/plain", text);
  if (html) { data.setData("text/html", html); }
  target.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
}"""


def to_the_end(page, new_paragraph=False):
    """Put the caret at the end of the body (as the End key would), in a new paragraph if asked."""
    page.locator(EDITOR).wait_for()
    page.evaluate("() => window.peninsulaBodyEditor.commands.focus('end')")
    # Tiptap focuses on the next animation frame: keys pressed before that would go nowhere.
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.body-editor .tiptap')")
    if new_paragraph:
        page.keyboard.press("Enter")


def paste(page, text, html=None, new_paragraph=False):
    """Paste `text` (and `html`, as a word processor puts both on the clipboard) at the end of the body,
    as Ctrl+V would: no click."""
    to_the_end(page, new_paragraph)
    page.evaluate(PASTE, [EDITOR, text, html])
