"""A month of reading history for the demo, so the counters, the "most read" box and the dashboard chart have
something to show: about 3,500 views a day, fewer at weekends, spread over the articles unevenly (a few are read
far more than the rest). Seeded, so every load draws the same figures; today is left for real visits."""

import datetime
import random

from django.utils import timezone

from news.models import NewsArticlePage
from visitors.models import DailyCount, PageDailyCount

HISTORY_DAYS = 30


def load_reading_history(site, report):
    if DailyCount.objects.filter(site=site).exists():
        return
    chance = random.Random(2023)
    articles = list(NewsArticlePage.objects.live().in_site(site).order_by("pk").values_list("pk", flat=True))
    weights = [1 / (rank + 1) for rank in range(len(articles))]
    chance.shuffle(articles)
    today = timezone.localdate()
    days, page_days = [], []
    for offset in range(HISTORY_DAYS, 0, -1):
        day = today - datetime.timedelta(days=offset)
        views = chance.randint(3_000, 4_200) if day.weekday() < 5 else chance.randint(1_500, 2_400)
        days.append(DailyCount(site=site, day=day, views=views, visitors=int(views * chance.uniform(0.3, 0.4))))
        if articles:
            read = chance.choices(articles, weights=weights, k=views // 4)  # a quarter of the views are articles
            for page_id in set(read):
                page_days.append(PageDailyCount(page_id=page_id, day=day, views=read.count(page_id)))
    DailyCount.objects.bulk_create(days)
    PageDailyCount.objects.bulk_create(page_days, batch_size=500)
    report.add(f"reading history of {HISTORY_DAYS} days")
