"""Writing import files and running the import in tests."""

import io
import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from importer.run import Importer

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import-example"


def write(folder: Path, *records, name="content.jsonl") -> Path:
    """A JSON Lines file: dicts are written as JSON, strings as they are (to write broken lines)."""
    path = folder / name
    lines = [record if isinstance(record, str) else json.dumps(record, ensure_ascii=False) for record in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path: Path, dry_run=False):
    """The summary of importing ``path``."""
    return Importer(path, dry_run=dry_run).run()


def command(path: Path, *args):
    """Run ``manage.py import_content``: (exit status, stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_content", str(path), *args, stdout=stdout, stderr=stderr)
        status = 0
    except CommandError as error:
        stderr.write(str(error))
        status = error.returncode
    return status, stdout.getvalue(), stderr.getvalue()


def news(ident="tin-1", **fields):
    record = {
        "type": "news",
        "id": ident,
        "title": f"Tin nhập khẩu {ident}",
        "lead": "Tóm tắt của tin.",
        "body": "<p>Nội dung tin.</p>",
        "date": "2019-12-26T09:30:00",
        "categories": ["Cải cách hành chính"],
    }
    record.update(fields)
    return record


def recruitment(ident="tb-1", **fields):
    record = {
        "type": "notice",
        "id": ident,
        "title": f"Thông báo tuyển dụng {ident}",
        "kind": "recruitment",
        "issued_on": "2019-11-20",
    }
    record.update(fields)
    return record


def exam(notice="tb-1", **fields):
    record = {
        "type": "exam_session",
        "notice": notice,
        "date": "2019-12-28",
        "start_time": "07:30",
        "place": "Trường THCS Gia Lộc",
        "position": "Giáo viên tiểu học",
        "unit": "Trường Tiểu học Đức Xương",
    }
    record.update(fields)
    return record


def document(number="15/2019/QĐ-UBND", **fields):
    record = {
        "type": "document",
        "number": number,
        "document_type": "Quyết định",
        "issuer": "UBND huyện Gia Lộc",
        "issued_on": "2019-10-15",
        "title": "Ban hành quy chế làm việc",
        "files": [{"path": "files/quyet-dinh-15-2019.pdf", "title": "Bản ký"}],
    }
    record.update(fields)
    return record
