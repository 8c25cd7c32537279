"""A component portal made in one step: its own site, tree, identity, menus, side column, collection, editor and
approver groups limited to its tree and collection, and workflow; idempotent; a taken or bad host or name refused."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Revision, Site, Workflow

import pytest

from home.models import HomePage, SideColumn
from news.models import NewsArticlePage
from portal.models import Menu, PortalSettings
from province.components import (
    ABOUT_PAGES,
    ComponentSiteError,
    ComponentUnit,
    UnitKind,
    create_component_site,
)

pytestmark = pytest.mark.django_db

AN_LAC = ComponentUnit("An Lạc", UnitKind.COMMUNE, "anlac.haiphong.gov.vn", phone="0220 3888 111")


def counts():
    return {
        "sites": Site.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "menus": Menu.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "workflows": Workflow.objects.count(),
    }


@pytest.fixture
def an_lac():
    return create_component_site(AN_LAC).site


def test_the_site_answers_at_its_host_with_its_own_tree(an_lac, client):
    home = an_lac.root_page.specific
    assert isinstance(home, HomePage)
    assert home.title == "Cổng thông tin điện tử xã An Lạc"
    live = set(home.get_children().live().values_list("slug", flat=True))
    assert live == {
        "gioi-thieu",
        "tin-tuc",
        "thong-bao",
        "lich-lam-viec",
        "van-ban",
        "thu-vien-anh",
        "video",
        "hoi-dap",
        "lay-y-kien",
        "lien-he",
    }
    library = home.get_children().get(slug="van-ban")
    shelves = dict(library.get_children().live().values_list("slug", "title"))
    assert shelves["van-ban-cua-xa"] == "Văn bản của xã An Lạc"
    assert {"van-ban-cua-tinh", "van-ban-quy-pham-phap-luat"} <= set(shelves)

    for path in ["/", "/gioi-thieu/", "/tin-tuc/", "/thong-bao/", "/lich-lam-viec/", "/van-ban/", "/lien-he/"]:
        response = client.get(path, HTTP_HOST="anlac.haiphong.gov.vn")
        assert response.status_code == 200, path
        assert "xã An Lạc" in response.content.decode(), path


def test_the_pages_a_commune_must_publish_wait_as_drafts(an_lac):
    about = an_lac.root_page.get_children().get(slug="gioi-thieu")
    drafts = about.get_children()
    assert set(drafts.values_list("slug", flat=True)) == {slug for slug, _ in ABOUT_PAGES}
    assert not drafts.live().exists(), "an empty page is never shown to citizens"
    assert all(page.latest_revision_id for page in drafts), "each is a draft an editor opens and writes"


def test_nothing_of_the_demo_shows_on_the_new_site(an_lac, client):
    article = NewsArticlePage.objects.live().first()
    home = client.get("/", HTTP_HOST="anlac.haiphong.gov.vn").content.decode()
    assert article.title not in home
    assert "Gia Lộc" not in home
    assert client.get(f"/tin-tuc/{article.slug}/", HTTP_HOST="anlac.haiphong.gov.vn").status_code == 404
    assert client.get(f"/tin-tuc/{article.slug}/").status_code == 200
    demo_home = client.get("/").content.decode()
    assert "An Lạc" not in demo_home


def test_identity_menus_and_side_column_are_the_units(an_lac):
    portal = PortalSettings.for_site(an_lac)
    assert (portal.unit_name, portal.governing_body, portal.phone) == (
        "Xã An Lạc",
        "Ủy ban nhân dân xã An Lạc",
        "0220 3888 111",
    )
    assert portal.main_menu.title == "Menu chính – Xã An Lạc"
    assert {item.link_page.slug for item in portal.main_menu.items.all()} >= {"gioi-thieu", "tin-tuc", "lien-he"}
    assert all(item.link_page.get_site() == an_lac for item in portal.main_menu.items.all())
    # Citizens reach the questions and the drafts for comment from every page's footer.
    assert {item.link_page.slug for item in portal.footer_menu.items.all()} >= {"hoi-dap", "lay-y-kien"}
    assert [block.block_type for block in SideColumn.for_site(an_lac).boxes] == ["notices", "most_read", "photos"]


def test_its_editors_and_approvers_are_limited_to_its_tree_and_collection(an_lac):
    editors = Group.objects.get(name="Biên tập viên – Xã An Lạc")
    approvers = Group.objects.get(name="Người duyệt – Xã An Lạc")
    collection = Collection.objects.get(name="Xã An Lạc")
    for group in (editors, approvers):
        assert set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True)) == {
            an_lac.root_page_id
        }
        assert set(GroupCollectionPermission.objects.filter(group=group).values_list("collection", flat=True)) == {
            collection.pk
        }
    publish = Permission.objects.get(codename="publish_page")
    assert not GroupPagePermission.objects.filter(group=editors, permission=publish).exists()
    assert GroupPagePermission.objects.filter(group=approvers, permission=publish).exists()

    workflow = an_lac.root_page.get_workflow()
    assert workflow.name == "Duyệt tin – Xã An Lạc"
    task = workflow.tasks.get().specific
    assert approvers in task.groups.all()
    assert editors not in task.groups.all()


def test_making_it_again_changes_nothing(an_lac):
    before = counts()
    outcome = create_component_site(AN_LAC)
    assert outcome.created == []
    assert outcome.site == an_lac
    assert counts() == before


def test_a_missing_part_is_made_again_and_the_rest_kept(an_lac):
    Group.objects.filter(name="Người duyệt – Xã An Lạc").delete()
    contact = an_lac.root_page.get_children().get(slug="lien-he").specific
    contact.title = "Liên hệ với xã"
    contact.save_revision().publish()
    outcome = create_component_site(AN_LAC)
    assert outcome.created == ["nhóm Người duyệt – Xã An Lạc"]
    assert an_lac.root_page.get_children().get(slug="lien-he").title == "Liên hệ với xã"


@pytest.mark.parametrize(
    ("unit", "reason"),
    [
        (ComponentUnit("An Lạc", UnitKind.COMMUNE, "anlac2.haiphong.gov.vn"), "Tên .* đã được dùng"),
        (ComponentUnit("Tân Hưng", UnitKind.COMMUNE, "anlac.haiphong.gov.vn"), "Tên miền .* đã được dùng"),
        (
            ComponentUnit("Tân Hưng", UnitKind.WARD, " AnLac.HaiPhong.gov.vn. "),
            "Tên miền anlac.haiphong.gov.vn đã được dùng",
        ),
    ],
    ids=["name taken", "host taken", "host taken, written otherwise"],
)
def test_a_taken_host_or_name_is_refused_and_nothing_written(an_lac, unit, reason):
    before = counts()
    with pytest.raises(ComponentSiteError, match=reason):
        create_component_site(unit)
    assert counts() == before


@pytest.mark.parametrize(
    "host", ["", "tanhung", "tân-hưng.haiphong.gov.vn", "tan_hung.haiphong.gov.vn", "-tanhung.gov.vn", "10.0.0.1"]
)
def test_a_bad_host_is_refused_with_its_reason(host):
    before = counts()
    with pytest.raises(ComponentSiteError, match="tên miền"):
        create_component_site(ComponentUnit("Tân Hưng", UnitKind.COMMUNE, host))
    assert counts() == before


def test_a_ward_and_a_special_zone_are_named_as_such():
    ward = create_component_site(ComponentUnit("Hồng Bàng", UnitKind.WARD, "hongbang.haiphong.gov.vn")).site
    zone = create_component_site(
        ComponentUnit("Bạch Long Vĩ", UnitKind.SPECIAL_ZONE, "bachlongvi.haiphong.gov.vn")
    ).site
    assert PortalSettings.for_site(ward).unit_name == "Phường Hồng Bàng"
    assert PortalSettings.for_site(zone).governing_body == "Ủy ban nhân dân đặc khu Bạch Long Vĩ"
    assert ward.root_page.get_children().get(slug="van-ban").get_children().filter(slug="van-ban-cua-phuong").exists()


def test_the_command_reports_what_it_made_then_nothing_and_refuses_with_the_reason():
    out = io.StringIO()
    call_command("create_component_site", "An Lạc", kind="xa", host="anlac.haiphong.gov.vn", stdout=out)
    assert "anlac.haiphong.gov.vn" in out.getvalue()
    again = io.StringIO()
    call_command("create_component_site", "An Lạc", kind="xa", host="anlac.haiphong.gov.vn", stdout=again)
    assert "Đã tạo cho Cổng thông tin điện tử xã An Lạc" in out.getvalue()
    assert "Cổng thông tin điện tử xã An Lạc đã có sẵn: không cần làm gì thêm." in again.getvalue()
    with pytest.raises(CommandError, match=r"anlac\.haiphong\.gov\.vn"):
        call_command("create_component_site", "Tân Hưng", kind="xa", host="anlac.haiphong.gov.vn", stdout=io.StringIO())


def test_the_province_portal_is_made_the_same_way_as_the_default_site(site):
    out = io.StringIO()
    call_command("create_province_site", "Hải Phòng", kind="thanh-pho", host="haiphong.gov.vn", stdout=out)
    province = Site.objects.get(hostname="haiphong.gov.vn")
    assert province.is_default_site and not Site.objects.get(pk=site.pk).is_default_site
    assert PortalSettings.for_site(province).governing_body == "Ủy ban nhân dân thành phố Hải Phòng"
    shelves = province.root_page.get_children().get(slug="van-ban").get_children().specific()
    assert {(shelf.slug, shelf.kind) for shelf in shelves} == {
        ("van-ban-cua-thanh-pho", "province"),
        ("van-ban-quy-pham-phap-luat", "normative"),
    }, "its own documents are the province shelf the communes show"
    assert Group.objects.filter(name="Biên tập viên – Thành phố Hải Phòng").exists()
    before = counts()
    call_command("create_province_site", "Hải Phòng", kind="thanh-pho", host="haiphong.gov.vn", stdout=io.StringIO())
    assert counts() == before


def test_a_province_kind_makes_no_component_and_a_commune_kind_no_province():
    from province.components import create_province_site

    before = counts()
    with pytest.raises(ComponentSiteError, match="xã, phường") as refused:
        create_component_site(ComponentUnit("Hải Phòng", UnitKind.CITY, "haiphong.gov.vn"))
    assert refused.value.field == "kind"
    with pytest.raises(ComponentSiteError, match="tỉnh"):
        create_province_site(ComponentUnit("An Lạc", UnitKind.COMMUNE, "anlac.haiphong.gov.vn"))
    assert counts() == before


def test_a_commune_editor_works_in_the_admin_on_their_site_only(an_lac, client, django_user_model):
    editor = django_user_model.objects.create_user("bientap-anlac", password="x")
    editor.groups.add(Group.objects.get(name="Biên tập viên – Xã An Lạc"))
    client.force_login(editor)
    news = an_lac.root_page.get_children().get(slug="tin-tuc")
    assert client.get(f"/admin/pages/{news.pk}/add_subpage/", follow=True).status_code == 200
    assert client.get(f"/admin/pages/add/news/newsarticlepage/{news.pk}/").status_code == 200

    demo_article = NewsArticlePage.objects.live().first()
    assert client.get(f"/admin/pages/{demo_article.pk}/edit/").status_code in (302, 403)
    explorer = client.get("/admin/pages/", follow=True)
    assert explorer.redirect_chain[-1][0] == f"/admin/pages/{an_lac.root_page_id}/", "the explorer opens at their site"
    assert "Cổng thông tin điện tử xã An Lạc" in explorer.content.decode()

    images = client.get("/admin/images/chooser/").content.decode()
    demo_image = demo_article.feature_image
    assert demo_image is not None and demo_image.title not in images, "the demo's images are not offered"


ADMIN_FORM = "/admin/component-sites/new/"
TAN_HUNG = {
    "name": "Tân Hưng",
    "kind": "xa",
    "host": "tanhung.haiphong.gov.vn",
    "email": "",
    "phone": "",
    "address": "",
}


def test_a_province_administrator_makes_a_component_portal_in_the_admin(admin_client):
    assert ADMIN_FORM in admin_client.get("/admin/").content.decode(), "the Settings menu offers it"
    form = admin_client.get(ADMIN_FORM)
    assert form.status_code == 200
    assert "Tạo cổng thông tin" in form.content.decode()

    made = admin_client.post(ADMIN_FORM, TAN_HUNG, follow=True)
    assert made.status_code == 200
    assert "Cổng thông tin điện tử xã Tân Hưng" in made.content.decode()
    site = Site.objects.get(hostname="tanhung.haiphong.gov.vn")
    assert PortalSettings.for_site(site).unit_name == "Xã Tân Hưng"

    again = admin_client.post(ADMIN_FORM, TAN_HUNG, follow=True).content.decode()
    assert "đã có sẵn: không cần làm gì thêm" in again


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"host": "localhost"}, "host", "không phải là tên miền"),
        ({"name": "An Lạc"}, "name", "đã được dùng"),
        ({"host": "anlac.haiphong.gov.vn"}, "host", "đã được dùng"),
        ({"email": "not an address"}, "email", "Nhập một địa chỉ email hợp lệ"),
    ],
)
def test_the_admin_form_names_what_is_wrong_and_makes_nothing(an_lac, admin_client, change, field, message):
    before = counts()
    response = admin_client.post(ADMIN_FORM, {**TAN_HUNG, **change})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert counts() == before


def test_only_who_may_add_sites_sees_the_admin_form(an_lac, client, django_user_model):
    editor = django_user_model.objects.create_user("bientap-anlac")
    editor.groups.add(Group.objects.get(name="Biên tập viên – Xã An Lạc"))
    client.force_login(editor)
    assert ADMIN_FORM not in client.get("/admin/", follow=True).content.decode()
    before = counts()
    assert client.post(ADMIN_FORM, TAN_HUNG).status_code in (302, 403)
    assert counts() == before


def test_a_closed_portal_stays_readable_at_its_addresses_and_nobody_edits_it(an_lac, client, django_user_model):
    editor = django_user_model.objects.create_user("bientap-anlac")
    editor.groups.add(Group.objects.get(name="Biên tập viên – Xã An Lạc"))
    news = an_lac.root_page.get_children().get(slug="tin-tuc")
    before = {"pages": Page.objects.count(), "revisions": Revision.objects.count()}

    out = io.StringIO()
    call_command("close_component_site", "anlac.haiphong.gov.vn", stdout=out)
    assert "lưu trữ" in out.getvalue()
    call_command("close_component_site", "anlac.haiphong.gov.vn", stdout=io.StringIO())  # again: no change

    for path in ["/", "/tin-tuc/", "/lien-he/"]:
        response = client.get(path, HTTP_HOST="anlac.haiphong.gov.vn")
        assert response.status_code == 200
        assert "Cổng thông tin này là trang lưu trữ" in response.content.decode()
    assert "lưu trữ" not in client.get("/").content.decode(), "the other portals are not closed"
    assert {"pages": Page.objects.count(), "revisions": Revision.objects.count()} == before
    assert not Page.objects.descendant_of(an_lac.root_page, inclusive=True).filter(locked=False).exists()

    client.force_login(editor)
    assert client.get(f"/admin/pages/add/news/newsarticlepage/{news.pk}/").status_code in (302, 403)
    assert not GroupPagePermission.objects.filter(group__name__endswith="Xã An Lạc").exists()

    call_command("close_component_site", "anlac.haiphong.gov.vn", reopen=True, stdout=io.StringIO())
    assert client.get(f"/admin/pages/add/news/newsarticlepage/{news.pk}/").status_code == 200
    assert not Page.objects.descendant_of(an_lac.root_page, inclusive=True).filter(locked=True).exists()
    assert PortalSettings.for_site(an_lac).archived_since is None


def test_only_a_component_portal_can_be_closed():
    Site.objects.filter(is_default_site=True).update(hostname="haiphong.gov.vn")
    for host in ["haiphong.gov.vn", "khong-co.haiphong.gov.vn"]:
        with pytest.raises(CommandError, match="Không có cổng thành phần"):
            call_command("close_component_site", host, stdout=io.StringIO())


def test_the_province_office_closes_and_reopens_a_portal_in_the_admin(an_lac, admin_client):
    listing = admin_client.get(ADMIN_FORM).content.decode()
    assert "anlac.haiphong.gov.vn" in listing and "Đóng thành trang lưu trữ" in listing

    closed = admin_client.post(f"/admin/component-sites/{an_lac.pk}/close/", follow=True).content.decode()
    assert "đã đóng" in closed and "Lưu trữ từ ngày" in closed and "Mở lại" in closed
    assert PortalSettings.for_site(an_lac).archived_since is not None

    admin_client.post(f"/admin/component-sites/{an_lac.pk}/reopen/")
    assert PortalSettings.for_site(an_lac).archived_since is None
    assert admin_client.get(f"/admin/component-sites/{an_lac.pk}/close/").status_code == 405
    default = Site.objects.get(is_default_site=True)
    assert admin_client.post(f"/admin/component-sites/{default.pk}/close/").status_code == 404


def test_a_commune_editor_cannot_close_a_portal(an_lac, client, django_user_model):
    editor = django_user_model.objects.create_user("bientap-anlac")
    editor.groups.add(Group.objects.get(name="Biên tập viên – Xã An Lạc"))
    client.force_login(editor)
    assert client.post(f"/admin/component-sites/{an_lac.pk}/close/").status_code in (302, 403)
    assert PortalSettings.for_site(an_lac).archived_since is None
