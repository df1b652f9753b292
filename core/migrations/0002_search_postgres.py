"""PostgreSQL's indexes for the search: a GIN full-text index for ranking, and trigram GIN
indexes, which serve both the `LIKE '% stem%'` matching (on the stemmed text and the codes)
and the typo similarity (on the stemmed titles). Both operations do nothing on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TRIGRAM_COLUMNS = ("title_stemmed", "stemmed", "codes")
FORWARD = [
    "CREATE INDEX search_entry_fts ON core_searchentry USING gin "
    "((setweight(to_tsvector('simple', title_stemmed), 'A') || "
    "setweight(to_tsvector('simple', stemmed), 'B')))",
    *(
        f"CREATE INDEX search_entry_{column}_trgm ON core_searchentry USING gin "
        f"({column} gin_trgm_ops)"
        for column in TRIGRAM_COLUMNS
    ),
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_fts",
    *(f"DROP INDEX IF EXISTS search_entry_{column}_trgm" for column in TRIGRAM_COLUMNS),
]


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
