"""A published, adopted or revised plan always has the version the public reads (a separate
migration from the data it needs: PostgreSQL alters no table with pending trigger events)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("plans", "0007_lifecycle_versions")]

    operations = [
        migrations.AddConstraint(
            model_name='plan',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status__in', ['published', 'adopted', 'under_revision']), _negated=True), ('public_version__isnull', False), _connector='OR'), name='plan_public_status_has_version', violation_error_message='En publicerad eller fastställd plan måste ha en fryst version.'),
        ),
    ]
