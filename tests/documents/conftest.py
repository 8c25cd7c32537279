"""A small library built in each test: a library page, two collections (one can be made private), vocabularies and a
helper that adds documents with a real PDF file."""

import datetime
import io

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest

from demo.pdfs import official_document
from documents.models import (
    DocumentCollectionPage,
    DocumentLibraryPage,
    DocumentType,
    Issuer,
    LegalDocumentFile,
    LegalDocumentPage,
    LegalField,
)


@pytest.fixture
def vocab(db):
    return {
        "qd": DocumentType.objects.get_or_create(slug="qd-test", defaults={"name": "Quyết định (thử)"})[0],
        "kh": DocumentType.objects.get_or_create(slug="kh-test", defaults={"name": "Kế hoạch (thử)"})[0],
        "ubnd": Issuer.objects.get_or_create(slug="ubnd-test", defaults={"name": "UBND huyện (thử)"})[0],
        "hdnd": Issuer.objects.get_or_create(slug="hdnd-test", defaults={"name": "HĐND huyện (thử)"})[0],
        "land": LegalField.objects.get_or_create(slug="dat-dai-test", defaults={"name": "Đất đai (thử)"})[0],
    }


@pytest.fixture
def library(home):
    page = DocumentLibraryPage(title="Văn bản thử", slug="van-ban-thu")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def collections(library):
    found = {}
    for slug, title in [("cua-huyen", "Văn bản của huyện"), ("hdnd", "Tài liệu họp HĐND")]:
        page = DocumentCollectionPage(title=title, slug=slug, kind="council" if slug == "hdnd" else "district")
        library.add_child(instance=page)
        page.save_revision().publish()
        found[slug] = page
    return found


def pdf_file(title: str, number: str, text: str):
    content = official_document(
        issuer="UBND HUYỆN GIA LỘC",
        number=number,
        place="Gia Lộc",
        day=datetime.date(2023, 3, 1),
        kind="QUYẾT ĐỊNH",
        title=title,
        paragraphs=[text],
        signer="Nguyễn Văn A",
    )
    document = get_document_model()(title=title)
    document.file.save(f"{number.replace('/', '-')}.pdf", ContentFile(content), save=False)
    document.save()
    return document


@pytest.fixture
def add_document(collections, vocab, django_capture_on_commit_callbacks):
    def add(number, title="Về việc thử nghiệm", collection="cua-huyen", kind="qd", issuer="ubnd", text="", **fields):
        page = LegalDocumentPage(
            title=title,
            slug=number.lower().replace("/", "-").replace("đ", "d"),
            number=number,
            document_type=vocab[kind],
            issuer=vocab[issuer],
            issued_on=fields.pop("issued_on", datetime.date(2023, 3, 1)),
            **fields,
        )
        with django_capture_on_commit_callbacks(execute=True):
            document = pdf_file(title, number, text or f"Nội dung văn bản {number}. {title}.")
        page.files = [LegalDocumentFile(document=document)]
        collections[collection].add_child(instance=page)
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return add


@pytest.fixture
def upload():
    def make(name, content):
        return io.BytesIO(content), name

    return make
