"""Menus, menu items and the portal settings move here from the home app, with their rows: the tables are renamed
(home_menu → portal_menu …) and so are their content types, which keeps every permission, log entry and reference
that points at them.

It runs after editorial 0001, which granted the roles their permissions on these models under the home app's name.
"""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

MOVED = ["menu", "menuitem", "portalsettings"]


def rename_content_types(apps, schema_editor, source="home", target="portal"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def rename_content_types_back(apps, schema_editor):
    rename_content_types(apps, schema_editor, source="portal", target="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0006_side_column'),
        ('editorial', '0001_roles_and_workflow'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Menu',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(help_text='Shown as the heading of the box, e.g. "Dịch vụ công trực tuyến".', max_length=120, verbose_name='title')),
                    ],
                    options={
                        'db_table': 'home_menu',
                        'verbose_name': 'menu',
                        'verbose_name_plural': 'menus and quick links',
                        'ordering': ['title'],
                    },
                ),
                migrations.CreateModel(
                    name='MenuItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('label', models.CharField(blank=True, help_text="Leave empty to use the page's title.", max_length=255, verbose_name='label')),
                        ('link_url', models.CharField(blank=True, help_text='An address outside the portal (https://…, mailto:…) or a path such as /tin-tuc/.', max_length=500, verbose_name='address')),
                        ('new_window', models.BooleanField(default=False, verbose_name='open in a new tab')),
                        ('show_children', models.BooleanField(default=False, help_text="In the main navigation, list the page's sub-pages under this link.", verbose_name='show sub-pages')),
                        ('link_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
                        ('menu', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='portal.menu')),
                    ],
                    options={
                        'db_table': 'home_menuitem',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='PortalSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('unit_name', models.CharField(blank=True, help_text='E.g. UBND huyện Gia Lộc', max_length=255, verbose_name='unit name')),
                        ('portal_title', models.CharField(blank=True, help_text='E.g. Cổng thông tin điện tử huyện Gia Lộc', max_length=255, verbose_name='portal title')),
                        ('governing_body', models.CharField(blank=True, help_text='E.g. Ủy ban nhân dân huyện Gia Lộc', max_length=255, verbose_name='governing body')),
                        ('address', models.CharField(blank=True, max_length=255, verbose_name='address')),
                        ('phone', models.CharField(blank=True, max_length=60, verbose_name='phone')),
                        ('hotline', models.CharField(blank=True, max_length=60, verbose_name='hotline')),
                        ('fax', models.CharField(blank=True, max_length=60, verbose_name='fax')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('responsible_person', models.CharField(blank=True, help_text='E.g. Ông Nguyễn Văn A – Chánh Văn phòng HĐND và UBND huyện', max_length=255, verbose_name='person responsible for content')),
                        ('licence', models.CharField(blank=True, help_text='E.g. Giấy phép số 12/GP-STTTT ngày 01/03/2021', max_length=255, verbose_name='licence')),
                        ('facebook_url', models.URLField(blank=True, verbose_name='Facebook page')),
                        ('youtube_url', models.URLField(blank=True, verbose_name='YouTube channel')),
                        ('zalo_url', models.URLField(blank=True, verbose_name='Zalo official account')),
                        ('visitor_count_baseline', models.PositiveBigIntegerField(default=0, help_text='Total visits counted by the previous portal; added to the "total" counter.', verbose_name='visits carried over')),
                        ('footer_menu', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='portal.menu', verbose_name='footer links')),
                        ('logo', models.ForeignKey(blank=True, help_text="Square image shown left of the unit's name. A default emblem is used when empty.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                        ('main_menu', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='portal.menu', verbose_name='main navigation')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'db_table': 'home_portalsettings',
                        'verbose_name': 'portal settings',
                        'verbose_name_plural': 'portal settings',
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name='menu', table=None),
        migrations.AlterModelTable(name='menuitem', table=None),
        migrations.AlterModelTable(name='portalsettings', table=None),
        migrations.RunPython(rename_content_types, rename_content_types_back),
    ]
