from django.db import migrations


def sync_roles(apps, schema_editor):
    from portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0009_publish_roles"),
        ("governance", "0008_meetings"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
