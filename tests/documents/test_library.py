"""The library's table, filters, document pages, status and relations."""

import datetime

from django.core.exceptions import ValidationError

import pytest
from bs4 import BeautifulSoup

from documents.enums import LegalStatus, RelationKind
from documents.models import DocumentRelation, LegalDocumentPage

pytestmark = pytest.mark.django_db
ONE_DAY = datetime.timedelta(days=1)
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        row.select_one(".document-table__number").get_text(strip=True)
        for row in soup.select(".document-table tbody tr")
    ]


def test_table_lists_newest_first_with_status_and_download(client, library, add_document):
    add_document("1/2023/QĐ-UBND", issued_on=datetime.date(2023, 1, 5))
    add_document("2/2023/QĐ-UBND", issued_on=datetime.date(2023, 6, 5))
    response = client.get(library.url)
    assert response.status_code == 200
    assert rows(response) == ["2/2023/QĐ-UBND", "1/2023/QĐ-UBND"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".badge--status-in_force")
    assert soup.select_one(".document-table__files a")["href"].startswith("/documents/")


def make(number="5/2023/QĐ-UBND", **fields):
    """An unsaved document for validation tests."""
    return LegalDocumentPage(title="Thử", slug="thu", number=number, **fields)


@pytest.mark.parametrize("number", ["12/2023/QĐ-UBND", "125/QĐ-UBND", "1234/UBND-NV", "15/NQ-HĐND", "21/TTr-UBND"])
def test_usual_numbers_are_accepted(vocab, number):
    make(number, document_type=vocab["qd"], issuer=vocab["ubnd"]).clean()


@pytest.mark.parametrize("number", ["12-2023-QĐ-UBND", "QĐ-UBND/12", "12/2023/", "12/qđ-ubnd", "12/20233/QĐ-UBND", "x"])
def test_malformed_numbers_are_refused_with_a_reason(vocab, number):
    with pytest.raises(ValidationError) as error:
        make(number, document_type=vocab["qd"], issuer=vocab["ubnd"]).clean()
    assert "12/2023/QĐ-UBND" in str(error.value.message_dict["number"])


def test_a_number_typed_with_full_width_digits_is_kept_plain(vocab):
    document = make("１２/２０２３/ＱĐ-ＵＢＮＤ ", document_type=vocab["qd"], issuer=vocab["ubnd"])
    document.clean()
    assert document.number == "12/2023/QĐ-UBND"


def test_dates_must_be_in_order(vocab):
    issued = datetime.date(2023, 3, 1)
    with pytest.raises(ValidationError) as error:
        make(document_type=vocab["qd"], issuer=vocab["ubnd"], issued_on=issued, effective_on=issued - ONE_DAY).clean()
    assert "effective_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make(document_type=vocab["qd"], issuer=vocab["ubnd"], issued_on=issued, expires_on=issued).clean()
    assert "expires_on" in error.value.message_dict
    make(document_type=vocab["qd"], issuer=vocab["ubnd"], issued_on=issued, expires_on=issued + ONE_DAY).clean()


def test_a_number_is_unique_per_issuer_and_type(add_document, vocab):
    add_document("7/2023/QĐ-UBND")
    with pytest.raises(ValidationError) as error:
        same_year = datetime.date(2023, 4, 1)
        make("7/2023/qđ-ubnd".upper(), document_type=vocab["qd"], issuer=vocab["ubnd"], issued_on=same_year).clean()
    assert "đã có" in str(error.value.message_dict["number"])
    make("7/2023/QĐ-UBND", document_type=vocab["kh"], issuer=vocab["ubnd"]).clean()
    make("7/2023/QĐ-UBND", document_type=vocab["qd"], issuer=vocab["hdnd"]).clean()


def status_of(page, day=None):
    """The status the table shows, checked against the status filter: the page is found under that status only."""
    shown = LegalDocumentPage.objects.with_status(day).get(pk=page.pk).legal_status
    documents = LegalDocumentPage.objects.filter(pk=page.pk)
    filtered = {status for status in LegalStatus if documents.with_status_of(status, day)}
    assert filtered == {shown}
    return shown


def test_status_follows_dates(add_document):
    today = datetime.date(2024, 6, 1)
    future = add_document("1/2024/QĐ-UBND", issued_on=today, effective_on=today + ONE_DAY)
    dated = add_document("2/2023/QĐ-UBND", expires_on=datetime.date(2024, 6, 1))
    plain = add_document("3/2023/QĐ-UBND")
    assert status_of(future, today) == LegalStatus.NOT_YET
    assert status_of(future, today + ONE_DAY) == LegalStatus.IN_FORCE
    assert status_of(dated, today - ONE_DAY) == LegalStatus.IN_FORCE
    assert status_of(dated, today) == LegalStatus.EXPIRED
    assert status_of(plain, today) == LegalStatus.IN_FORCE


def test_status_follows_relations_once_the_newer_document_is_in_force(add_document):
    old = add_document("10/2022/QĐ-UBND", issued_on=datetime.date(2022, 1, 1))
    amended = add_document("11/2022/QĐ-UBND", issued_on=datetime.date(2022, 1, 1))
    newer = add_document(
        "20/2024/QĐ-UBND", issued_on=datetime.date(2024, 1, 10), effective_on=datetime.date(2024, 2, 1)
    )
    DocumentRelation.objects.create(page=newer, target=old, kind=RelationKind.REPLACES)
    DocumentRelation.objects.create(page=newer, target=amended, kind=RelationKind.AMENDS)
    assert status_of(old, datetime.date(2024, 1, 31)) == LegalStatus.IN_FORCE
    assert status_of(old, datetime.date(2024, 2, 1)) == LegalStatus.EXPIRED
    assert status_of(amended, datetime.date(2024, 2, 1)) == LegalStatus.PARTLY_EXPIRED
    newer.unpublish()
    assert status_of(old, datetime.date(2024, 2, 1)) == LegalStatus.IN_FORCE, "an unpublished document acts on nothing"


