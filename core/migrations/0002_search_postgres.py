"""PostgreSQL's indexes for the search: a GIN full-text index on the stemmed text and a
trigram index on stemmed titles. Both operations do nothing on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = [
    "CREATE INDEX search_entry_fts ON core_searchentry USING gin "
    "((setweight(to_tsvector('simple', title_stemmed), 'A') || "
    "setweight(to_tsvector('simple', stemmed), 'B')))",
    "CREATE INDEX search_entry_title_trgm ON core_searchentry USING gin "
    "(title_stemmed gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS search_entry_fts", "DROP INDEX IF EXISTS search_entry_title_trgm"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0001_search_entry")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
