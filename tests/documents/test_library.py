"""The library's table, filters, document pages, status and relations."""

import datetime

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


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
