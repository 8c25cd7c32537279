"""The editorial groups made by the migration, and what each may do."""

from django.contrib.auth.models import Group

from wagtail.models import Collection, Page, Workflow

import pytest

from documents.models import LegalDocumentPage
from editorial import roles
from news.models import NewsArticlePage
from notices.models import NoticePage

from .conftest import client_for


@pytest.mark.django_db
def test_the_three_groups_exist_with_vietnamese_names_and_wagtails_english_ones_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Biên tập viên", "Người duyệt", "Quản trị nội dung"} <= names
    assert not names & {"Editors", "Moderators"}


@pytest.mark.parametrize(
    ("fixture", "publish", "delete_section", "lock"),
    [("editor", False, False, False), ("approver", True, False, True), ("content_admin", True, True, True)],
)
@pytest.mark.django_db
def test_page_permissions_of_each_role(request, fixture, publish, delete_section, lock):
    """Wagtail lets whoever may publish a live page delete it when it has no sub-pages; a whole section with its
    pages needs the bulk-delete permission, which only the content administrator has."""
    user = request.getfixturevalue(fixture)
    for model in (NewsArticlePage, NoticePage, LegalDocumentPage):
        page = model.objects.live().first()
        permissions = page.permissions_for_user(user)
        assert permissions.can_edit(), model
        assert permissions.can_publish() is publish, model
        assert permissions.can_unpublish() is publish, model
        assert permissions.can_delete() is publish, model
        assert permissions.can_lock() is lock, model
        section = page.get_parent()
        assert section.permissions_for_user(user).can_add_subpage(), model
        assert section.permissions_for_user(user).can_delete() is delete_section, model


@pytest.mark.django_db
def test_every_role_uploads_images_documents_and_media(editor, approver, content_admin):
    root = Collection.get_first_root_node()
    for user in (editor, approver, content_admin):
        for permission in ("wagtailimages.add_image", "wagtaildocs.add_document", "wagtailmedia.add_media"):
            app_label, codename = permission.split(".")
            assert user.groups.filter(
                collection_permissions__collection=root,
                collection_permissions__permission__codename=codename,
                collection_permissions__permission__content_type__app_label=app_label,
            ).exists(), (user, permission)


@pytest.mark.django_db
def test_only_the_content_administrator_manages_vocabularies_menus_and_settings(editor, approver, content_admin):
    for user in (editor, approver):
        assert user.has_perm("news.view_newscategory")
        assert not user.has_perm("news.add_newscategory")
        assert not user.has_perm("portal.change_menu")
        assert not user.has_perm("portal.change_portalsettings")
        assert not user.has_perm("home.change_sidecolumn")
    for permission in (
        "news.add_newscategory",
        "documents.change_issuer",
        "portal.change_menu",
        "portal.change_portalsettings",
        "home.change_sidecolumn",
        "wagtailredirects.add_redirect",
        "wagtailcore.change_workflow",
    ):
        assert content_admin.has_perm(permission), permission
    for user in (editor, approver, content_admin):
        assert not user.has_perm("auth.change_user")
        assert not user.has_perm("auth.change_group")


@pytest.mark.parametrize(
    ("fixture", "url", "status"),
    [
        ("editor", "/admin/", 200),
        ("editor", "/admin/snippets/news/newscategory/add/", 302),
        ("editor", "/admin/settings/portal/portalsettings/", 302),
        ("editor", "/admin/settings/home/sidecolumn/", 302),
        ("editor", "/admin/users/", 302),
        ("approver", "/admin/users/", 302),
        ("content_admin", "/admin/snippets/news/newscategory/add/", 200),
        ("content_admin", "/admin/settings/portal/portalsettings/", 302),  # redirects to the default site's form
        ("content_admin", "/admin/settings/home/sidecolumn/", 302),
        ("content_admin", "/admin/settings/home/portalsettings/", 301),  # the address before the settings moved
        ("content_admin", "/admin/users/", 302),
        ("content_admin", "/admin/workflows/list/", 200),
    ],
)
@pytest.mark.django_db
def test_admin_screens_each_role_reaches(request, fixture, url, status):
    response = client_for(request.getfixturevalue(fixture)).get(url)
    assert response.status_code == status
    if status == 302 and "settings" not in url:
        assert response.url == "/admin/"  # Wagtail sends users without the permission back to the dashboard


@pytest.mark.parametrize("setting", ["portal/portalsettings", "home/sidecolumn"])
@pytest.mark.django_db
def test_content_administrator_opens_the_portal_settings_and_the_side_column(content_admin, setting):
    client = client_for(content_admin)
    response = client.get(f"/admin/settings/{setting}/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(f"/admin/settings/{setting}/")


@pytest.mark.django_db
def test_news_notices_and_documents_go_through_the_approval_workflow():
    workflow = Workflow.objects.get(name=roles.WORKFLOW_NAME)
    assert workflow.active
    [task] = [task.specific for task in workflow.tasks]
    assert set(task.groups.values_list("name", flat=True)) == {roles.APPROVER, roles.CONTENT_ADMIN}
    for model in (NewsArticlePage, NoticePage, LegalDocumentPage):
        assert model.objects.first().get_workflow() == workflow, model
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert Page.get_first_root_node().get_workflow() == workflow


@pytest.mark.django_db
def test_applying_the_roles_again_changes_nothing():
    from django.apps import apps

    counts = [(group.name, group.permissions.count(), group.page_permissions.count()) for group in Group.objects.all()]
    roles.apply_roles(apps)
    assert [
        (group.name, group.permissions.count(), group.page_permissions.count()) for group in Group.objects.all()
    ] == counts
    assert Workflow.objects.filter(name=roles.WORKFLOW_NAME).count() == 1
