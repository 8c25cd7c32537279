"""The Vietnamese translation is complete and its compiled catalogs match their sources."""

import gettext
from pathlib import Path

import polib
import pytest

SITE = Path(__file__).resolve().parents[2] / "site"
CATALOGS = sorted(SITE.glob("*locale/vi/LC_MESSAGES/*.po"))


def test_there_are_vietnamese_catalogs_for_the_portal_and_the_admin():
    names = {path.relative_to(SITE).parts[0] for path in CATALOGS}
    assert names == {"locale", "admin_locale"}


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda path: str(path.relative_to(SITE)))
def test_every_string_is_translated(po_path):
    catalog = polib.pofile(str(po_path))
    missing = [entry.msgid for entry in catalog if not entry.obsolete and (not entry.translated() or entry.fuzzy)]
    assert missing == []


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda path: str(path.relative_to(SITE)))
def test_compiled_catalog_matches_its_source(po_path):
    catalog = polib.pofile(str(po_path))
    with open(po_path.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalog.translated_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            assert compiled._catalog[(key, 0)] == entry.msgstr_plural[0], entry.msgid
        else:
            assert compiled._catalog[key] == entry.msgstr, entry.msgid


@pytest.mark.django_db
def test_admin_is_in_vietnamese(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "Bảng điều khiển" in response.content.decode()


def test_portal_catalog_does_not_change_the_meaning_of_admin_strings():
    """The portal's catalog wins over the admin's; a shared English word must not turn into another meaning there."""
    portal = polib.pofile(str(SITE / "locale/vi/LC_MESSAGES/django.po"))
    admin = {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.pofile(str(SITE / "admin_locale/vi/LC_MESSAGES/django.po"))
    }
    same_meaning = {"Heading 2", "Heading 3", "Heading 4", "slug", "tags", "Skip to main content"}
    differing = [
        entry.msgid
        for entry in portal
        if (entry.msgctxt, entry.msgid) in admin
        and admin[(entry.msgctxt, entry.msgid)].msgstr != entry.msgstr
        and entry.msgid not in same_meaning
    ]
    assert differing == []


def test_djangos_refusals_that_its_catalogue_leaves_in_english_are_vietnamese():
    """A form refusing a null character or a file without an allowed extension speaks the editors' language."""
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.validators import FileExtensionValidator
    from django.forms import CharField
    from django.utils import translation

    with translation.override("vi"):
        with pytest.raises(ValidationError) as null:
            CharField().clean("văn bản\x00")
        with pytest.raises(ValidationError) as extension:
            FileExtensionValidator(["pdf", "docx"])(SimpleUploadedFile("quyet-dinh", b"%PDF-1.7"))
    assert null.value.messages == ["Không được có ký tự rỗng (null)."]
    assert extension.value.messages == [
        "Không chấp nhận tệp có phần mở rộng “”. Các phần mở rộng được phép: pdf, docx."
    ]
