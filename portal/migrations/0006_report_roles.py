from django.db import migrations


def sync_roles(apps, schema_editor):
    from portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_adopt_roles"),
        ("governance", "0002_board_reports"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
