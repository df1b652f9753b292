
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0008_meetings"),
        ("governance", "0010_remove_decision_case_number"),
    ]

    operations = []
