"""The editorial roles and the approval workflow, as data, applied by migrations.

Three groups with Vietnamese names (the admin shows group names as stored):

- **Biên tập viên** (editor): creates pages and edits drafts, submits them for approval, uploads images, files, video
  and audio. Cannot publish, unpublish or delete.
- **Người duyệt** (approver): approves or rejects what is submitted (with a comment), publishes and unpublishes.
- **Quản trị nội dung** (content administrator): everything editorial — pages, media, the vocabularies, menus, the
  portal settings and side column, redirects, collections and workflows — but not users or groups.

Page permissions are given on the root of the page tree, so they cover every site and section. A portal that wants
an editor per section makes a group with the same permissions on that section's page (Settings → Groups).

A component portal of the province (province/components.py) has groups of its own, "Biên tập viên – <unit>" and
"Người duyệt – <unit>", with the same grants on its home page and collection only, and a workflow of its own
(``apply_unit_roles``).

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


# What citizens send (questions, comments on drafts): editors and approvers handle it, on their own sites' only
# (the admin views filter by site); nobody adds or deletes it by hand.
CITIZEN_INPUT = ["questions.question", "consultations.draftcomment"]

# What editors and approvers share: the admin, seeing the vocabularies they pick from, uploading and choosing media,
# handling citizens' input.
WRITERS = [
    "wagtailadmin.access_admin",
    *perms(["view"], *VOCABULARIES, "questions.questiontopic"),
    *perms(["view", "change"], *CITIZEN_INPUT),
]
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
            *perms(CRUD, "questions.questiontopic"),
            *perms(["view", "change"], *CITIZEN_INPUT),
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


def existing_permissions(apps, dotted_names, app_labels=None) -> list:
    """The permissions of ``dotted_names`` whose models exist at this point of the migrations; a model added later
    (the citizens' input) is granted by the migration that follows it (editorial 0003)."""
    Permission = apps.get_model("auth", "Permission")
    found = []
    for dotted in dotted_names:
        app_label, codename = dotted.split(".")
        app_label = (app_labels or {}).get(app_label, app_label)
        found += Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return found


def apply_roles(apps, schema_editor=None, app_labels=None):
    """``app_labels`` maps an app's label to the one its models had when an earlier migration runs this (menus and
    the portal settings were the home app's until portal 0001)."""
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    groups = {name: grant(apps, name, grants, root_page, root_collection, app_labels) for name, grants in ROLES.items()}
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    if root_page is not None:
        apply_workflow(apps, root_page, [groups[APPROVER], groups[CONTENT_ADMIN]])


def grant(apps, name, grants, page, collection, app_labels=None):
    """The group called ``name`` with the model permissions of ``grants``, its page permissions on ``page`` and its
    collection permissions on ``collection`` (and what lies below them); made if missing, only ever added to."""
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
    group.permissions.add(*existing_permissions(apps, grants["model"], app_labels))
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    if page is not None:
        for codename in grants["pages"]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission(apps, f"wagtailcore.{codename}")
            )
    if collection is not None:
        for dotted in grants["collections"]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission(apps, dotted)
            )
    return group


def unit_group_names(unit: str) -> tuple[str, str]:
    """The editor and approver groups of one unit's site: ("Biên tập viên – Xã An Lạc", "Người duyệt – Xã An Lạc")."""
    return f"{EDITOR} – {unit}", f"{APPROVER} – {unit}"


def apply_unit_roles(apps, unit: str, home_page, collection):
    """The editors and approvers of one site: the editor and approver grants above, on that site's home page and
    collection only, and the site's own workflow "Duyệt tin – <unit>", approved by its approvers (and the content
    administrators, who look after every site). Idempotent. Returns the (editor, approver) groups."""
    editor_name, approver_name = unit_group_names(unit)
    editors = grant(apps, editor_name, ROLES[EDITOR], home_page, collection)
    approvers = grant(apps, approver_name, ROLES[APPROVER], home_page, collection)
    content_admins = apps.get_model("auth", "Group").objects.filter(name=CONTENT_ADMIN)
    assign_workflow(
        apps,
        home_page,
        [approvers, *content_admins],
        workflow_name=f"{WORKFLOW_NAME} – {unit}",
        task_name=f"{approver_name} phê duyệt",
    )
    return editors, approvers


def assign_workflow(apps, page, approver_groups, workflow_name=WORKFLOW_NAME, task_name=TASK_NAME):
    """The workflow called ``workflow_name`` (one group-approval task) on ``page`` and the pages below it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=task_name, content_type=content_type, active=True)
    task.groups.add(*approver_groups)
    workflow, _ = Workflow.objects.get_or_create(name=workflow_name, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def apply_workflow(apps, root_page, approver_groups):
    """ "Duyệt tin" on the root page, and Wagtail's own starting workflow switched off when no page uses it."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    assign_workflow(apps, root_page, approver_groups)

    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
    if default is not None and not WorkflowPage.objects.filter(workflow=default).exists():
        default.active = False
        default.save(update_fields=["active"])
        for link in WorkflowTask.objects.filter(workflow=default).select_related("task"):
            if not WorkflowTask.objects.filter(task=link.task).exclude(workflow=default).exists():
                link.task.active = False
                link.task.save(update_fields=["active"])
