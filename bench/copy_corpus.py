"""Copy a corpus built by `make_corpus` from a SQLite database into a migrated, empty PostgreSQL one.

Building 100,000 articles takes an hour or more on the 2-core machine; copying the rows takes a few
minutes, then the PostgreSQL search index is built from them. Used by bench/search.py; by hand:

    .venv/bin/python bench/copy_corpus.py bench/.data/search-100000.sqlite3 postgres://postgres@127.0.0.1:5432/db
"""
import sqlite3
import sys

# Parents before children, for the foreign keys.
TABLES = ["articles_author", "articles_category", "articles_entity", "articles_article", "articles_articleauthor",
          "articles_articlecategory", "articles_articleentity"]
BATCH = 2000


def copy(sqlite_path, pg_url):
    """Copy the corpus tables' rows, reset the id sequences, ANALYZE; returns {table: rows}."""
    import psycopg

    source = sqlite3.connect(sqlite_path)
    counts = {}
    with psycopg.connect(pg_url) as target:
        target.execute("SET TIME ZONE 'UTC'")  # SQLite holds UTC text without an offset
        for table in TABLES:
            columns = [row[0] for row in target.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
                [table]).fetchall()]
            names = ", ".join(f'"{name}"' for name in columns)
            booleans = _booleans(target, table, columns)  # not during the COPY: one statement at a time
            rows = source.execute(f'SELECT {names} FROM "{table}" ORDER BY id')
            with target.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as out:
                counts[table] = 0
                while batch := rows.fetchmany(BATCH):
                    for row in batch:
                        out.write_row([bool(v) if kind and v is not None else v for v, kind in zip(row, booleans)])
                    counts[table] += len(batch)
            target.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"COALESCE((SELECT max(id) FROM \"{table}\"), 1))")
        target.commit()
    return counts


_boolean_columns = {}


def _booleans(conn, table, columns):
    """[is boolean] for the columns: SQLite stores booleans as 0/1, which COPY would refuse."""
    if table not in _boolean_columns:
        kinds = dict(conn.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s",
                                  [table]).fetchall())
        _boolean_columns[table] = [kinds[name] == "boolean" for name in columns]
    return _boolean_columns[table]


if __name__ == "__main__":
    print(copy(sys.argv[1], sys.argv[2]))
