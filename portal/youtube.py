"""YouTube addresses read locally: no request leaves the server when an editor saves a link.

Every usual form gives the same video: ``youtube.com/watch?v=ID``, ``m.youtube.com/watch?v=ID``,
``music.youtube.com/watch?v=ID``, ``youtu.be/ID``, ``youtube.com/shorts/ID``, ``youtube.com/live/ID``,
``youtube.com/embed/ID``, ``youtube-nocookie.com/embed/ID``, ``youtube.com/v/ID``, with or without ``https://`` and
``www.``, and with a start time (``t=90``, ``t=1m30s``, ``start=90``) kept as seconds."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com", "youtu.be"}
PATH_FORMS = ("embed", "shorts", "live", "v")  # /<form>/<id>
TIME = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


@dataclass(frozen=True)
class YouTubeVideo:
    id: str
    start: int = 0  # seconds

    @property
    def watch_url(self) -> str:
        return f"https://www.youtube.com/watch?v={self.id}" + (f"&t={self.start}s" if self.start else "")

    @property
    def embed_url(self) -> str:
        """The privacy-enhanced player, started by the visitor's click."""
        return f"https://www.youtube-nocookie.com/embed/{self.id}?autoplay=1" + (
            f"&start={self.start}" if self.start else ""
        )


def seconds(value: str) -> int:
    """``90``, ``90s``, ``1m30s``, ``1h2m3s`` → seconds; anything else → 0."""
    match = TIME.match(value.strip().lower())
    if not value or not match:
        return 0
    hours, minutes, secs = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + secs


def parse(url: str) -> YouTubeVideo:
    """The video an address points to; ``ValidationError`` with a reason an editor can act on otherwise."""
    text = (url or "").strip()
    if not text:
        raise ValidationError(_("Enter the address of a YouTube video."), code="empty")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError as error:
        raise ValidationError(_("This is not a web address."), code="invalid") from error
    if parts.scheme not in ("http", "https"):
        raise ValidationError(_("This is not a web address."), code="invalid")
    host = host.removeprefix("www.")
    if host not in HOSTS:
        raise ValidationError(
            _("Only YouTube addresses can be shown here (youtube.com or youtu.be); upload other videos as files."),
            code="not_youtube",
        )
    query = parse_qs(parts.query)
    segments = [segment for segment in parts.path.split("/") if segment]
    if host == "youtu.be":
        candidate = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        candidate = query.get("v", [""])[0]
    elif len(segments) >= 2 and segments[0] in PATH_FORMS:
        candidate = segments[1]
    else:
        raise ValidationError(
            _("This YouTube address does not point to one video. Copy the address of the video itself."),
            code="not_a_video",
        )
    if not VIDEO_ID.match(candidate):
        raise ValidationError(
            _("This YouTube address has no valid video code (11 letters, digits, - or _)."), code="bad_id"
        )
    start = query.get("t", query.get("start", [""]))[0]
    return YouTubeVideo(candidate, seconds(start))


def video_id(url: str) -> str:
    """The video code of an address, or "" when it is not a YouTube video."""
    try:
        return parse(url).id
    except ValidationError:
        return ""
