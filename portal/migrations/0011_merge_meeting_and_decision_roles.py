from django.db import migrations


def sync_roles(apps, schema_editor):
    from portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    """Both branches' role migrations ran before the other's models existed: sync once more,
    now that meetings and decision case numbers both do, so each role has all it should."""

    dependencies = [
        ("portal", "0010_decision_case_number_roles"),
        ("portal", "0010_meeting_roles"),
        ("governance", "0011_merge_meetings_and_decision_rows"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
