"""Each decision's case number becomes its first DecisionCaseNumber row.

Each new row gets a "created" history record, so its history starts where its life does.
The way back writes the first row into the column; it is reversible while every decision
has at most one case number and each body at most one decision without any (the old
uniqueness of body and case number comes back with it)."""

from django.db import migrations
from django.utils import timezone

REASON = "Ärendenummer flyttade till egna rader"


def column_to_rows(apps, schema_editor):
    Decision = apps.get_model("governance", "Decision")
    DecisionCaseNumber = apps.get_model("governance", "DecisionCaseNumber")
    History = apps.get_model("governance", "HistoricalDecisionCaseNumber")
    now = timezone.now()
    for decision_id, body_id, number in Decision.objects.exclude(case_number="").values_list(
        "pk", "body_id", "case_number"
    ):
        row = DecisionCaseNumber.objects.create(
            decision_id=decision_id, body_id=body_id, position=1, case_number=number
        )
        History.objects.create(
            id=row.pk,
            decision_id=decision_id,
            body_id=body_id,
            position=1,
            case_number=number,
            history_date=now,
            history_type="+",
            history_change_reason=REASON,
        )


def rows_to_column(apps, schema_editor):
    Decision = apps.get_model("governance", "Decision")
    DecisionCaseNumber = apps.get_model("governance", "DecisionCaseNumber")
    for row in DecisionCaseNumber.objects.filter(position=1):
        Decision.objects.filter(pk=row.decision_id).update(case_number=row.case_number)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0008_decision_kinds_and_case_number_rows"),
    ]

    operations = [migrations.RunPython(column_to_rows, rows_to_column)]
