"""Citing an article: its bibliographic record (record.py), that record in Chicago, APA, MLA and Harvard
from the official CSL styles (styles.py), as BibTeX, RIS and CSL-JSON files (exports.py), and as the
Highwire Press meta tags Zotero and Google Scholar read (highwire.py)."""
