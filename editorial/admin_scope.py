"""The admin as the editors and approvers of part of the tree see it (a commune's, whose roles are on their
portal's home page): their own sites only, in the same number of queries whatever the number of sites.

Wagtail limits what a user whose roles are on some sites only (``editorial.roles.apply_unit_roles``: the editor and
approver groups of one component portal) may change, but some admin places list every site, page, user or collection
of the installation, and some take one query per site. This module narrows them to the user's sites and keeps their
number of queries the same with 15 or 150 component portals (``tests/province/test_roles_at_scale.py``):

- the page explorer: the listing filters offer only the user's sites, and the owners and editors of their pages; a
  page outside their sites sends them back to their own part of the tree, as Wagtail does for a single site
  (``SitePageViewSet``, registered for every page type);
- the page chooser, browsing and searching: only the pages of the user's sites and the pages above them, with each
  page's status read in the listing's queries rather than in queries of its own;
- the dashboard: "Awaiting your review" asks whether the user approves each site's approval task in one query instead
  of one per task, and the page count is that of the user's sites;
- the media chooser: each item's collection is read with the items, and the collection menu offers only the user's
  collections (wagtailmedia lists them all; the template ``wagtailadmin/shared/collection_chooser.html``, which only
  wagtailmedia uses, reads them through the ``collections_for_user`` filter).

The hooks are registered in ``editorial/wagtail_hooks.py``.

A user with a role on the root page (the province's office, the content administrators) or a superuser sees
everything, as before.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect

from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import GroupApprovalTask, Page, PageLogEntry, Site
from wagtail.permissions import page_permission_policy

from wagtailmedia import get_permission_policy as media_permission_policy

ROLE_PATHS_CACHE = "_editorial_role_paths"


def role_paths(user) -> tuple[str, ...] | None:
    """The tree paths of the pages the user's roles are given on (their sites' home pages, or sections), or ``None``
    when their roles cover the whole tree: a superuser, or a role on the root page. Read from the page permissions
    Wagtail keeps on the user for the request, so usually without a query."""
    if user.is_superuser:
        return None
    if not hasattr(user, ROLE_PATHS_CACHE):
        pages = page_permission_policy.instances_with_direct_explore_permission(user)
        paths = tuple(sorted({page.path for page in pages}))
        setattr(user, ROLE_PATHS_CACHE, None if any(len(path) == Page.steplen for path in paths) else paths)
    return getattr(user, ROLE_PATHS_CACHE)


def under(paths, field="path") -> Q:
    """Rows whose ``field`` is the path of a page at or below one of ``paths``; nothing when there are none."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def around(paths, field="path") -> Q:
    """At or below one of ``paths``, or on the way down to one: the pages a user browses through to their own."""
    ancestors = {path[:end] for path in paths for end in range(Page.steplen, len(path), Page.steplen)}
    return under(paths, field) | Q(**{f"{field}__in": sorted(ancestors)})


def reachable(path: str, paths) -> bool:
    """Whether the page at ``path`` is at or below one of ``paths``, or on the way down to one."""
    return any(path.startswith(own) or own.startswith(path) for own in paths)


def sites_for_user(user):
    """The sites whose pages the user works on: all of them for the province's office."""
    paths = role_paths(user)
    sites = Site.objects.all() if paths is None else Site.objects.filter(around(paths, "root_page__path"))
    return sites.order_by("hostname", "port")


class SitePageFilterSet(GenericPageFilterSet):
    """Wagtail's page listing filters, offering only the user's sites, and as owners and editors only the people who
    own or edited pages of those sites."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        paths = role_paths(user) if user is not None else None
        if paths is None:
            return
        users = get_user_model().objects.order_by()
        edits = PageLogEntry.objects.filter(under(paths, "page__path"), action="wagtail.edit")
        self.filters["site"].queryset = sites_for_user(user)
        self.filters["owner"].queryset = users.filter(pk__in=Page.objects.filter(under(paths)).values("owner_id"))
        self.filters["edited_by"].queryset = users.filter(pk__in=edits.values("user_id"))


class SiteExplorableIndexView(ExplorableIndexView):
    """The explorer; a page outside the user's sites sends them to their own part of the tree."""

    def get(self, request, parent_page_id=None):
        paths = role_paths(request.user)
        if parent_page_id and paths is not None:
            path = Page.objects.filter(pk=parent_page_id).values_list("path", flat=True).first()
            if path is not None and not reachable(path, paths):
                root = self.permission_policy.explorable_root_instance(request.user)
                return redirect(self.index_url_name, root.pk)
        return super().get(request, parent_page_id)


