"""Each board report's comma-separated case numbers become ReportCaseNumber rows, in order.

Each new row gets a "created" history record, so its history starts where its life does;
the way back joins the rows into the string again."""

from django.db import migrations
from django.utils import timezone

REASON = "Ärendenummer flyttade till egna rader"


def string_to_rows(apps, schema_editor):
    BoardReport = apps.get_model("governance", "BoardReport")
    ReportCaseNumber = apps.get_model("governance", "ReportCaseNumber")
    History = apps.get_model("governance", "HistoricalReportCaseNumber")
    now = timezone.now()
    for report_id, text in BoardReport.objects.exclude(case_numbers="").values_list(
        "pk", "case_numbers"
    ):
        numbers = [part.strip() for part in text.split(",") if part.strip()]
        for position, number in enumerate(numbers, start=1):
            row = ReportCaseNumber.objects.create(
                report_id=report_id, position=position, case_number=number
            )
            History.objects.create(
                id=row.pk,
                report_id=report_id,
                position=position,
                case_number=number,
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
            )


def rows_to_string(apps, schema_editor):
    BoardReport = apps.get_model("governance", "BoardReport")
    ReportCaseNumber = apps.get_model("governance", "ReportCaseNumber")
    numbers = {}
    for row in ReportCaseNumber.objects.order_by("report_id", "position", "pk"):
        numbers.setdefault(row.report_id, []).append(row.case_number)
    for report_id, report_numbers in numbers.items():
        BoardReport.objects.filter(pk=report_id).update(case_numbers=", ".join(report_numbers))


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0003_report_case_numbers_and_own_column_orderings"),
    ]

    operations = [migrations.RunPython(string_to_rows, rows_to_string)]
