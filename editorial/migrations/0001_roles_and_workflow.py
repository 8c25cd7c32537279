from django.db import migrations

from editorial.roles import apply_roles


def apply_roles_of_the_time(apps, schema_editor):
    """Menus and the portal settings were the home app's until portal 0001 moved them."""
    apply_roles(apps, schema_editor, app_labels={"portal": "home"})


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("home", "0005_boxes_photos_videos"),
        ("news", "0001_initial"),
        ("documents", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_roles_of_the_time, migrations.RunPython.noop)]
