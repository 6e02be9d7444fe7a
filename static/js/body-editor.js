/* The article body's rich-text editor: django-prose-editor's build of Tiptap/ProseMirror, started here.
 *
 * Started from this module (not the package's own initialiser) so the page needs no inline script or
 * style: the editor is imported by its path instead of through an inline import map, and Tiptap is
 * told not to inject a <style> element (the package's editor.css carries the same rules). The
 * Content-Security-Policy allows only the site's own files.
 *
 * - Paragraphs, headings (h2-h6), lists, quotes, links, bold/italic, and pictures.
 * - "Insert a picture" uploads a file with its required alt text and an optional caption and credit,
 *   and inserts <figure><img src alt width height><figcaption>caption — credit</figcaption></figure>.
 * - Pasting keeps paragraphs: plain text becomes one paragraph a line, HTML keeps its blocks.
 * - The <textarea> stays the form's field: it holds the editor's HTML after every change (the
 *   autosave and leave-page warning in admin-desk.js watch it); a "change" event on it (a recovered
 *   copy) loads its value back into the editor. Without JavaScript the plain textarea is the editor.
 */
import {
  Blockquote, Bold, BulletList, Caption, Document, Dropcursor, Editor, Extension, Figure, Gapcursor,
  HardBreak, Heading, History, HorizontalRule, HTML, Image, Italic, Link, ListItem, Menu, OrderedList,
  Paragraph, Text, crel,
} from "../django_prose_editor/editor.js"

const EMPTY = /^<(\w+)(\s[^>]*)?><\/\1>$/i
// A word processor's clipboard carries <style> blocks and style="" attributes. The editor drops them
// anyway; removing them before it parses the HTML keeps the browser from reporting each one as a
// Content-Security-Policy violation (inline styles are refused on this page).
const PASTED_STYLES = /<style[\s\S]*?<\/style\s*>|\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi

function csrfToken(textarea) {
  const input = textarea.form && textarea.form.querySelector("input[name=csrfmiddlewaretoken]")
  return input ? input.value : ""
}

function field(label, input, help) {
  const id = `body-image-${input.name}`
  input.id = id
  const parts = [crel("label", {htmlFor: id, textContent: label}), input]
  if (help) { parts.push(crel("span", {className: "help", textContent: help})) }
  return crel("div", {className: "body-image-field"}, parts)
}

/* The upload dialog; resolves with the stored picture and its texts, or null when cancelled. */
function askForPicture(uploadUrl, token) {
  return new Promise((resolve) => {
    const file = crel("input", {type: "file", name: "image", accept: "image/jpeg,image/png,image/webp,image/gif",
      required: true})
    const alt = crel("input", {type: "text", name: "alt", required: true, maxLength: 300, size: 50})
    const caption = crel("input", {type: "text", name: "caption", maxLength: 500, size: 50})
    const credit = crel("input", {type: "text", name: "credit", maxLength: 200, size: 50})
    const error = crel("p", {className: "errornote", role: "alert", hidden: true})
    const insert = crel("button", {type: "submit", className: "default", textContent: "Upload and insert"})
    const cancel = crel("button", {type: "button", textContent: "Cancel"})
    const form = crel("form", {method: "dialog"}, [
      crel("h2", {textContent: "Insert a picture"}),
      error,
      field("Picture", file),
      field("Alt text (required)", alt, "What the picture shows, for readers who cannot see it."),
      field("Caption", caption),
      field("Credit", credit, "Who took or owns it, e.g. “Photo: Yonhap”."),
      crel("div", {className: "body-image-buttons"}, [insert, cancel]),
    ])
    const dialog = crel("dialog", {className: "body-image-dialog"}, [form])
    dialog.setAttribute("aria-label", "Insert a picture")
    document.body.append(dialog)
    let result = null
    dialog.addEventListener("close", () => { dialog.remove(); resolve(result) })
    cancel.addEventListener("click", () => dialog.close())
    form.addEventListener("submit", (event) => {
      event.preventDefault()
      if (!form.reportValidity()) { return }
      const data = new FormData(form)
      insert.disabled = true
      fetch(uploadUrl, {method: "POST", body: data, credentials: "same-origin",
        headers: {"X-CSRFToken": token, Accept: "application/json"}})
        .then((response) => response.json().then((json) => ({ok: response.ok, json})))
        .then(({ok, json}) => {
          if (!ok) { throw new Error(json.error || "The picture could not be stored.") }
          result = json
          dialog.close()
        })
        .catch((failure) => {
          error.textContent = failure.message
          error.hidden = false
          insert.disabled = false
        })
    })
    dialog.showModal()
  })
}

