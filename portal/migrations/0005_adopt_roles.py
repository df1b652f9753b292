from django.db import migrations


def sync_roles(apps, schema_editor):
    from portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_plan_roles"),
        ("plans", "0002_revisions_and_adoption"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