class SitePageViewSet(PageViewSet):
    """Wagtail's page views with the explorer above; registered for the base page type, it serves every page type
    that has no viewset of its own (a page type's own viewset should reuse ``SitePageFilterSet``)."""

    name = "editorial_pages"
    model = Page
    index_view_class = SiteExplorableIndexView
    filterset_class = SitePageFilterSet


def chooser_pages(pages, request):
    """The page chooser's pages: those of the user's sites and the pages above them, with what their status needs."""
    paths = role_paths(request.user)
    if paths is not None:
        pages = pages.filter(around(paths))
    return pages.annotate_approved_schedule().prefetch_workflow_states()


def prime_review_checks(user):
    """Answer, in one query, whether ``user`` is in the groups of each active approval task, where Wagtail's group
    approval task keeps that answer for the request (``AbstractGroupApprovalTask._user_in_groups``); Wagtail asks it
    task by task, and each component portal has a task of its own."""
    if user.is_superuser:
        return
    in_groups = GroupApprovalTask.groups.through.objects.filter(groupapprovaltask_id=OuterRef("pk"), group__user=user)
    checks = getattr(user, "_group_approval_task_checks", None) or {}
    tasks = GroupApprovalTask.objects.filter(active=True).annotate(member=Exists(in_groups))
    checks.update(tasks.values_list("pk", "member"))
    user._group_approval_task_checks = checks


class ObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    """The panel "Awaiting your review", in the same number of queries whatever the number of approval tasks."""

    def get_context_data(self, parent_context):
        prime_review_checks(parent_context["request"].user)
        return super().get_context_data(parent_context)


def replace_moderation_panel(request, panels):
    panels[:] = [
        ObjectsToModeratePanel() if type(panel) is WorkflowObjectsToModeratePanel else panel for panel in panels
    ]


class SitePagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count: the pages the user's roles cover (Wagtail counts the whole tree below the page
    their sites have in common, which for a user of several communes is every site's pages)."""

    def get_context_data(self, parent_context):
        paths = role_paths(self.request.user)
        if paths is None:
            return super().get_context_data(parent_context)
        site = get_site_for_user(self.request.user)
        return {
            "root_page": site["root_page"],
            "total_pages": Page.objects.filter(under(paths)).count(),
            "site_name": site["site_name"],
        }


def replace_pages_summary(request, items):
    items[:] = [SitePagesSummaryItem(request) if type(item) is PagesSummaryItem else item for item in items]


def chooser_media(media, request):
    """The media chooser's items (already those the user may change) with their collection, which each row shows."""
    return media.select_related("collection")


def collections_for_user(collections, user):
    """Of ``collections``, those where ``user`` may add, change or delete media; all of them for a superuser."""
    usable = media_permission_policy().collections_user_has_any_permission_for(user, ["add", "change", "delete"])
    return collections.filter(pk__in=usable.values("pk"))


# Wagtail's reports that list every portal's workflows, tasks or pages whatever the user's roles, with no extension
# point to narrow them: not offered to, and refused for, whoever works on some portals only.
WHOLE_TREE_REPORTS = {
    "workflows": ("workflow", "workflow_results"),
    "workflow-tasks": ("workflow_tasks", "workflow_tasks_results"),
    "page-types-usage": ("page_types_usage", "page_types_usage_results"),
}
WHOLE_TREE_REPORT_VIEWS = {f"wagtailadmin_reports:{name}" for names in WHOLE_TREE_REPORTS.values() for name in names}


def hide_whole_tree_reports(request, menu_items):
    if role_paths(request.user) is not None:
        menu_items[:] = [item for item in menu_items if item.name not in WHOLE_TREE_REPORTS]


class WholeTreeReportsMiddleware:
    """Refuses the reports of ``WHOLE_TREE_REPORTS`` to a user whose roles are on some portals only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match, user = request.resolver_match, getattr(request, "user", None)
        in_question = match and match.view_name in WHOLE_TREE_REPORT_VIEWS and user and user.is_authenticated
        if in_question and role_paths(user) is not None:
            raise PermissionDenied
        return None
