"""The side column becomes a setting of the home app (`home.SideColumn`), which composes the boxes of every section;
what each site had in its portal settings is copied over before that field goes."""

import django.db.models.deletion
import wagtail.fields
from django.db import migrations, models


def copy_side_columns(apps, schema_editor):
    PortalSettings = apps.get_model("home", "PortalSettings")
    SideColumn = apps.get_model("home", "SideColumn")
    for settings in PortalSettings.objects.all():
        SideColumn.objects.update_or_create(site_id=settings.site_id, defaults={"boxes": settings.sidebar})


def copy_side_columns_back(apps, schema_editor):
    PortalSettings = apps.get_model("home", "PortalSettings")
    for column in apps.get_model("home", "SideColumn").objects.all():
        PortalSettings.objects.filter(site_id=column.site_id).update(sidebar=column.boxes)


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0005_boxes_photos_videos'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='SideColumn',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('boxes', wagtail.fields.StreamField([('featured_news', 2), ('latest_news', 6), ('notices', 9), ('most_read', 13), ('links', 17), ('videos', 20), ('photos', 23), ('text', 26)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120, 'required': False}), 1: ('wagtail.blocks.IntegerBlock', (), {'default': 5, 'label': 'Number of articles', 'max_value': 12, 'min_value': 1}), 2: ('wagtail.blocks.StructBlock', [[('heading', 0), ('count', 1)]], {}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the category's name.", 'label': 'Heading', 'max_length': 120, 'required': False}), 4: ('wagtail.snippets.blocks.SnippetChooserBlock', ('news.NewsCategory',), {'label': 'Category', 'required': False}), 5: ('wagtail.blocks.IntegerBlock', (), {'default': 5, 'label': 'Number of articles', 'max_value': 20, 'min_value': 1}), 6: ('wagtail.blocks.StructBlock', [[('heading', 3), ('category', 4), ('count', 5)]], {}), 7: ('wagtail.blocks.CharBlock', (), {'default': 'Notices', 'label': 'Heading', 'max_length': 120}), 8: ('wagtail.blocks.IntegerBlock', (), {'default': 5, 'label': 'Number of notices', 'max_value': 20, 'min_value': 1}), 9: ('wagtail.blocks.StructBlock', [[('heading', 7), ('count', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'default': 'Most read', 'label': 'Heading', 'max_length': 120}), 11: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('7', 'This week'), ('30', 'This month')], 'label': 'Period'}), 12: ('wagtail.blocks.IntegerBlock', (), {'default': 5, 'label': 'Number of articles', 'max_value': 15, 'min_value': 1}), 13: ('wagtail.blocks.StructBlock', [[('heading', 10), ('days', 11), ('count', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the menu's title.", 'label': 'Heading', 'max_length': 120, 'required': False}), 15: ('wagtail.snippets.blocks.SnippetChooserBlock', ('portal.Menu',), {'label': 'Menu'}), 16: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('list', 'List'), ('buttons', 'Buttons')], 'label': 'Style'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 14), ('menu', 15), ('style', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'default': 'Activity videos', 'label': 'Heading', 'max_length': 120}), 19: ('wagtail.blocks.IntegerBlock', (), {'default': 4, 'label': 'Number of videos', 'max_value': 12, 'min_value': 1}), 20: ('wagtail.blocks.StructBlock', [[('heading', 18), ('count', 19)]], {}), 21: ('wagtail.blocks.CharBlock', (), {'default': 'Photo gallery', 'label': 'Heading', 'max_length': 120}), 22: ('wagtail.blocks.IntegerBlock', (), {'default': 4, 'label': 'Number of albums', 'max_value': 12, 'min_value': 1}), 23: ('wagtail.blocks.StructBlock', [[('heading', 21), ('count', 22)]], {}), 24: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 25: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'superscript', 'subscript'], 'label': 'Text'}), 26: ('wagtail.blocks.StructBlock', [[('heading', 24), ('text', 25)]], {})}, help_text='Boxes shown beside the content on every page, top to bottom.', verbose_name='side column')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'side column',
                'verbose_name_plural': 'side column',
            },
        ),
        migrations.RunPython(copy_side_columns, copy_side_columns_back),
        migrations.RemoveField(
            model_name='portalsettings',
            name='sidebar',
        ),
    ]
