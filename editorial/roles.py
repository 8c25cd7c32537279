"""The editorial roles and the approval workflow, as data, applied by migrations.

Three groups with Vietnamese names (the admin shows group names as stored):

- **Biên tập viên** (editor): creates pages and edits drafts, submits them for approval, uploads images, files, video
  and audio. Cannot publish, unpublish or delete.
- **Người duyệt** (approver): approves or rejects what is submitted (with a comment), publishes and unpublishes.
- **Quản trị nội dung** (content administrator): everything editorial — pages, media, the vocabularies, menus, the
  portal settings and side column, redirects, collections and workflows — but not users or groups.

Page permissions are given on the root of the page tree, so they cover every site and section. A portal that wants
an editor per section makes a group with the same permissions on that section's page (Settings → Groups).

The workflow "Duyệt tin" (one group-approval task, approved by Người duyệt or Quản trị nội dung) is assigned to the
root page too, so news, notices, legal documents and every other page go through it when submitted; whoever lacks
the publish permission can only submit.

``apply_roles(apps)`` is idempotent and additive: a later migration may call it again after new models bring new
permissions.
"""

EDITOR = "Biên tập viên"
APPROVER = "Người duyệt"
CONTENT_ADMIN = "Quản trị nội dung"

WORKFLOW_NAME = "Duyệt tin"
TASK_NAME = "Người duyệt phê duyệt"

VOCABULARIES = ["news.newscategory", "documents.documenttype", "documents.issuer", "documents.legalfield"]


CRUD = ("add", "change", "delete", "view")


def perms(actions, *models):
    """``perms(["view"], "news.newscategory")`` → ``["news.view_newscategory"]``."""
    return [f"{app}.{action}_{model}" for app, model in (dotted.split(".") for dotted in models) for action in actions]


# What editors and approvers share: the admin, seeing the vocabularies they pick from, uploading and choosing media.
WRITERS = ["wagtailadmin.access_admin", *perms(["view"], *VOCABULARIES)]
UPLOADS = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailmedia.add_media",
]

ROLES = {
    EDITOR: {
        "model": WRITERS,
        "pages": ["add_page", "change_page"],
        "collections": UPLOADS,
    },
    APPROVER: {
        "model": WRITERS,
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collections": UPLOADS,
    },
    CONTENT_ADMIN: {
        "model": [
            "wagtailadmin.access_admin",
            "portal.change_portalsettings",
            "home.change_sidecolumn",
            *perms(CRUD, *VOCABULARIES, "news.newstag", "portal.menu", "wagtailredirects.redirect"),
            *perms(CRUD, "wagtailcore.collection", "wagtailcore.workflow", "wagtailcore.task"),
        ],
        "pages": ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
        "collections": [
            *perms(CRUD, "wagtailimages.image", "wagtaildocs.document", "wagtailmedia.media"),
            "wagtailimages.choose_image",
            "wagtaildocs.choose_document",
        ],
    },
}

# Wagtail's own starting groups and workflow, replaced by the ones above when nobody uses them.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def ensure_permissions(apps):
    """Permissions are made after migrations by default; the groups need them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, dotted, app_labels=None):
    app_label, codename = dotted.split(".")
    app_label = (app_labels or {}).get(app_label, app_label)
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label=app_label, codename=codename)


def apply_roles(apps, schema_editor=None, app_labels=None):
    """``app_labels`` maps an app's label to the one its models had when an earlier migration runs this (menus and
    the portal settings were the home app's until portal 0001)."""
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    groups = {}
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*(permission(apps, dotted, app_labels) for dotted in grants["model"]))
        if root_page is not None:
            for codename in grants["pages"]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=permission(apps, f"wagtailcore.{codename}")
                )
        if root_collection is not None:
            for dotted in grants["collections"]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(apps, dotted)
                )

    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    if root_page is not None:
        apply_workflow(apps, root_page, [groups[APPROVER], groups[CONTENT_ADMIN]])


def apply_workflow(apps, root_page, approver_groups):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.add(*approver_groups)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    if default is not None and not WorkflowPage.objects.filter(workflow=default).exists():
        default.active = False
        default.save(update_fields=["active"])
        for link in WorkflowTask.objects.filter(workflow=default).select_related("task"):
            if not WorkflowTask.objects.filter(task=link.task).exclude(workflow=default).exists():
                link.task.active = False
                link.task.save(update_fields=["active"])
