"""Migrations that move data: case numbers (a board report's string, a decision's column) become
rows, and back."""

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


@pytest.mark.django_db(transaction=True)
def test_a_decisions_case_number_becomes_its_first_row_and_back():
    before = [("governance", "0007_date_order_message")]
    after = [("governance", "0010_remove_decision_case_number")]
    try:
        old = migrate(before)
        body = old.get_model("governance", "Body").objects.create(
            name="Regionstyrelsen", slug="rs", short_code="RS", kind="board"
        )
        decision = old.get_model("governance", "Decision").objects.create(
            body=body, case_number="RS 2013/460"
        )

        new = migrate(after)
        rows = new.get_model("governance", "DecisionCaseNumber").objects.all()
        assert [(r.decision_id, r.body_id, r.position, r.case_number) for r in rows] == [
            (decision.pk, body.pk, 1, "RS 2013/460")
        ]
        assert new.get_model("governance", "Decision").objects.get().kind == "adoption"
        history = new.get_model("governance", "HistoricalDecisionCaseNumber").objects.get()
        assert history.history_change_reason == "Ärendenummer flyttade till egna rader"

        old = migrate(before)
        back = old.get_model("governance", "Decision").objects.get(pk=decision.pk)
        assert back.case_number == "RS 2013/460"
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
