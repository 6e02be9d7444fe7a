"""Bringing posts in from outside: saved page text and WordPress exports.

`page_text` and `wxr` read a source into `records.PostRecord`s without touching the database;
`writer.ArticleWriter` turns records into articles, creating or updating them idempotently.
"""
