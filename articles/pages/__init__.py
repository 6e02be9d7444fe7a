"""What readers see: public views, feeds, sitemaps, page metadata, structured data, the page cache."""
