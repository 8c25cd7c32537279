"""Reading the values of a record the way an old portal gives them: ISO or Vietnamese dates, times like "8h30",
booleans as words, and choices by value, slug or label (with or without marks)."""

import datetime
import re

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from search.folding import fold


class RecordError(Exception):
    """A record that cannot be imported, with the reason (translated) to report on its line."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = str(reason)


ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
VN_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
TIME = re.compile(r"^(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{1,2})?\s*(?:(?::|m|phút)\s*(\d{1,2})?)?\s*(?:p|phút)?$", re.I)
SPACES = re.compile(r"\s+")


def parse_date(value) -> datetime.date:
    """``2023-02-07`` or ``07/02/2023`` (also ``7/2/2023``, ``07-02-2023``, ``07.02.2023``)."""
    text = str(value).strip() if isinstance(value, str | int) else ""
    match = ISO_DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = VN_DATE.match(text)
        if not match:
            raise ValueError(text)
        day, month, year = (int(part) for part in match.groups())
    return datetime.date(year, month, day)


def parse_time(value) -> datetime.time:
    """``08:30``, ``8:30:00``, ``8h30``, ``8h``, ``8 giờ 30``."""
    text = SPACES.sub(" ", str(value).strip()) if isinstance(value, str) else ""
    match = TIME.match(text)
    if not match:
        raise ValueError(text)
    hour, minute, second = (int(part or 0) for part in match.groups())
    return datetime.time(hour, minute, second)


def parse_datetime(value) -> datetime.datetime:
    """An ISO date-time (``2023-02-07T08:30``, with or without seconds and offset), ``2023-02-07 08:30``,
    ``07/02/2023 08:30``, or a date alone (the start of that day). Without an offset: Vietnam's time."""
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        day_part, _space, time_part = text.partition(" ")
        day = parse_date(day_part)
        moment = datetime.datetime.combine(day, parse_time(time_part) if time_part else datetime.time())
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return moment


def folded_key(text: str) -> str:
    """A form for comparing names and labels: folded, punctuation and spacing ignored."""
    return " ".join(re.findall(r"[^\W_]+", fold(str(text))))


def match_choice(value, choices, extra: dict | None = None):
    """The choice meant by ``value``: a choice's value, its label (English or translated, with or without marks),
    or one of ``extra``'s keys (e.g. the Vietnamese slugs of addresses); ``None`` if none matches."""
    wanted = folded_key(value)
    if not wanted:
        return None
    for choice_value, label in choices:
        with translation.override(None):  # the label as written in the code, besides its translation
            source = str(label)
        if wanted in {folded_key(candidate) for candidate in (choice_value, label, source)}:
            return choice_value
    for alias, choice_value in (extra or {}).items():
        if folded_key(alias) == wanted:
            return choice_value
    return None


def choice_names(choices) -> str:
    return ", ".join(f"{value} ({label})" for value, label in choices)


def describe_value(value) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text[:80]


def is_slug(text: str) -> bool:
    """A lower-case address word with hyphens ("kinh-te"): meant to name an existing entry, not a new one."""
    return bool(re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)+", text or ""))


def unknown_value(field: str, value, accepted: str) -> RecordError:
    return RecordError(
        _("“%(field)s”: unknown value “%(value)s”; accepted: %(accepted)s.")
        % {"field": field, "value": describe_value(value), "accepted": accepted}
    )