const BodyImage = Extension.create({
  name: "bodyImage",

  addOptions() {
    return {uploadUrl: null, csrfToken: () => ""}
  },

  addMenuItems({menu, buttons}) {
    if (!this.options.uploadUrl) { return }
    const {uploadUrl, csrfToken: token} = this.options
    menu.defineItem({
      name: "bodyImage",
      groups: "nodes",
      button: buttons.material("add_photo_alternate", "Insert a picture"),
      command(editor) {
        askForPicture(uploadUrl, token()).then((picture) => {
          if (!picture) { return }
          const content = [{type: "image", attrs: {src: picture.src, alt: picture.alt, width: picture.width,
            height: picture.height}}]
          if (picture.caption) { content.push({type: "caption", content: [{type: "text", text: picture.caption}]}) }
          editor.chain().focus().insertContent({type: "figure", content}).run()
        })
      },
    })
  },
})

function wordCount(editor) {
  const words = editor.state.doc.textBetween(0, editor.state.doc.content.size, " ", " ").split(/\s+/)
  const count = words.filter(Boolean).length
  return `${count} ${count === 1 ? "word" : "words"}`
}

// What the editor's schema keeps (b and i become strong and em; a <span>, which the sanitiser leaves
// without attributes, carries nothing to lose). A body holding anything else (an imported table, an
// <abbr>) would lose it at the first keystroke: that body stays a plain textarea.
const KEPT = new Set(["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "a", "strong", "b", "em",
  "i", "br", "hr", "figure", "figcaption", "img", "span"])

function tagsTheEditorWouldDrop(html) {
  const template = document.createElement("template")
  template.innerHTML = html  // inert: nothing in a template loads or runs
  const names = Array.from(template.content.querySelectorAll("*"), (el) => el.localName)
  return Array.from(new Set(names.filter((name) => !KEPT.has(name))))
}

function keepAsHTML(textarea, dropped) {
  const note = crel("p", {className: "help body-editor-note",
    textContent: `This body holds HTML the rich-text editor would not keep (${dropped.join(", ")}), ` +
      "so it is edited as HTML here."})
  textarea.after(note)
}

function createBodyEditor(textarea) {
  const element = crel("div", {className: "prose-editor body-editor"})
  textarea.before(element)
  element.append(textarea)
  const counter = crel("p", {className: "body-word-count help"})
  counter.setAttribute("aria-live", "polite")
  let loading = false
  const editor = new Editor({
    element,
    injectCSS: false,
    editable: !textarea.disabled,
    content: textarea.value,
    editorProps: {transformPastedHTML: (html) => html.replace(PASTED_STYLES, "")},
    extensions: [
      Document, Paragraph, Text, HardBreak, Dropcursor, Gapcursor, History, Menu, HTML,
      Heading.configure({levels: [2, 3, 4, 5, 6]}), HorizontalRule, Bold, Italic, BulletList, OrderedList,
      ListItem, Blockquote,
      Link.configure({enableTarget: false, protocols: ["http", "https", "mailto"]}),
      Figure, Caption, Image.configure({inline: false}),
      BodyImage.configure({uploadUrl: textarea.dataset.imageUploadUrl, csrfToken: () => csrfToken(textarea)}),
    ],
    onUpdate({editor: current}) {
      counter.textContent = wordCount(current)
      if (loading) { return }
      const html = current.getHTML()
      textarea.value = EMPTY.test(html) ? "" : html
      textarea.dispatchEvent(new Event("input", {bubbles: true}))
    },
  })
  element.after(counter)
  counter.textContent = wordCount(editor)
  textarea.addEventListener("change", () => {
    loading = true  // a recovered copy: show it, the textarea already holds it
    editor.commands.setContent(textarea.value)
    loading = false
  })
  return editor
}

document.querySelectorAll("textarea[data-body-editor]").forEach((textarea) => {
  const dropped = tagsTheEditorWouldDrop(textarea.value)
  if (dropped.length) {
    keepAsHTML(textarea, dropped)
  } else {
    window.peninsulaBodyEditor = createBodyEditor(textarea)
  }
})
