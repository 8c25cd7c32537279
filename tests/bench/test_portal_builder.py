"""The benchmark's bulk builder makes a portal citizens could use: the pages it inserts are live, routed, listed,
rendered and found by the search, like pages made in the admin."""

from django.core.cache import caches

import pytest

from bench.portal import grow
from documents.models import LegalDocumentPage
from news.models import NewsArticlePage, NewsIndexPage
from notices.models import NoticeIndexPage, NoticePage
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_grown_portal_pages_are_live_listed_rendered_and_found(client):
    news_before, rows_before = NewsArticlePage.objects.live().count(), SearchDocument.objects.count()
    took = grow(40, first=0)
    assert set(took) == {"news", "documents", "notices", "search index"}
    assert NewsArticlePage.objects.live().count() == news_before + 40
    assert LegalDocumentPage.objects.filter(slug__startswith="vb-").count() == 20
    assert NoticePage.objects.filter(slug__startswith="tb-").count() == 2
    assert SearchDocument.objects.count() == rows_before + 40 + 20 + 2

    index = NewsIndexPage.objects.get()
    index.refresh_from_db()
    assert index.numchild == index.get_children().count()  # the tree stays consistent for Wagtail's admin
    for page in [
        NewsArticlePage.objects.get(slug="tin-7"),
        LegalDocumentPage.objects.get(slug="vb-3"),
        NoticePage.objects.get(slug="tb-1"),
    ]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    assert NoticePage.objects.get(slug="tb-0").get_parent().specific_class is NoticeIndexPage

    caches["default"].clear()
    article = NewsArticlePage.objects.get(slug="tin-12")
    last_page = -(-NewsArticlePage.objects.live().child_of(index).count() // 20)
    listed = "".join(client.get(index.url, {"page": number}).content.decode() for number in range(1, last_page + 1))
    assert article.url in listed
    found = client.get("/tim-kiem/", {"q": f'"{article.title}"'})
    assert article.title in found.content.decode()
