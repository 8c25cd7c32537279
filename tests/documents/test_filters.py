"""Filters of the library: each alone, combined with a keyword, as shareable addresses; bad values never fail."""

import datetime

import pytest
from bs4 import BeautifulSoup

from documents.enums import RelationKind
from documents.models import DocumentRelation

pytestmark = pytest.mark.django_db


def numbers(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(cell.get_text(strip=True) for cell in soup.select(".document-table__number"))


@pytest.fixture
def shelf(add_document, vocab):
    land = add_document(
        "12/2023/QĐ-UBND",
        title="Ban hành bảng giá đất giai đoạn 2023–2024",
        text="Bảng giá đất áp dụng tại xã Đức Xương và thị trấn Gia Lộc.",
        issued_on=datetime.date(2023, 2, 1),
    )
    land.fields.add(vocab["land"])
    land.save_revision().publish()
    plan = add_document(
        "45/KH-UBND",
        kind="kh",
        title="Kế hoạch chuyển đổi số năm 2024",
        text="Triển khai dịch vụ công trực tuyến toàn trình cho người dân.",
        issued_on=datetime.date(2024, 3, 1),
    )
    council = add_document(
        "15/NQ-HĐND",
        issuer="hdnd",
        collection="hdnd",
        title="Nghị quyết về dự toán ngân sách năm 2024",
        text="Tổng thu ngân sách nhà nước trên địa bàn huyện.",
        issued_on=datetime.date(2023, 12, 20),
        council_session="Kỳ họp thứ 7, HĐND huyện khóa XX",
    )
    replacing = add_document(
        "20/2024/QĐ-UBND", title="Sửa đổi bảng giá đất", text="Điều chỉnh hệ số.", issued_on=datetime.date(2024, 1, 5)
    )
    replacing.relations = [DocumentRelation(kind=RelationKind.REPLACES, target=land)]
    replacing.save_revision().publish()
    return {"land": land, "plan": plan, "council": council, "replacing": replacing}


def test_each_filter_alone(client, library, shelf):
    assert numbers(client, library.url, loai="kh-test") == ["45/KH-UBND"]
    assert numbers(client, library.url, co_quan="hdnd-test") == ["15/NQ-HĐND"]
    assert numbers(client, library.url, linh_vuc="dat-dai-test") == ["12/2023/QĐ-UBND"]
    assert numbers(client, library.url, nam="2024") == ["20/2024/QĐ-UBND", "45/KH-UBND"]
    assert numbers(client, library.url, danh_muc="hdnd") == ["15/NQ-HĐND"]
    assert numbers(client, library.url, tinh_trang="het-hieu-luc") == ["12/2023/QĐ-UBND"]
    assert "12/2023/QĐ-UBND" not in numbers(client, library.url, tinh_trang="con-hieu-luc")


@pytest.mark.parametrize("keyword", ["12/2023/QĐ-UBND", "12/QĐ-UBND", "qd-ubnd 12", "12/2023/qđ-ubnd"])
def test_the_number_in_its_common_spellings(client, library, shelf, keyword):
    assert numbers(client, library.url, q=keyword) == ["12/2023/QĐ-UBND"]


@pytest.mark.parametrize("keyword", ["１２/２０２３/ＱĐ-ＵＢＮＤ", "１２/QĐ-UBND"])
def test_the_number_typed_with_full_width_digits(client, library, shelf, keyword):
    assert numbers(client, library.url, q=keyword) == ["12/2023/QĐ-UBND"]


def test_a_number_saved_with_full_width_digits_is_stored_plain_and_found(client, library, add_document):
    add_document("３４/２０２３/QĐ-UBND", title="Thay thế văn bản số ５６/QĐ-UBND")
    assert numbers(client, library.url, q="34/2023/QĐ-UBND") == ["34/2023/QĐ-UBND"]
    assert numbers(client, library.url, q="56/QĐ-UBND") == ["34/2023/QĐ-UBND"], "and by its title, kept as written"


def test_keyword_finds_the_summary_and_the_text_of_the_files(client, library, shelf):
    assert numbers(client, library.url, q="chuyen doi so") == ["45/KH-UBND"]
    assert numbers(client, library.url, q="toàn trình") == ["45/KH-UBND"], "a word only in the PDF's text"
    assert numbers(client, library.url, q="duc xuong") == ["12/2023/QĐ-UBND"], "folded, only in the PDF's text"


def test_filters_combine_with_a_keyword(client, library, shelf):
    assert numbers(client, library.url, q="gia dat", nam="2024") == ["20/2024/QĐ-UBND"]
    assert numbers(client, library.url, q="gia dat", tinh_trang="con-hieu-luc", loai="qd-test") == ["20/2024/QĐ-UBND"]
    assert numbers(client, library.url, q="gia dat", co_quan="hdnd-test") == []


def test_a_collection_lists_its_own_documents_grouped_by_session(client, collections, shelf):
    response = client.get(collections["hdnd"].url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert [cell.get_text(strip=True) for cell in soup.select(".document-table__number")] == ["15/NQ-HĐND"]
    assert soup.select_one(".document-session").get_text(strip=True) == "Kỳ họp thứ 7, HĐND huyện khóa XX"
    assert not soup.select("select[name=danh_muc]"), "no collection filter inside a collection"


@pytest.mark.parametrize(
    "params",
    [
        {"loai": "khong-co"},
        {"nam": "abc"},
        {"nam": "99999"},
        {"tinh_trang": "<script>"},
        {"danh_muc": "x" * 500},
        {"linh_vuc": "%00"},
        {"q": "x" * 5000},
        {"q": '"" OR 1=1 --'},
        {"q": "NEAR( AND *"},
        {"page": "-3"},
        {"page": "999999"},
    ],
)
def test_bad_filter_values_are_named_and_left_out(client, library, shelf, params):
    response = client.get(library.url, params)
    assert response.status_code == 200
    text = response.content.decode()
    if set(params) - {"page", "q"}:
        assert "nên đã bỏ qua" in text
    assert "<script>" not in text.split("<main", 1)[-1].replace("&lt;script&gt;", "")


def test_every_filter_combination_is_an_address(client, library, shelf):
    url = f"{library.url}?q=gia+dat&loai=qd-test&co_quan=ubnd-test&nam=2024&tinh_trang=con-hieu-luc&page=1"
    assert numbers(client, url) == ["20/2024/QĐ-UBND"]
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select_one("select[name=loai] option[selected]")["value"] == "qd-test"
    assert soup.select_one(".filters--documents input[name=q]")["value"] == "gia dat"


def test_private_collections_are_never_listed(client, library, collections, shelf):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=collections["hdnd"], restriction_type=PageViewRestriction.LOGIN)
    assert "15/NQ-HĐND" not in numbers(client, library.url)
    assert numbers(client, library.url, q="ngan sach") == []
    assert client.get(shelf["council"].url).status_code in (302, 403)
    soup = BeautifulSoup(client.get(library.url).content, "html.parser")
    assert "hdnd" not in [option["value"] for option in soup.select("select[name=danh_muc] option")]


def test_the_site_search_finds_documents_by_number_and_file_text(client, shelf):
    response = client.get("/tim-kiem/", {"q": "qd-ubnd 12", "loai": "document"})
    soup = BeautifulSoup(response.content, "html.parser")
    links = [link["href"] for link in soup.select(".search-results a, .results a") if link.get("href")]
    assert shelf["land"].url in links
    response = client.get("/tim-kiem/", {"q": "dich vu cong truc tuyen toan trinh"})
    assert shelf["plan"].url in response.content.decode()
