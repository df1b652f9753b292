from django.db import migrations


def sync_roles(apps, schema_editor):
    from portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_report_roles"),
        ("governance", "0005_remove_boardreport_case_numbers"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
