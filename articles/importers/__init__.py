"""Bringing posts in from outside, and out again: saved pages, WordPress exports, natural-key fixtures.

`page_text` (text) and `page_html` (saved web pages) cut a page down to its blocks (`blocks`),
which `page_parts` reads into a `records.PostRecord` (title, header lines, dates from `dates`,
body, author note, credit); `manifest` gives many files their options; `wxr` reads WordPress
exports. None of them touches the database: `writer.ArticleWriter` turns records into
articles, creating or updating them idempotently. `fixtures` writes an article's natural-key
fixture (export_article) and names what a hand-written one refers to but nobody has.
"""
