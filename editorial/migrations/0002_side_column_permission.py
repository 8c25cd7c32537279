"""The content administrator keeps the side column, now a setting of its own (home 0006)."""

from django.db import migrations

from editorial.roles import CONTENT_ADMIN, ensure_permissions, permission


def grant_side_column(apps, schema_editor):
    ensure_permissions(apps)
    group = apps.get_model("auth", "Group").objects.filter(name=CONTENT_ADMIN).first()
    if group is not None:
        group.permissions.add(permission(apps, "home.change_sidecolumn"))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_roles_and_workflow"),
        ("home", "0007_menus_and_settings_move_to_portal"),
    ]

    operations = [migrations.RunPython(grant_side_column, migrations.RunPython.noop)]
