"""Prints the text of one PDF or DOCX file. Run by documents.extraction in a child process with a time and memory
limit, so a hostile or broken file can only fail this process: ``python -m documents.extract_worker FILE EXT MAX``."""

import sys

MAX_PDF_PAGES = 1000


def pdf_text(path: str, limit: int) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    if reader.is_encrypted:
        reader.decrypt("")  # many official PDFs are "encrypted" with an empty password to prevent editing
    parts, size = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size >= limit:
            break
    return "\n".join(parts)


def docx_text(path: str, limit: int) -> str:
    import docx

    document = docx.Document(path)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def main():
    path, extension, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = pdf_text(path, limit) if extension == "pdf" else docx_text(path, limit)
    sys.stdout.write(" ".join(text.split())[:limit])


if __name__ == "__main__":
    main()
