"""Visitor figures in the admin per portal: a commune's editors see their portal's, the province's office the total
over all portals and the portals ranked, with the same number of queries whatever the number of portals."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest

from province.components import ComponentUnit, UnitKind, create_component_site
from visitors.models import DailyCount

pytestmark = pytest.mark.django_db


def commune(name, key, views):
    site = create_component_site(ComponentUnit(name, UnitKind.COMMUNE, f"{key}.haiphong.gov.vn")).site
    DailyCount.objects.create(site=site, day=timezone.localdate(), views=views, visitors=views // 2)
    return site


@pytest.fixture
def communes():
    DailyCount.objects.all().delete()
    default = Site.objects.get(is_default_site=True)
    DailyCount.objects.create(site=default, day=timezone.localdate(), views=1000, visitors=400)
    return [commune("An Lạc", "anlac", 300), commune("Tân Hưng", "tanhung", 70)]


def dashboard(client):
    return client.get("/admin/").content.decode()


def test_the_province_office_sees_the_total_and_the_portals_ranked(communes, admin_client):
    page = dashboard(admin_client)
    assert "Tất cả 3 cổng" in page
    assert "1.370 lượt xem của 585 người truy cập" in page, "the total over the three portals"
    assert "1.000 lượt xem của 400 người truy cập" in page, "the portal the admin is open on"
    ranking = page[page.index("Cổng có nhiều lượt xem nhất") :]
    assert ranking.index("huyện Gia Lộc") < ranking.index("xã An Lạc") < ranking.index("xã Tân Hưng")


def test_a_commune_editor_sees_only_their_portal(communes, client, django_user_model):
    editor = django_user_model.objects.create_user("bientap-anlac")
    editor.groups.add(Group.objects.get(name="Biên tập viên – Xã An Lạc"))
    client.force_login(editor)
    page = dashboard(client)
    assert "300 lượt xem của 150 người truy cập" in page
    assert "1.000" not in page and "1.370" not in page and "Tân Hưng" not in page


def test_the_dashboard_takes_the_same_queries_with_three_and_six_portals(communes, admin_client):
    dashboard(admin_client)  # warm what is cached per process
    with CaptureQueriesContext(connection) as three:
        dashboard(admin_client)
    for name, key in [("Hồng Phong", "hongphong"), ("Minh Đức", "minhduc"), ("Tiên Lãng", "tienlang")]:
        commune(name, key, 10)
    dashboard(admin_client)
    with CaptureQueriesContext(connection) as six:
        dashboard(admin_client)
    assert "Tất cả 6 cổng" in dashboard(admin_client)
    assert len(six) == len(three), [query["sql"][:120] for query in six.captured_queries]
