"""The demo library (loaded once for the session by tests/conftest.py): enough documents in every collection, the
statuses its relations and dates are meant to show, files whose text was read when load_demo committed, and pages
that list, group and find them."""

import pytest
from bs4 import BeautifulSoup

from demo.documents import LIGHTING_SLUG, SESSION_7, SESSION_9, SESSION_12
from demo.portal import DemoPortal
from documents.enums import CollectionKind, LegalStatus, RelationKind
from documents.models import (
    DocumentCollectionPage,
    DocumentLibraryPage,
    DocumentRelation,
    FileText,
    LegalDocumentFile,
    LegalDocumentPage,
)
from gallery.models import AudioIndexPage
from portal.models import Menu, MenuItem

pytestmark = pytest.mark.django_db


def numbers(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [cell.get_text(strip=True) for cell in soup.select(".document-table tbody .document-table__number")]


def statuses():
    return dict(LegalDocumentPage.objects.with_status().values_list("number", "legal_status"))


def test_the_library_holds_over_forty_documents_in_five_collections():
    library = DocumentLibraryPage.objects.get(slug="van-ban")
    assert library.url == "/van-ban/"
    assert LegalDocumentPage.objects.live().descendant_of(library).count() >= 40
    collections = DocumentCollectionPage.objects.child_of(library).live()
    district_shelves = set(CollectionKind.values) - {CollectionKind.COMMUNE}  # a district's portal has no commune shelf
    assert sorted(collections.values_list("kind", flat=True)) == sorted(district_shelves)
    for collection in collections:
        assert LegalDocumentPage.objects.live().child_of(collection).count() >= 6, collection.title


def test_statuses_follow_the_relations_and_dates():
    found = statuses()
    lighting = LegalDocumentPage.objects.with_status().get(slug=LIGHTING_SLUG)
    assert found["22/2022/QĐ-UBND"] == LegalStatus.EXPIRED  # replaced by 31/2024/QĐ-UBND, in force
    assert found["15/CT-UBND"] == LegalStatus.EXPIRED  # replaced by 3240/QĐ-UBND
    assert found["03/2023/NQ-HĐND"] == LegalStatus.PARTLY_EXPIRED  # amended by 09/2024/NQ-HĐND
    assert found["08/2021/QĐ-UBND"] == LegalStatus.EXPIRED  # its expiry date has passed
    assert lighting.legal_status == LegalStatus.NOT_YET
    # Replaced by the decision not yet in force: still in force until that one takes effect.
    assert found["04/2021/QĐ-UBND"] == LegalStatus.IN_FORCE
    assert found["31/2024/QĐ-UBND"] == LegalStatus.IN_FORCE
    kinds = set(DocumentRelation.objects.values_list("kind", flat=True))
    assert {RelationKind.REPLACES, RelationKind.AMENDS, RelationKind.GUIDES, RelationKind.BASED_ON} <= kinds
    assert not LegalDocumentPage.objects.exclude(status_override="").exists()


def test_every_document_has_a_pdf_whose_text_was_read_when_the_load_committed():
    for page in LegalDocumentPage.objects.prefetch_related("files__document"):
        files = list(page.files.all())
        assert files and all(file.is_pdf for file in files), page.number
        texts = FileText.objects.filter(document__in=[file.document_id for file in files])
        assert texts.count() == len(files), page.number
        for text in texts:
            assert text.status == FileText.Status.DONE, (page.number, text.reason)
            assert page.number in text.text, page.number
    used = list(LegalDocumentFile.objects.values_list("document", flat=True))
    assert len(used) == len(set(used)), "each file belongs to one document"
    assert LegalDocumentPage.objects.filter(files__sort_order=1).count() >= 3, "a few documents have an appendix"


@pytest.mark.parametrize(
    ("words", "number"),
    [
        ("mã vận đơn", "125/QĐ-UBND"),
        ("cọc tre", "52/KH-UBND"),
        ("karaoke", "15/CT-UBND"),
        ("Quốc lộ 37", "4012/QĐ-UBND"),
    ],
)
def test_a_phrase_found_only_in_the_files_finds_the_document(client, words, number):
    page = LegalDocumentPage.objects.get(number=number)
    assert words.lower() not in page.title.lower()
    assert number in numbers(client.get("/van-ban/", {"q": words}))


def test_the_library_lists_twenty_documents_a_page(client):
    response = client.get("/van-ban/")
    assert response.status_code == 200
    assert len(numbers(response)) == 20
    total = LegalDocumentPage.objects.live().count()
    last = client.get("/van-ban/", {"page": (total + 19) // 20})
    assert len(numbers(last)) == (total % 20 or 20)


def test_council_documents_are_grouped_by_session(client):
    response = client.get("/van-ban/tai-lieu-hop-hdnd/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [heading.get_text(strip=True) for heading in soup.select(".document-session")]
    assert headings == [SESSION_12, SESSION_9, SESSION_7]


def test_the_menus_open_the_library_and_its_collections():
    library = DocumentLibraryPage.objects.get()
    main = Menu.objects.get(title="Menu chính")
    item = main.items.get(link_page=library)
    assert item.show_children
    children = next(entry for entry in main.get_items() if entry.link_page_id == library.pk).children
    assert len(children) == 5
    links = Menu.objects.get(title="Hệ thống văn bản").items.order_by("sort_order")
    collections = set(DocumentCollectionPage.objects.values_list("pk", flat=True))
    songs = AudioIndexPage.objects.get().pk  # "Các ca khúc về Gia Lộc" sits in this menu on the reference portal
    assert {item.link_page_id for item in links if item.link_page_id} == collections | {songs}


def test_a_portal_loaded_before_the_library_gets_its_menus_linked_once():
    """Menus made by an older demo linked to other sites; loading again points them at the collections."""
    library = DocumentLibraryPage.objects.get()
    menu = Menu.objects.get(title="Hệ thống văn bản")
    menu.items.filter(label="Văn bản QPPL").update(link_page=None, link_url="https://vbpl.vn/", new_window=True)
    MenuItem.objects.filter(link_page=library).delete()
    portal = DemoPortal()
    portal.load()
    assert Menu.objects.get(title="Hệ thống văn bản").items.get(label="Văn bản QPPL").link_page.specific.kind == (
        CollectionKind.NORMATIVE
    )
    main = list(Menu.objects.get(title="Menu chính").items.order_by("sort_order"))
    titles = [item.label or item.link_page.title for item in main]
    assert titles.index("Văn bản") == titles.index("Thông báo") + 1
    assert [item.sort_order for item in main] == list(range(len(main)))
    assert portal.report.created == ["document menus linked to the library"]
    again = DemoPortal()
    again.load()
    assert again.report.created == []
