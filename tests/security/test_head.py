"""HEAD is answered wherever GET is, as health checks, crawlers and link checkers ask: on every public GET route of
the demo, the same status and Content-Type as GET and no body; never 405."""

from django.test import Client
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest
from wagtailmedia.models import get_media_model

from config import urls as config_urls
from documents.models import LegalDocumentFile
from news.models import NewsArticlePage, NewsIndexPage, NewsTag
from notices.enums import KIND_SLUGS, NoticeKind
from notices.models import ExamSession, NoticeIndexPage, WorkSchedulePage
from notices.weeks import Week

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

# The site's addresses, with uploaded files served as `make run` serves them (SERVE_MEDIA) instead of a web server.
urlpatterns = [config_urls.MEDIA_FILES, *config_urls.urlpatterns]


def get_routes() -> list[str]:
    """One page of every page type, the sections' own routes, the site-wide addresses, the API and files."""
    first_of_each_type = {}
    for page in Page.objects.live().public().filter(depth__gte=2).specific():
        first_of_each_type.setdefault(type(page), page.url)
    news = NewsIndexPage.objects.live().get()
    article = NewsArticlePage.objects.live().public().exclude(display_date=None).filter(categories__isnull=False)[0]
    published = timezone.localtime(article.display_date)
    category = article.categories.first()
    notices = NoticeIndexPage.objects.live().get()
    session = ExamSession.objects.filter(page__live=True).select_related("page")[0]
    schedule = WorkSchedulePage.objects.live().get()
    image = get_image_model().objects.first()
    document = LegalDocumentFile.objects.filter(page__live=True).select_related("document")[0].document
    return [
        *first_of_each_type.values(),
        news.subpage_url("feed"),
        news.subpage_url("category", category.slug),
        news.subpage_url("category_feed", category.slug),
        news.subpage_url("tag", NewsTag.objects.filter(tagged_articles__isnull=False).first().slug),
        news.subpage_url("year", published.year),
        news.subpage_url("month", published.year, published.month),
        notices.subpage_url("feed"),
        notices.subpage_url("kind_feed", KIND_SLUGS[NoticeKind.RECRUITMENT]),
        notices.subpage_url("exams"),
        notices.subpage_url("exam_ics", session.pk),
        notices.subpage_url("notice_exams_ics", session.page_id),
        f"{schedule.url}?tuan={Week.current().previous.iso}",
        schedule.subpage_url("ics"),
        "/healthz",
        "/robots.txt",
        "/favicon.ico",
        "/sitemap.xml",
        "/tim-kiem/?q=tuyen+dung",
        "/tim-kiem/goi-y/?q=tuyen",
        "/api/v2/pages/",
        f"/api/v2/pages/{article.pk}/",
        "/api/v2/pages/find/?html_path=/",
        "/api/v2/images/",
        f"/api/v2/images/{image.pk}/",
        "/api/v2/documents/",
        f"/api/v2/documents/{document.pk}/",
        document.url,
        image.file.url,
        image.get_rendition("fill-320x200").url,
        get_media_model().objects.first().file.url,
    ]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("page_cache", ["off", "on"])
def test_head_answers_as_get_does_on_every_public_route(settings, page_cache):
    settings.PAGE_CACHE_SECONDS = 600 if page_cache == "on" else 0
    client = Client(REMOTE_ADDR="192.0.2.45")  # an address of its own, so the API's throttle is this test's alone
    routes = get_routes()
    assert len(routes) >= 40, routes
    problems = []
    for url in routes:
        got = client.get(url)
        body(got)
        head = client.head(url)
        if got.status_code >= 400:
            problems.append(f"{url}: GET answers {got.status_code}, the route list is out of date")
        if head.status_code != got.status_code:
            problems.append(f"{url}: HEAD {head.status_code}, GET {got.status_code}")
        if head.get("Content-Type") != got.get("Content-Type"):
            problems.append(f"{url}: HEAD {head.get('Content-Type')}, GET {got.get('Content-Type')}")
        if body(head):
            problems.append(f"{url}: HEAD sent a body")
    assert problems == [], "\n".join(problems)
