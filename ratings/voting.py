"""Counting an answer once per visitor, page and day, and attaching the optional comment to it.

The answer and the day's count are written in one transaction of upserts (``INSERT … ON CONFLICT``), which stays
atomic under concurrent posts on SQLite and PostgreSQL, like the visitor counters (visitors/counting.py). The
comment form refers to the stored vote by a signed token: no cookie and no session tie the two together.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from portal.cache import OUTAGE_ERRORS
from portal.numbers import read_id
from ratings.models import RatingComment, RatingVote

VOTES_KEPT_DAYS = 2
TOKEN_SALT = "ratings.comment-token"  # noqa: S105 - a signing namespace, not a secret
# A comment may follow its answer for a day; the vote it refers to is deleted a day or two later.
TOKEN_MAX_AGE = datetime.timedelta(days=1)

INSERT_VOTE = """
    INSERT INTO ratings_ratingvote (site_id, page_id, day, visitor, useful, commented)
    VALUES (%(site)s, %(page)s, %(day)s, %(visitor)s, %(useful)s, %(false)s)
    ON CONFLICT (page_id, day, visitor) DO NOTHING
"""
ADD_TO_DAY = """
    INSERT INTO ratings_pagerating (site_id, page_id, day, useful, not_useful)
    VALUES (%(site)s, %(page)s, %(day)s, %(yes)s, %(no)s)
    ON CONFLICT (site_id, page_id, day) DO UPDATE SET useful = ratings_pagerating.useful + excluded.useful,
        not_useful = ratings_pagerating.not_useful + excluded.not_useful
"""


@dataclass(frozen=True)
class Vote:
    id: int
    counted: bool  # False: the visitor had already answered on this page today
    commented: bool

    @property
    def token(self) -> str:
        return comment_token(self.id)


def record_vote(site_id: int, page_id: int, visitor: str, useful: bool, now=None) -> Vote | None:
    """Count ``visitor``'s answer unless they already answered on this page today; None if the page or site was
    deleted since it was checked."""
    day = timezone.localtime(now or timezone.now()).date()
    values = {
        "site": site_id,
        "page": page_id,
        "day": day,
        "visitor": visitor,
        "useful": useful,
        "false": False,
        "yes": int(useful),
        "no": int(not useful),
    }
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(INSERT_VOTE, values)
                counted = cursor.rowcount == 1
                if counted:
                    cursor.execute(ADD_TO_DAY, values)
            vote_id, commented = RatingVote.objects.values_list("pk", "commented").get(
                page_id=page_id, day=day, visitor=visitor
            )
    except (IntegrityError, RatingVote.DoesNotExist):
        return None
    if counted:
        forget_old_votes_hourly()
    return Vote(vote_id, counted, commented)


def forget_old_votes_hourly():
    """Delete the votes of earlier days, at most once an hour per cache: a day's hashes are useless after it."""
    try:
        due = cache.add("ratings:votes-cleaned", 1, timeout=3600)
    except OUTAGE_ERRORS:
        due = False
    if due:
        forget_old_votes()


def forget_old_votes():
    cutoff = timezone.localdate() - datetime.timedelta(days=VOTES_KEPT_DAYS)
    RatingVote.objects.filter(day__lt=cutoff).delete()


def comment_token(vote_id: int) -> str:
    return signing.dumps({"v": vote_id}, salt=TOKEN_SALT, compress=False)


def read_token(token) -> int | None:
    """The vote a comment token refers to; None for a forged, altered or expired token."""
    if not isinstance(token, str) or len(token) > 200:
        return None
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE.total_seconds())
    except signing.BadSignature:
        return None
    return read_id(data.get("v")) if isinstance(data, dict) else None


def attach_comment(vote_id: int, text: str) -> RatingComment | None:
    """Store ``text`` as the comment on the vote, once: None if the vote already has one or is gone."""
    with transaction.atomic():
        if not RatingVote.objects.filter(pk=vote_id, commented=False).update(commented=True):
            return None
        vote = RatingVote.objects.get(pk=vote_id)
        return RatingComment.objects.create(site_id=vote.site_id, page_id=vote.page_id, useful=vote.useful, text=text)
