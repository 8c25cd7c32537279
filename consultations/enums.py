from django.db import models
from django.utils.translation import gettext_lazy as _

# The longest comment accepted (characters).
COMMENT_MAX_LENGTH = 10_000


class DraftState(models.TextChoices):
    """Where a draft stands, read from its dates (and its report) on Vietnam's calendar, never set by hand."""

    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", _("Closed, comments being analysed")
    CONCLUDED = "concluded", _("Concluded")


# The states as they appear in addresses: /lay-y-kien/?tinh_trang=dang-lay-y-kien.
STATE_SLUGS = {
    DraftState.UPCOMING: "sap-lay-y-kien",
    DraftState.OPEN: "dang-lay-y-kien",
    DraftState.CLOSED: "dang-tong-hop",
    DraftState.CONCLUDED: "da-ket-thuc",
}
STATE_BY_SLUG = {slug: state for state, slug in STATE_SLUGS.items()}
# The order of the listing: what citizens can comment on first.
STATE_ORDER = [DraftState.OPEN, DraftState.UPCOMING, DraftState.CLOSED, DraftState.CONCLUDED]
# The badge each state wears (classes of portal.css).
STATE_BADGES = {
    DraftState.UPCOMING: "badge--meeting",
    DraftState.OPEN: "badge--open",
    DraftState.CLOSED: "badge--changed",
    DraftState.CONCLUDED: "badge--expired",
}


class CommenterKind(models.TextChoices):
    PERSON = "person", _("An individual")
    ORGANISATION = "organisation", _("An organisation")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Shown on the page")
    REJECTED = "rejected", _("Not published")
