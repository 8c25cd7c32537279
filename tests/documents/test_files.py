"""Files: allow-listed types whose content matches the name, size limit, text extraction that fails safely, serving
with strict headers, privacy, and download counts."""

import io
import zipfile

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

import docx
import pytest

from documents.extraction import extract
from documents.models import FileDownload, FileText

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
Document = get_document_model()


def upload(admin_client, name, content):
    return admin_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def docx_bytes(text):
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(text)
    document.save(buffer)
    return buffer.getvalue()


def test_a_real_pdf_is_accepted_and_its_text_read(admin_client, add_document, django_capture_on_commit_callbacks):
    page = add_document("50/2023/QĐ-UBND", text="Cánh đồng mẫu lớn ở xã Hoàng Diệu.")
    file = page.files.first().document
    extracted = FileText.objects.get(document=file)
    assert extracted.status == FileText.Status.DONE
    assert "Hoàng Diệu" in extracted.text


def test_docx_text_is_read(django_capture_on_commit_callbacks):
    document = Document(title="Phụ lục")
    document.file.save("phu-luc.docx", ContentFile(docx_bytes("Danh sách thôn Quang Tiền")), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert "Quang Tiền" in FileText.objects.get(document=document).text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("virus.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200),
        ("page.pdf", b"<html><script>alert(1)</script></html>"),
        ("fake.docx", b"PK\x03\x04" + b"\x00" * 100),
        ("fake.xls", b"%PDF-1.4 not a spreadsheet"),
    ],
)
def test_content_that_does_not_match_the_name_is_refused(admin_client, name, content):
    before = Document.objects.count()
    response = upload(admin_client, name, content)
    assert response.status_code == 200
    assert "không khớp với tên tệp" in response.content.decode()
    assert Document.objects.count() == before


@pytest.mark.parametrize("name", ["page.html", "image.svg", "run.exe", "script.js", "data.csv"])
def test_types_outside_the_list_are_refused(admin_client, name):
    before = Document.objects.count()
    response = upload(admin_client, name, b"<svg onload=alert(1)>")
    assert response.status_code == 200
    assert Document.objects.count() == before


def test_files_over_the_size_limit_are_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    before = Document.objects.count()
    response = upload(admin_client, "big.pdf", b"%PDF-1.4\n" + b"0" * 4096)
    assert response.status_code == 200
    assert Document.objects.count() == before


def test_a_corrupt_pdf_is_kept_and_fails_extraction_with_a_reason(
    client, add_document, django_capture_on_commit_callbacks, caplog
):
    page = add_document("51/2023/QĐ-UBND")
    broken = Document(title="Hỏng")
    broken.file.save("hong.pdf", ContentFile(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF garbage"))
    with django_capture_on_commit_callbacks(execute=True):
        broken.save()
    result = FileText.objects.get(document=broken)
    assert result.status == FileText.Status.FAILED and result.reason
    assert "Could not read the text" in caplog.text
    assert Document.objects.filter(pk=broken.pk).exists()
    page.files.create(document=broken)
    page.save_revision().publish()
    assert client.get(page.url).status_code == 200


def test_extraction_stops_at_the_time_limit(add_document, settings):
    page = add_document("52/2023/QĐ-UBND")
    file = page.files.first().document
    FileText.objects.filter(document=file).delete()
    settings.DOCUMENT_TEXT_TIMEOUT = 0.001
    result = extract(file)
    assert result.status == FileText.Status.FAILED
    assert "longer than" in result.reason


def test_types_without_a_reader_are_skipped(django_capture_on_commit_callbacks):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.txt", "x")
    document = Document(title="Hồ sơ")
    document.file.save("ho-so.zip", ContentFile(archive.getvalue()), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert FileText.objects.get(document=document).status == FileText.Status.SKIPPED


def test_files_are_served_with_nosniff_and_a_strict_policy(client, add_document):
    page = add_document("53/2023/QĐ-UBND")
    response = client.get(page.files.first().document.url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_files_of_private_collections_are_not_served_to_the_public(client, admin_client, add_document, collections):
    page = add_document("16/NQ-HĐND", collection="hdnd", issuer="hdnd")
    url = page.files.first().document.url
    PageViewRestriction.objects.create(page=collections["hdnd"], restriction_type=PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 404
    assert admin_client.get(url).status_code == 200
    page.unpublish()
    PageViewRestriction.objects.all().delete()
    assert client.get(url).status_code == 404, "an unpublished document's files are not served either"


def test_downloads_are_counted_once_per_person_and_file(client, add_document):
    page = add_document("54/2023/QĐ-UBND")
    file = page.files.first().document
    client.get(file.url, HTTP_USER_AGENT=BROWSER)
    client.get(file.url, HTTP_USER_AGENT=BROWSER, HTTP_RANGE="bytes=0-1023")
    client.get(file.url, HTTP_USER_AGENT=BROWSER, HTTP_RANGE="bytes=1024-2047")  # the viewer's next part
    client.get(file.url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.head(file.url, HTTP_USER_AGENT=BROWSER)
    assert FileDownload.objects.get(document=file).count == 2


@pytest.mark.parametrize(("name", "make"), [("that.pdf", "pdf"), ("phu-luc.docx", "docx")])
def test_real_files_upload_through_the_admin(admin_client, name, make, django_capture_on_commit_callbacks):
    from tests.documents.conftest import pdf_file

    content = pdf_file("Thử", "1/QĐ-UBND", "Nội dung").file.read() if make == "pdf" else docx_bytes("Nội dung phụ lục")
    before = Document.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, name, content)
    assert response.status_code == 302
    assert Document.objects.count() == before + 1
    assert FileText.objects.get(document=Document.objects.latest("pk")).status == FileText.Status.DONE


def test_the_command_reads_files_without_text_and_reports(add_document):
    import io as _io

    from django.core.management import call_command

    page = add_document("55/2023/QĐ-UBND", text="Đê tả sông Thái Bình")
    FileText.objects.filter(document=page.files.first().document).delete()
    output = _io.StringIO()
    call_command("extract_file_texts", stdout=output)
    assert FileText.objects.get(document=page.files.first().document).status == FileText.Status.DONE
    assert "1" in output.getvalue()
    output = _io.StringIO()
    call_command("extract_file_texts", stdout=output)
    assert output.getvalue().strip() == "Every file already has its text."
