"""What a portal's database holds that an upgrade must keep, written as JSON: ``python upgrade_snapshot.py TREE OUT``
runs with the code in TREE (an earlier version or this one) against the database of ``DATABASE_URL``.

It uses only what both versions have: models are looked up by name in whichever app holds them, and the side
column is read from the portal settings (before) or from its own setting (after)."""

import json
import os
import sys

PAGE_FIELDS = ["id", "path", "title", "slug", "url_path", "content_type", "live", "latest_revision"]


def main(tree: str, out: str) -> None:
    sys.path.insert(0, tree)
    os.chdir(tree)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(snapshot(), handle, ensure_ascii=False, indent=1, sort_keys=True, default=str)


def model(name: str):
    from django.apps import apps

    for app_label in ("portal", "home"):
        try:
            return apps.get_model(app_label, name)
        except LookupError:
            continue
    raise LookupError(name)


def value(field, instance):
    from wagtail.fields import StreamField

    if isinstance(field, StreamField):
        return json.loads(field.value_to_string(instance) or "[]")
    return field.value_to_string(instance)


def rows(model_class, leave_out=()) -> list[dict]:
    fields = [field for field in model_class._meta.concrete_fields if field.name not in leave_out]
    return [
        {field.attname: value(field, instance) for field in fields} for instance in model_class.objects.order_by("pk")
    ]


def side_columns() -> dict:
    try:
        columns = model("SideColumn").objects.all()
        return {str(column.site_id): value(column._meta.get_field("boxes"), column) for column in columns}
    except LookupError:  # before the move: a field of the portal settings
        settings = model("PortalSettings").objects.all()
        return {str(item.site_id): value(item._meta.get_field("sidebar"), item) for item in settings}


def home_page() -> dict:
    from django.test import Client

    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    response = Client().get("/", HTTP_HOST=site.hostname)
    html = response.content.decode()
    return {
        "status": response.status_code,
        "hotline shown": "0220 3999 111" in html,
        "new link shown": "Đường dây nóng" in html,
    }


def snapshot() -> dict:
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, Revision

    def label(content_type_id):
        content_type = ContentType.objects.get_for_id(content_type_id)
        return f"{content_type.app_label}.{content_type.model}"

    return {
        "portal settings": rows(model("PortalSettings"), leave_out={"sidebar"}),
        "side columns": side_columns(),
        "menus": rows(model("Menu")),
        "menu items": rows(model("MenuItem")),
        "moved content type ids": {
            name: ContentType.objects.get_for_model(model(name)).pk for name in ("Menu", "MenuItem", "PortalSettings")
        },
        "pages": [
            {**page, "content_type": label(page["content_type"])}
            for page in Page.objects.order_by("path").values(*PAGE_FIELDS, "first_published_at")
        ],
        "revisions": [
            {
                "id": revision.pk,
                "object": f"{label(revision.base_content_type_id)} {revision.object_id}",
                "content": revision.content,
            }
            for revision in Revision.objects.order_by("pk")
        ],
        "group permissions": {
            group.name: sorted(
                f"{permission.content_type_id}:{permission.codename}" for permission in group.permissions.all()
            )
            for group in Group.objects.order_by("name")
        },
        "home page": home_page(),
    }


if __name__ == "__main__":
    main(*sys.argv[1:3])
