from django.db import migrations


def sync_roles(apps, schema_editor):
    from portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_history_change_reason_text"),
        ("plans", "0006_lifecycle"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
