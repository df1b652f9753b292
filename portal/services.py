from django.db import transaction

from portal.models import BarrierReport


@transaction.atomic
def barrier_report_receive(*, page: str, description: str, contact: str = "") -> BarrierReport:
    report = BarrierReport(page=page, description=description, contact=contact)
    report.full_clean()
    report.save()
    return report
