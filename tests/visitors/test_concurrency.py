"""Many beacons at once: every counted one is in the totals, none lost, no "database is locked"."""

import json
import threading

from django.core.cache import cache
from django.db import connection
from django.test import Client

import pytest

from visitors import counting
from visitors.models import DailyCount, PageDailyCount

THREADS, BEACONS_EACH = 32, 8


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_beacons_are_all_counted(committed_pages):
    cache.clear()
    pages = [page.pk for page in committed_pages]
    answers, errors = [], []
    start = threading.Barrier(THREADS)

    def visitor(number):
        client = Client()
        try:
            start.wait()
            for beacon in range(BEACONS_EACH):
                response = client.post(
                    "/luot-truy-cap/",
                    data=json.dumps({"page": pages[beacon % len(pages)]}),
                    content_type="application/json",
                    HTTP_USER_AGENT=f"Mozilla/5.0 Firefox/140.0 visitor-{number}",
                    REMOTE_ADDR=f"198.51.100.{number + 1}",
                )
                answers.append((response.status_code, response.json().get("counted")))
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=visitor, args=(number,)) for number in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    counted = sum(1 for status, was_counted in answers if status == 200 and was_counted)
    assert counted == THREADS * BEACONS_EACH
    counting.store().flush()  # with REDIS_URL the counts wait in Redis until written
    day = DailyCount.objects.get()
    assert day.views == counted
    assert day.visitors == THREADS
    assert sum(PageDailyCount.objects.values_list("views", flat=True)) == counted
