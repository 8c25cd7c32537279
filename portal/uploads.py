"""The one check that an uploaded file holds what its extension says, for every upload form of the portal (legal
documents, video and audio): an executable renamed to .pdf or a web page renamed to .mp4 is refused with a reason."""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _

# What a file of each type starts with. Office files of 2007 and later, OpenDocument files and zip archives are all
# zip containers; the older Word and Excel files are OLE compound files.
ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURES = {
    "pdf": b"%PDF-",
    "doc": OLE,
    "xls": OLE,
    "docx": ZIP,
    "xlsx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "zip": ZIP,
    "webm": b"\x1a\x45\xdf\xa3",  # the EBML mark
    "ogg": b"OggS",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG\r\n\x1a\n",
}
# What the zip container of each office type must hold.
ZIP_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "odt": "content.xml", "ods": "content.xml"}
HEAD_LENGTH = 16


def starts_like(extension: str, head: bytes) -> bool:
    """Whether ``head``, a file's first bytes, is how a file of ``extension`` starts (True for unknown types)."""
    if extension == "mp4":  # an ISO media file: a first box whose type, after its 4-byte size, is "ftyp"
        return head[4:8] == b"ftyp"
    if extension == "mp3":  # an ID3 tag, or straight into an MPEG audio frame (11 bits of sync)
        return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0)
    signature = SIGNATURES.get(extension)
    return signature is None or head.startswith(signature)


def holds_its_part(upload, extension: str) -> bool:
    """For office files (zip containers): whether the archive holds the part of its type."""
    member = ZIP_MEMBERS.get(extension)
    if not member:
        return True
    try:
        with zipfile.ZipFile(upload) as archive:
            return member in archive.namelist()
    except zipfile.BadZipFile:
        return False


def check_content(upload, extension: str):
    """Raise ValidationError unless the file's content is what its extension says."""
    upload.seek(0)
    head = upload.read(HEAD_LENGTH)
    upload.seek(0)
    matches = starts_like(extension, head) and holds_its_part(upload, extension)
    upload.seek(0)
    if not matches:
        raise forms.ValidationError(
            _("This file is not a real .%(extension)s file: its content does not match its name."),
            params={"extension": extension},
            code="content_mismatch",
        )
