"""The admin of comments on drafts: the list with its filters, publishing or declining a comment (which the public
page then shows at once), the counts per draft, the CSV and XLSX export for the drafting office, and each portal's
editors seeing their own portal's comments only."""

import csv
import io

from django.contrib.auth.models import Group
from django.test import Client, override_settings

import openpyxl
import pytest

from consultations.enums import CommentStatus
from consultations.models import DraftComment, DraftIndexPage
from pagecache import store
from province.components import ComponentUnit, UnitKind, create_component_site
from tests.consultations.conftest import make_draft, post_comment

pytestmark = pytest.mark.django_db
INDEX = "/admin/gop-y-du-thao/"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quantri-gopy", password="x"))
    return client


@pytest.fixture
def an_lac(db):
    site = create_component_site(ComponentUnit("An Lạc", UnitKind.COMMUNE, "anlac.haiphong.gov.vn")).site
    index = DraftIndexPage.objects.descendant_of(site.root_page).get()
    draft = make_draft(index, "du-thao-cua-xa", title="Dự thảo quy chế của xã An Lạc")
    DraftComment.objects.create(draft=draft, site=site, text="Góp ý của xã An Lạc", name="Hà", submission_key="anlac-1")
    return site


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


def user_in(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_list_filters_by_draft_and_status(admin_client, open_draft):
    page = admin_client.get(INDEX).content.decode()
    assert "Hội Cựu chiến binh" in page or "Đề nghị dành một tuyến đường" in page
    pending = admin_client.get(INDEX, {"draft": open_draft.pk, "status": "pending"}).content.decode()
    assert "thời hạn hoàn thành việc gắn biển" in pending
    assert "Đề nghị dành một tuyến đường" not in pending


def test_publishing_a_comment_shows_it_and_empties_the_page_cache(
    admin_client, open_draft, django_capture_on_commit_callbacks
):
    client = Client()
    comment = open_draft.comments.get(status=CommentStatus.PENDING)
    assert comment.text not in client.get(open_draft.url).content.decode(), "waiting comments are not shown"
    url = f"{INDEX}moderate/{comment.pk}/publish/"
    assert admin_client.get(url).status_code == 200
    generation = store.generation()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"next": INDEX, "moderation_note": "Hợp lệ"})
    assert response.status_code == 302 and response["Location"] == INDEX
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.moderated_at and comment.moderation_note == "Hợp lệ"
    assert store.generation() != generation
    assert comment.text in client.get(open_draft.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"{INDEX}moderate/{comment.pk}/decline/", {"next": "https://evil.example/"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert comment.text not in client.get(open_draft.url).content.decode()


def test_a_new_waiting_comment_leaves_the_page_cache_alone(client, open_draft, django_capture_on_commit_callbacks):
    generation = store.generation()
    with django_capture_on_commit_callbacks(execute=True):
        assert post_comment(client, open_draft).status_code == 303
    assert store.generation() == generation


def test_the_edit_form_moderates_too(admin_client, open_draft):
    comment = open_draft.comments.get(status=CommentStatus.PENDING)
    response = admin_client.post(f"{INDEX}edit/{comment.pk}/", {"status": "rejected", "moderation_note": "Trùng lặp"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderation_note) == ("rejected", "Trùng lặp")
    assert admin_client.get(f"{INDEX}inspect/{comment.pk}/").status_code == 200
    assert admin_client.get(f"{INDEX}new/").status_code in (302, 403), "nobody writes comments in the admin"


def test_the_counts_per_draft(admin_client, open_draft):
    page = admin_client.get(f"{INDEX}drafts/").content.decode()
    assert open_draft.title in page
    rows = csv_rows(admin_client.get(f"{INDEX}drafts/", {"export": "csv"}))
    row = next(row for row in rows[1:] if row[0] == open_draft.title)
    assert row[4:] == ["1", "2", "0", "3"], "awaiting, published, declined, all"


def test_every_comment_exports_as_csv_and_xlsx(admin_client, open_draft):
    for number in range(60):  # more than a page of the listing
        DraftComment.objects.create(
            draft=open_draft, site_id=open_draft.get_site().pk, text=f"Ý kiến số {number}", submission_key=f"x{number}"
        )
    comments = DraftComment.objects.filter(draft=open_draft).count()
    response = admin_client.get(INDEX, {"draft": open_draft.pk, "export": "csv"})
    assert response["Content-Disposition"].startswith("attachment")
    rows = csv_rows(response)
    assert len(rows) == comments + 1
    assert any("Ý kiến số 59" in row for row in rows)

    response = admin_client.get(INDEX, {"draft": open_draft.pk, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    table = list(sheet.iter_rows(values_only=True))
    assert len(table) == comments + 1
    texts = {row[table[0].index(heading)] for row in table[1:] for heading in table[0] if heading and row}
    assert "Ý kiến số 0" in texts
    assert "0220 3852 000" in texts, "the drafting office gets the contacts"


def test_a_commune_editor_sees_their_own_comments_only(client, django_user_model, an_lac, open_draft):
    editor = user_in(django_user_model, "Biên tập viên – Xã An Lạc", "bientap-anlac-gopy")
    client.force_login(editor)
    page = client.get(INDEX).content.decode()
    assert "Góp ý của xã An Lạc" in page
    assert "Đề nghị dành một tuyến đường" not in page and "thời hạn hoàn thành" not in page
    exported = body(client.get(INDEX, {"export": "csv"})).decode("utf-8-sig")
    assert "Góp ý của xã An Lạc" in exported and "thời hạn hoàn thành" not in exported
    counts = client.get(f"{INDEX}drafts/").content.decode()
    assert "Dự thảo quy chế của xã An Lạc" in counts and open_draft.title not in counts
    other = open_draft.comments.first()
    assert client.get(f"{INDEX}inspect/{other.pk}/").status_code == 404
    assert client.get(f"{INDEX}edit/{other.pk}/").status_code == 404
    assert client.get(f"{INDEX}history/{other.pk}/").status_code == 404


def test_a_commune_approver_moderates_their_own_comments_only(client, django_user_model, an_lac, open_draft):
    client.force_login(user_in(django_user_model, "Người duyệt – Xã An Lạc", "duyet-anlac-gopy"))
    own = DraftComment.objects.get(submission_key="anlac-1")
    assert client.post(f"{INDEX}moderate/{own.pk}/publish/").status_code == 302
    own.refresh_from_db()
    assert own.status == CommentStatus.APPROVED
    other = open_draft.comments.get(status=CommentStatus.PENDING)
    assert client.post(f"{INDEX}moderate/{other.pk}/publish/").status_code == 404
    other.refresh_from_db()
    assert other.status == CommentStatus.PENDING


@override_settings(ALLOWED_HOSTS=["*"])
def test_a_new_component_portal_has_the_section(an_lac, client):
    response = client.get("/lay-y-kien/", HTTP_HOST="anlac.haiphong.gov.vn")
    assert response.status_code == 200
    assert "Dự thảo quy chế của xã An Lạc" in response.content.decode()
