"""Migrations that move data: a board report's case-number string becomes rows, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("governance", "0003_report_case_numbers_and_own_column_orderings")]
AFTER = [("governance", "0005_remove_boardreport_case_numbers")]


def migrate(targets):
    """Migrate to `targets` and return the models as they stand there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_case_number_strings_become_rows_in_order_and_back():
    try:
        old = migrate(BEFORE)
        organisation = old.get_model("governance", "Organisation").objects.create(
            name="Region Gotland", slug="region-gotland", kind="region"
        )
        reports = old.get_model("governance", "BoardReport").objects
        filed = reports.create(
            organisation=organisation,
            title="Lägesrapport",
            proposed_decision="Noteras.",
            case_numbers="HSN 2024/310, SON 2024/190",
        )
        unfiled = reports.create(organisation=organisation, title="Utan", proposed_decision="-")

        new = migrate(AFTER)
        rows = new.get_model("governance", "ReportCaseNumber").objects.order_by("position")
        assert [(r.report_id, r.position, r.case_number) for r in rows] == [
            (filed.pk, 1, "HSN 2024/310"),
            (filed.pk, 2, "SON 2024/190"),
        ]
        history = new.get_model("governance", "HistoricalReportCaseNumber").objects
        assert sorted(history.values_list("id", "history_type")) == [
            (row.pk, "+") for row in sorted(rows, key=lambda row: row.pk)
        ]

        old = migrate(BEFORE)
        back = old.get_model("governance", "BoardReport").objects
        assert back.get(pk=filed.pk).case_numbers == "HSN 2024/310, SON 2024/190"
        assert back.get(pk=unfiled.pk).case_numbers == ""
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
