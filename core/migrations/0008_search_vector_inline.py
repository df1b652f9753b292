"""The search's stored vector kept in the table's rows rather than in its TOAST table, on
PostgreSQL: ranking reads the vector of every match, and fetching it from TOAST cost more
than the rank itself (docs/architecture.md, Site search). An entry's row stays whole up to
8 kB (toast_tuple_target) and, in a longer one, the text and stemmed text leave the row
before the vector does (STORAGE MAIN). Rows written before keep their place until the index
is rebuilt (manage.py rebuild_search_index). Nothing happens on SQLite."""

from importlib import import_module

from django.db import migrations

# The PostgreSQL-only runner of the search's earlier migration, not a copy of it.
_run = import_module("core.migrations.0004_search_stored_vector")._run

FORWARD = [
    "ALTER TABLE core_searchentry SET (toast_tuple_target = 8160)",
    "ALTER TABLE core_searchentry ALTER COLUMN vector SET STORAGE MAIN",
]
BACKWARD = [
    "ALTER TABLE core_searchentry ALTER COLUMN vector SET STORAGE EXTENDED",
    "ALTER TABLE core_searchentry RESET (toast_tuple_target)",
]


class Migration(migrations.Migration):
    dependencies = [("core", "0007_background_job_message")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
