"""ISO weeks for the work schedule: parsing ?tuan=2023-W06 safely and moving between weeks."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

WEEK_PATTERN = re.compile(r"^\s*(\d{4})-?[Ww](\d{1,2})\s*$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class Week:
    """A Monday-to-Sunday week."""

    start: datetime.date

    @classmethod
    def containing(cls, day: datetime.date) -> "Week":
        return cls(day - datetime.timedelta(days=day.weekday()))

    @classmethod
    def current(cls) -> "Week":
        return cls.containing(timezone.localdate())

    @classmethod
    def parse(cls, value: str | None) -> tuple["Week", str]:
        """The week a visitor asked for, or this week with a message saying why their value was not used."""
        if not value:
            return cls.current(), ""
        match = WEEK_PATTERN.match(value)
        if not match:
            return cls.current(), _("“%(value)s” is not a week (use the form 2023-W06); showing this week.") % {
                "value": value[:40]
            }
        year, number = int(match.group(1)), int(match.group(2))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return cls.current(), _("The schedule covers the years %(first)d to %(last)d; showing this week.") % {
                "first": FIRST_YEAR,
                "last": LAST_YEAR,
            }
        try:
            return cls(datetime.date.fromisocalendar(year, number, 1)), ""
        except ValueError:
            return cls.current(), _("The year %(year)d has no week %(number)d; showing this week.") % {
                "year": year,
                "number": number,
            }

    @property
    def end(self) -> datetime.date:
        return self.start + datetime.timedelta(days=6)

    @property
    def days(self) -> list[datetime.date]:
        return [self.start + datetime.timedelta(days=offset) for offset in range(7)]

    @property
    def iso(self) -> str:
        year, number, _weekday = self.start.isocalendar()
        return f"{year}-W{number:02d}"

    @property
    def number(self) -> int:
        return self.start.isocalendar()[1]

    @property
    def previous(self) -> "Week":
        return Week(self.start - datetime.timedelta(days=7))

    @property
    def next(self) -> "Week":
        return Week(self.start + datetime.timedelta(days=7))
