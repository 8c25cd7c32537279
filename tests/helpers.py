"""Helpers shared by the test packages."""

import datetime

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from notices.enums import NoticeKind
from notices.models import (
    ExamSession,
    NoticeAttachment,
    NoticeIndexPage,
    NoticePage,
    RelatedNotice,
    ScheduleEntry,
    WorkWeekPage,
)
from notices.weeks import Week


def count_queries(client, url):
    # Start from an empty cache and warm it (and per-process caches: content types, site root paths) just before
    # measuring, so that nothing kept for a few seconds (the visitor counters) expires in between.
    for alias in caches:
        caches[alias].clear()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


MAX_QUERIES_PER_PAGE = 50


def assert_queries_constant(client, urls):
    """Each page's query count is the same after every kind of content is multiplied by ten."""
    before = {url: count_queries(client, url) for url in urls}
    add_content(10)
    after = {url: count_queries(client, url) for url in urls}
    assert after == before
    assert max(after.values()) <= MAX_QUERIES_PER_PAGE, after


def add_content(times: int):
    """Multiply the demo's news, categories, keywords and notices by ``times``."""
    index = NewsIndexPage.objects.get()
    categories = list(NewsCategory.objects.all())
    template = NewsArticlePage.objects.live().first()
    now = timezone.now()
    for i in range(NewsArticlePage.objects.count() * (times - 1)):
        category = (
            NewsCategory.objects.create(name=f"Chuyên mục {i}", slug=f"chuyen-muc-{i}")
            if i % 10 == 0
            else categories[0]
        )
        article = NewsArticlePage(
            title=f"Tin bổ sung {i}",
            slug=f"tin-bo-sung-{i}",
            lead="Tin thêm để kiểm tra số truy vấn.",
            body=template.body.raw_data,
            feature_image=template.feature_image,
            primary_category=category,
            featured=i % 3 == 0,
            display_date=now - datetime.timedelta(days=i),
        )
        article.categories = [category, *categories[:2]]
        article.tags.add(f"từ khóa {i}", "cải cách hành chính")
        index.add_child(instance=article)
    add_notice_content(times)


def add_notice_content(times: int):
    """Multiply notices (with files, exam sessions, related notices and meetings) and schedule rows by ``times``."""
    index = NoticeIndexPage.objects.get()
    model = NoticePage.objects.filter(attachments__isnull=False).first()
    document = model.attachments.first().document
    today = timezone.localdate()
    week = Week.current()
    for i in range(NoticePage.objects.count() * (times - 1)):
        kind = NoticeKind.MEETING if i % 5 == 0 else NoticeKind.RECRUITMENT
        notice = NoticePage(
            title=f"Thông báo thêm {i}",
            slug=f"thong-bao-them-{i}",
            kind=kind,
            issued_on=today - datetime.timedelta(days=i),
            meeting_start=timezone.now() if kind == NoticeKind.MEETING else None,
        )
        notice.attachments = [NoticeAttachment(document=document)]
        notice.related_notice_links = [RelatedNotice(notice=model)]
        notice.exam_sessions = [
            ExamSession(
                date=today + datetime.timedelta(days=day),
                start_time=datetime.time(8, 0),
                place="Hội trường",
                position=f"Chức danh {i}",
                unit=f"Xã {i}",
            )
            for day in range(1, 4)
        ]
        index.add_child(instance=notice)
    current = WorkWeekPage.objects.get(week_start=week.start)
    rows = list(current.entries.all())
    ScheduleEntry.objects.bulk_create(
        [
            ScheduleEntry(page=current, weekday=row.weekday, start_time=row.start_time, content=f"{row.content} ({i})")
            for i in range(times - 1)
            for row in rows
        ]
    )
