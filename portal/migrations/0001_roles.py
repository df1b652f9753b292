from django.db import migrations


def create_roles(apps, schema_editor):
    from portal.roles import sync_role_groups

    sync_role_groups(apps)


def remove_roles(apps, schema_editor):
    from portal.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("governance", "0001_initial"),
        ("agreements", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
