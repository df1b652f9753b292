from django.db import migrations


def sync_roles(apps, schema_editor):
    from portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    """Those who record decisions record their case numbers, now rows of their own."""

    dependencies = [
        ("portal", "0009_publish_roles"),
        ("governance", "0010_remove_decision_case_number"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