def test_an_editor_can_set_the_status_by_hand(add_document):
    page = add_document("12/2023/QĐ-UBND", status_override=LegalStatus.PARTLY_EXPIRED)
    assert status_of(page) == LegalStatus.PARTLY_EXPIRED


def test_relations_are_shown_from_both_sides(client, add_document):
    old = add_document("30/2021/QĐ-UBND", title="Quy định cũ về giá đất")
    newer = add_document("31/2024/QĐ-UBND", title="Quy định mới về giá đất")
    newer.relations = [DocumentRelation(kind=RelationKind.REPLACES, target=old)]
    newer.save_revision().publish()
    new_page = BeautifulSoup(client.get(newer.url).content, "html.parser").select_one(".document-relations")
    assert "Thay thế" in new_page.get_text() and "30/2021/QĐ-UBND" in new_page.get_text()
    old_page = BeautifulSoup(client.get(old.url).content, "html.parser")
    assert "Bị thay thế bởi" in old_page.select_one(".document-relations").get_text()
    assert "31/2024/QĐ-UBND" in old_page.select_one(".document-relations").get_text()
    assert old_page.select_one(".badge--status-expired")


def test_document_page_shows_metadata_files_and_download_counts(client, add_document, vocab):
    page = add_document("40/2023/QĐ-UBND", signer="Nguyễn Văn A", signer_title="Chủ tịch")
    page.fields.add(vocab["land"])
    page.save_revision().publish()
    response = client.get(page.url)
    soup = BeautifulSoup(response.content, "html.parser")
    facts = {row.th.get_text(strip=True): row.td.get_text(" ", strip=True) for row in soup.select(".document-facts tr")}
    assert facts["Số/ký hiệu"] == "40/2023/QĐ-UBND"
    assert facts["Người ký"] == "Nguyễn Văn A – Chủ tịch"
    assert facts["Ngày ban hành"] == "01/03/2023"
    assert facts["Lĩnh vực"] == "Đất đai (thử)"
    assert facts["Tình trạng hiệu lực"] == "Còn hiệu lực"
    file_item = soup.select_one(".attachment").get_text(" ", strip=True)
    assert "PDF" in file_item and "KB" in file_item and "0 lượt tải" in file_item
    view = soup.select_one(".attachment a[target=_blank]")
    assert view.get_text(strip=True).startswith("Xem")
    client.get(view["href"], HTTP_USER_AGENT=BROWSER)
    again = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "1 lượt tải" in again.select_one(".attachment").get_text()


def test_the_admin_form_names_each_problem_in_vietnamese(admin_client, collections, vocab, add_document):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    existing = add_document("60/2023/QĐ-UBND")
    url = f"/admin/pages/add/documents/legaldocumentpage/{collections['cua-huyen'].pk}/"
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Về việc thử nghiệm biểu mẫu",
            "slug": "thu-bieu-mau",
            "number": "60/2023/QĐ-UBND",
            "document_type": vocab["qd"].pk,
            "issuer": vocab["ubnd"].pk,
            "issued_on": "2023-03-10",
            "effective_on": "2023-03-01",
            "files": inline_formset([{"document": existing.files.first().document_id, "title": ""}]),
            "relations": inline_formset([]),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Văn bản không thể có hiệu lực trước ngày ban hành." in text
    data["effective_on"] = ""
    text = admin_client.post(url, data).content.decode()
    assert "đã có" in text and "60/2023/QĐ-UBND" in text
    data["number"] = "61/2023/QĐ-UBND"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert LegalDocumentPage.objects.filter(number="61/2023/QĐ-UBND").exists()


def test_numbers_without_a_year_restart_every_year(add_document, vocab):
    add_document("8/QĐ-UBND", issued_on=datetime.date(2023, 5, 1))
    make("8/QĐ-UBND", document_type=vocab["qd"], issuer=vocab["ubnd"], issued_on=datetime.date(2024, 1, 3)).clean()
    with pytest.raises(ValidationError) as error:
        make("8/QĐ-UBND", document_type=vocab["qd"], issuer=vocab["ubnd"], issued_on=datetime.date(2023, 9, 1)).clean()
    assert "trong năm 2023" in str(error.value.message_dict["number"])


def test_an_expired_law_reads_het_hieu_luc_while_a_notice_past_its_deadline_reads_da_het_han(client, add_document):
    page = add_document("7/2020/QĐ-UBND", issued_on=datetime.date(2020, 1, 5), expires_on=datetime.date(2021, 1, 1))
    assert str(LegalStatus.EXPIRED.label) == "Hết hiệu lực"
    assert str(LegalStatus.PARTLY_EXPIRED.label) == "Hết hiệu lực một phần"
    text = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ", strip=True)
    assert "Hết hiệu lực" in text
    assert "Đã hết hạn" not in text
    notices = BeautifulSoup(client.get("/thong-bao/?tinh_trang=het-han").content, "html.parser").get_text(" ")
    assert "Đã hết hạn" in notices
