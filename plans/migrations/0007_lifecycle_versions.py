"""Every plan the public could read gets the version it reads.

Before this, the public read any plan that was not a draft, and an adopted plan did not always
have a frozen version (the demo's did not). What the public read stays readable: a plan
with versions reads its newest; a plan without one gets one frozen now. No decision stands
behind such a version, so it is "published" (made public without a formal decision), and an
"adopted" plan without any version becomes "published": adoption is a recorded decision.
A version's date is its decision's date.
"""

from django.db import migrations
from django.utils import timezone


def give_versions(apps, schema_editor):
    Plan = apps.get_model("plans", "Plan")
    PlanVersion = apps.get_model("plans", "PlanVersion")
    for version in PlanVersion.objects.filter(decision__isnull=False, date__isnull=True):
        version.date = version.decision.date
        version.save(update_fields=["date"])
    for plan in Plan.objects.exclude(status="draft"):
        newest = PlanVersion.objects.filter(plan=plan).order_by("-number").first()
        if newest is None:
            newest = PlanVersion.objects.create(
                plan=plan, number=1, kind="published", frozen_at=timezone.now()
            )
            if plan.status == "adopted":
                plan.status = "published"
        plan.public_version = newest
        plan.save(update_fields=["public_version", "status"])


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0006_lifecycle"),
        ("governance", "0007_date_order_message"),
    ]

    operations = [migrations.RunPython(give_versions, migrations.RunPython.noop)]
