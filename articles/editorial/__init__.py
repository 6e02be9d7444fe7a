"""The editorial side: roles and workflow (including scheduling), previews, revisions, legacy URLs."""
