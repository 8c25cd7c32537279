"""The library's pages use a fixed number of queries: the same with 3 documents as with 30, and under 45 each (the
side column's boxes included)."""

import datetime
from urllib.parse import urlencode

import pytest

from documents.enums import LegalStatus, RelationKind
from documents.models import DocumentRelation, LegalDocumentFile
from tests.documents.conftest import pdf_file
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

MAX_QUERIES = 45
YEAR = datetime.date(2023, 3, 1)


def urls(library, collections, vocab, document) -> dict[str, str]:
    def listing(**params):
        return f"{library.url}?{urlencode(params)}"

    return {
        "plain": library.url,
        "collection filter": listing(danh_muc="cua-huyen"),
        "type": listing(loai=vocab["qd"].slug),
        "issuer": listing(co_quan=vocab["ubnd"].slug),
        "field": listing(linh_vuc=vocab["land"].slug),
        "year": listing(nam=2023),
        "in force": listing(tinh_trang="con-hieu-luc"),
        "expired": listing(tinh_trang="het-hieu-luc"),
        "keyword": listing(q="thử nghiệm"),
        "number": listing(q="1/QĐ-UBND"),
        "everything": listing(loai=vocab["qd"].slug, nam=2023, tinh_trang="con-hieu-luc", q="thử nghiệm"),
        "page 2": listing(page=2),
        "collection page": collections["cua-huyen"].url,
        "council collection page": collections["hdnd"].url,
        "collection page, filtered": f"{collections['cua-huyen'].url}?{urlencode({'loai': vocab['qd'].slug})}",
        "document page": document.url,
    }


def add_variety(add_document, vocab, document, start, count):
    """``count`` documents of every kind the pages show: both collections, both types and issuers, fields, council
    sessions, expired, replaced and amended ones, a second file, relations to and from ``document``."""
    added = []
    for i in range(start, start + count):
        extra = {}
        if i % 4 == 0:
            extra["expires_on"] = datetime.date(2024, 1, 1)
        if i % 5 == 0:
            extra["status_override"] = LegalStatus.PARTLY_EXPIRED
        if i % 3 == 0:
            extra["relations"] = [DocumentRelation(kind=RelationKind.AMENDS, target=document)]
        elif i % 3 == 1:
            extra["relations"] = [DocumentRelation(kind=RelationKind.BASED_ON, target=document)]
        council = i % 2 == 0
        page = add_document(
            f"{i}/{'NQ-HĐND' if council else 'QĐ-UBND'}",
            collection="hdnd" if council else "cua-huyen",
            kind="kh" if council else "qd",
            issuer="hdnd" if council else "ubnd",
            issued_on=YEAR + datetime.timedelta(days=i),
            fields=[vocab["land"]] if i % 2 else [],
            council_session=f"Kỳ họp thứ {i % 3 + 1}" if council else "",
            **extra,
        )
        added.append(page)
    # A second file on some of them, and more documents that the measured one acts on.
    for page in added[::3]:
        page.files.add(LegalDocumentFile(document=pdf_file(f"Phụ lục {page.number}", f"PL-{page.pk}", "Phụ lục")))
        page.save_revision().publish()
    document.relations = [
        *document.relations.all(),
        *(DocumentRelation(kind=RelationKind.REPLACES, target=page) for page in added[1::4]),
    ]
    document.save_revision().publish()
    return added


def test_library_pages_use_the_same_queries_with_3_and_30_documents(client, library, collections, vocab, add_document):
    # Three documents that every measured listing finds (so that no count is of an empty table): an older one
    # replaced by the second (expired), the second in force, and a council document based on the second.
    older = add_document("1/QĐ-UBND", issued_on=YEAR - datetime.timedelta(days=400), fields=[vocab["land"]])
    document = add_document(
        "2/2023/QĐ-UBND",
        issued_on=YEAR,
        fields=[vocab["land"]],
        relations=[DocumentRelation(kind=RelationKind.REPLACES, target=older)],
    )
    add_document(
        "3/NQ-HĐND",
        collection="hdnd",
        kind="kh",
        issuer="hdnd",
        council_session="Kỳ họp thứ 1",
        relations=[DocumentRelation(kind=RelationKind.BASED_ON, target=document)],
    )
    pages = urls(library, collections, vocab, document)
    for name, url in pages.items():
        content = client.get(url).content.decode()
        assert ("document-relations" if name == "document page" else "document-table") in content, name
    with_3 = {name: count_queries(client, url) for name, url in pages.items()}

    add_variety(add_document, vocab, document, start=4, count=27)
    with_30 = {name: count_queries(client, url) for name, url in pages.items()}

    assert with_30 == with_3
    assert max(with_30.values()) < MAX_QUERIES, with_30
