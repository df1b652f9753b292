"""How agreements and frameworks summarise themselves in a board report (governance.reports)."""

from agreements.models import Agreement, Framework
from agreements.queries import register_rows


def framework_summary(framework: Framework, report, *, today):
    agreements = register_rows(Agreement.objects.order_by("register_id"))
    return (
        "agreements/includes/report_framework.html",
        {
            "framework": framework,
            "replaces": list(agreements.filter(replaced_by_framework=framework)),
            "covers": list(agreements.filter(covered_by_frameworks=framework)),
        },
    )


def agreement_summary(agreement: Agreement, report, *, today):
    agreement = register_rows(Agreement.objects.filter(pk=agreement.pk)).get()
    return (
        "agreements/includes/report_agreement.html",
        {"agreement": agreement, "agreements": [agreement]},
    )
