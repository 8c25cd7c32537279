"""Editors, approvers and content administrators handle citizens' questions and comments on drafts; the groups of
component portals made before get the same grants."""

from django.db import migrations

from editorial.roles import APPROVER, CONTENT_ADMIN, EDITOR, ROLES, ensure_permissions, existing_permissions


def grant_citizen_input(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    for role in (EDITOR, APPROVER, CONTENT_ADMIN):
        granted = existing_permissions(apps, ROLES[role]["model"])
        for group in Group.objects.filter(name=role) | Group.objects.filter(name__startswith=f"{role} – "):
            group.permissions.add(*granted)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_side_column_permission"),
        ("questions", "0001_initial"),
        ("consultations", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_citizen_input, migrations.RunPython.noop)]
