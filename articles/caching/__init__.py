"""Values kept per content generation, as plain functions: views and search call these and never the cache API."""
