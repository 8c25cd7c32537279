"""The record types of an import: the fields each accepts, its stable key, the files it refers to, and how it becomes
a published page of the portal (or a row of one: an exam session of a notice, a row of a schedule week).

Pages are published as an editor publishes them (a revision, then ``publish()``), validated by the models' own
``full_clean()``/``clean()``, with their publication dates set from the record's date.
"""

import datetime as dt
import hashlib
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from anyascii import anyascii

from documents.enums import CollectionKind
from documents.models import (
    DocumentCollectionPage,
    DocumentType,
    Issuer,
    LegalDocumentFile,
    LegalDocumentPage,
    LegalField,
)
from gallery.models import AlbumIndexPage, AlbumPage, AlbumPhoto, VideoIndexPage, VideoPage
from importer.html import body_blocks, plain_text
from importer.values import (
    RecordError,
    choice_names,
    describe_value,
    folded_key,
    is_slug,
    match_choice,
    parse_date,
    parse_datetime,
    parse_time,
    unknown_value,
)
from news.models import NewsArticlePage, NewsCategory, NewsIndexPage, NewsTag
from notices.enums import EXAM_KINDS, KIND_SLUGS, ExamFormat, NoticeKind
from notices.models import (
    ExamSession,
    NoticeAttachment,
    NoticeIndexPage,
    NoticePage,
    ScheduleEntry,
    WorkSchedulePage,
    WorkWeekPage,
)
from notices.weeks import Week
from search.folding import fold

COMMON_FIELDS = {"type", "id", "source_url"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SLUG_MAX_LENGTH = 80
LEAD_FROM_BODY_LENGTH = 300
TRUE_WORDS = {"true", "1", "yes", "y", "co", "x"}  # "có", folded
FALSE_WORDS = {"false", "0", "no", "n", "khong", ""}  # "không", folded


# Reading fields ------------------------------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Composed Unicode (old Vietnamese sites often stored decomposed marks, which look the same but compare and
    index differently), without control characters (PostgreSQL refuses NUL), trimmed."""
    return CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


def required(field: str) -> RecordError:
    return RecordError(_("“%(field)s” is required.") % {"field": field})


class Fields:
    """A record's values, each read with a reason when it is missing or malformed."""

    def __init__(self, data: dict, allowed: set[str]):
        unknown = sorted(name for name in data if name not in allowed and not name.startswith("_"))
        if unknown:
            raise RecordError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(unknown)})
        self.data = data

    def given(self, name) -> bool:
        return self.data.get(name) not in (None, "", [], {})

    def text(self, name, required_=False) -> str:
        value = self.data.get(name)
        if value is None:
            value = ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise RecordError(_("“%(field)s” must be text.") % {"field": name})
        value = clean_text(str(value))
        if required_ and not value:
            raise required(name)
        return value

    def date(self, name, required_=False) -> dt.date | None:
        return self.parsed(
            name, required_, parse_date, _("“%(field)s”: “%(value)s” is not a date (write 2023-02-07 or 07/02/2023).")
        )

    def datetime(self, name, required_=False) -> dt.datetime | None:
        return self.parsed(
            name,
            required_,
            parse_datetime,
            _("“%(field)s”: “%(value)s” is not a date and time (write 2023-02-07T08:30 or 07/02/2023 08:30)."),
        )

    def time(self, name, required_=False) -> dt.time | None:
        return self.parsed(name, required_, parse_time, _("“%(field)s”: “%(value)s” is not a time (write 08:30)."))

    def parsed(self, name, required_, parse, message):
        """The field read by ``parse``; None when not given (an error if required), ``message`` if unreadable."""
        if not self.given(name):
            if required_:
                raise required(name)
            return None
        try:
            return parse(self.data[name])
        except (ValueError, TypeError) as error:
            raise RecordError(message % {"field": name, "value": describe_value(self.data[name])}) from error

    def boolean(self, name) -> bool:
        value = self.data.get(name)
        if value is None or isinstance(value, bool):
            return bool(value)
        if isinstance(value, int | str):
            word = folded_key(str(value))
            if word in TRUE_WORDS:
                return True
            if word in FALSE_WORDS:
                return False
        raise RecordError(
            _("“%(field)s”: “%(value)s” is not true or false.") % {"field": name, "value": describe_value(value)}
        )

    def names(self, name, required_=False) -> list[str]:
        """A list of names (a single name is a list of one)."""
        value = self.data.get(name)
        if value in (None, "", []):
            if required_:
                raise required(name)
            return []
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise RecordError(_("“%(field)s” must be a list of names.") % {"field": name})
        names = list(dict.fromkeys(clean_text(item) for item in items if clean_text(item)))
        if required_ and not names:
            raise required(name)
        return names

    def file_list(self, name, required_=False, extra=()) -> list[dict]:
        """Files as ``[{"path": …, "title": …}]`` (a plain path is a file without a title)."""
        value = self.data.get(name)
        if value in (None, "", []):
            if required_:
                raise required(name)
            return []
        items = [value] if isinstance(value, str | dict) else value
        if not isinstance(items, list):
            raise RecordError(_("“%(field)s” must be a list of files.") % {"field": name})
        files = []
        allowed = {"path", "title", *extra}
        for item in items:
            entry = {"path": item} if isinstance(item, str) else item
            if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or not entry["path"].strip():
                raise RecordError(
                    _("“%(field)s”: each file needs a “path” (relative to the import file).") % {"field": name}
                )
            unknown = sorted(set(entry) - allowed)
            if unknown:
                raise RecordError(
                    _("“%(field)s”: unknown file fields: %(fields)s.") % {"field": name, "fields": ", ".join(unknown)}
                )
            for key in entry:
                if key != "path" and entry[key] is not None and not isinstance(entry[key], str):
                    raise RecordError(_("“%(field)s” must be text.") % {"field": f"{name}.{key}"})
            files.append({key: clean_text(entry.get(key) or "") for key in allowed})
        return files


def validation_reason(error: ValidationError, model) -> str:
    """A model's validation error as one line: "field name: message; …" (field names as editors see them)."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for field, errors in error.message_dict.items():
        messages = " ".join(errors)
        try:
            label = str(model._meta.get_field(field).verbose_name)
        except Exception:  # "__all__", or a name that is not a field
            label = ""
        parts.append(f"{label}: {messages}" if label and field != "__all__" else messages)
    return "; ".join(parts)


def check_row(obj, exclude=()):
    """Validate an inline row (an exam session, a schedule row …) with its model's own rules."""
    try:
        obj.full_clean(exclude=["page", "sort_order", *exclude])
    except ValidationError as error:
        raise RecordError(validation_reason(error, type(obj))) from error


# Publishing ---------------------------------------------------------------------------------------------------------


def local_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()), timezone.get_default_timezone())


def publish(page, parent, published_at: dt.datetime):
    """Add (if new) and publish ``page`` through a revision, as an editor does; its first and last publication are
    the record's date."""
    try:
        if page.pk is None:
            page.first_published_at = published_at
            parent.add_child(instance=page)  # validated (full_clean) when saved
            revision = page.save_revision(clean=False)
        else:
            revision = page.save_revision()
    except ValidationError as error:
        raise RecordError(validation_reason(error, type(page))) from error
    revision.publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=published_at, last_published_at=published_at)
    page.first_published_at = page.last_published_at = published_at
    return page


def republish_rows(page):
    """Publish a page whose inline rows the import changed, keeping its publication dates."""
    first, last = page.first_published_at, page.last_published_at
    try:
        page.save()  # the rows get their ids, which the import keeps
    except ValidationError as error:
        raise RecordError(validation_reason(error, type(page))) from error
    page.save_revision(clean=False).publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=first, last_published_at=last)


# The run's shared state ---------------------------------------------------------------------------------------------


class Context:
    """What records share during a run: the default site's sections, sibling slugs, vocabularies, files and the
    records imported so far."""

    def __init__(self, home, files, find_record):
        self.home = home
        self.files = files
        self.find_record = find_record  # (record type, reference) → (model, object id) or None
        self.sections = {}
        self.slugs = {}
        self.vocabularies = {}

    def forget_after_failure(self):
        """What a failed record created was rolled back: forget the vocabularies read since."""
        self.vocabularies = {}
        self.files._collection = None

    def section(self, model, slug=""):
        """The first page of ``model`` in the default site (by tree order), or the one with ``slug``."""
        key = (model, slug)
        if key not in self.sections:
            pages = model.objects.descendant_of(self.home).order_by("path")
            self.sections[key] = (pages.filter(slug=slug) if slug else pages).first()
        page = self.sections[key]
        if page is None:
            if slug:
                raise RecordError(
                    _("No %(section)s with the slug “%(slug)s” in the default site.")
                    % {"section": model._meta.verbose_name, "slug": slug}
                )
            raise RecordError(_("The default site has no %(section)s.") % {"section": model._meta.verbose_name})
        return page

    def new_slug(self, parent, title: str, wanted: str = "") -> str:
        """``wanted`` if given (Wagtail refuses it if a sibling has it), else a free slug made from the title."""
        if wanted:
            return wanted
        if parent.pk not in self.slugs:
            self.slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
        taken = self.slugs[parent.pk]
        base = slugify(anyascii(title))[:SLUG_MAX_LENGTH].strip("-") or "trang"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        return slug

    def find_vocabulary(self, model, value: str):
        if model not in self.vocabularies:
            entries = list(model.objects.all())
            self.vocabularies[model] = (
                {entry.slug: entry for entry in entries},
                {folded_key(entry.name): entry for entry in entries},
            )
        by_slug, by_name = self.vocabularies[model]
        return by_slug.get(value) or by_name.get(folded_key(value))

    def vocabulary(self, model, value: str, field: str, create=True):
        """The entry of a vocabulary (news categories, document types, issuers, policy areas) that ``value`` names:
        by slug, or by name whatever its marks and capitals; a missing name is added, an unknown slug refused."""
        found = self.find_vocabulary(model, value)
        if found is not None:
            return found
        by_slug, by_name = self.vocabularies[model]
        if not create or is_slug(value):
            known = ", ".join(sorted(by_slug)[:20])
            raise unknown_value(field, value, known or "—")
        max_length = model._meta.get_field("name").max_length
        if len(value) > max_length:
            raise RecordError(
                _("“%(field)s”: “%(value)s” is too long for a name (at most %(limit)d characters).")
                % {"field": field, "value": describe_value(value), "limit": max_length}
            )
        base = slugify(anyascii(value))[: model._meta.get_field("slug").max_length - 4].strip("-") or "muc"
        slug, number = base, 1
        while slug in by_slug or model.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        entry = model(name=value, slug=slug)
        try:
            entry.full_clean()
        except ValidationError as error:
            raise RecordError(validation_reason(error, model)) from error
        entry.save()
        by_slug[slug] = by_name[folded_key(value)] = entry
        return entry


def reference_of(fields: Fields) -> str:
    """The record's own key part: its ``id``, else its ``source_url``; "" if it has neither."""
    for name in ("id", "source_url"):
        value = fields.data.get(name)
        if value not in (None, ""):
            if isinstance(value, bool) or not isinstance(value, str | int):
                raise RecordError(_("“%(field)s” must be text.") % {"field": name})
            return str(value).strip()
    return ""


# Record types -------------------------------------------------------------------------------------------------------


class RecordType:
    name = ""
    model = None
    fields: set[str] = set()

    def __init__(self, context: Context):
        self.context = context

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name)

    def read(self, data: dict) -> Fields:
        return Fields(data, COMMON_FIELDS | self.fields)

    def key(self, fields: Fields) -> str:
        reference = reference_of(fields)
        if not reference:
            raise RecordError(_("A record of this type needs an “id” or a “source_url”: its key for importing again."))
        return f"{self.name}:{reference}"

    def file_paths(self, fields: Fields) -> list[str]:
        return []

    def save(self, fields: Fields, existing):
        """Create (``existing`` is None) or update the object; returns it and the ids of the pages to index."""
        raise NotImplementedError


class NewsType(RecordType):
    name = "news"
    model = NewsArticlePage
    fields = {
        "title", "lead", "body", "date", "byline", "source", "categories", "tags", "feature_image",
        "feature_image_caption", "featured", "section", "slug",
    }  # fmt: skip

    def file_paths(self, fields):
        return [fields.data["feature_image"]] if fields.given("feature_image") else []

    def save(self, fields, existing):
        title = fields.text("title", True)
        published_at = fields.datetime("date", True)
        body_html = fields.text("body")
        # Old portals kept some articles as a headline alone (a photo, a link): nothing of them is refused.
        lead = fields.text("lead") or summary_of(body_html) or title
        names = fields.names("categories", True)
        categories = [self.context.vocabulary(NewsCategory, name, "categories") for name in names]
        tags = fields.names("tags")
        tag_limit = NewsTag._meta.get_field("name").max_length
        for tag in tags:
            if len(tag) > tag_limit:
                raise RecordError(
                    _("“%(field)s”: “%(value)s” is too long for a name (at most %(limit)d characters).")
                    % {"field": "tags", "value": describe_value(tag), "limit": tag_limit}
                )
        caption = fields.text("feature_image_caption")
        image = None
        if fields.given("feature_image"):
            image = self.context.files.image(fields.data["feature_image"], caption or title)
            if not image.description.strip():  # an article's feature image needs alternative text (portal.alt_text)
                image.description = (caption or title)[:255]
                image.save(update_fields=["description"])
        page = existing or NewsArticlePage()
        parent = None if existing else self.context.section(NewsIndexPage, fields.text("section"))
        if parent is not None:
            page.slug = self.context.new_slug(parent, title, fields.text("slug"))
        page.title = title
        page.lead = lead
        page.body = body_blocks(body_html)
        page.feature_image = image
        page.feature_image_caption = caption
        page.byline = fields.text("byline")
        page.source = fields.text("source")
        page.display_date = published_at
        page.featured = fields.boolean("featured")
        page.primary_category = categories[0]
        page.categories = categories
        page.tags.set(tags)
        publish(page, parent, published_at)
        return page, [page.pk]


def summary_of(body_html: str) -> str:
    """A lead from the body's first words, for articles the old portal kept without one."""
    text = plain_text(body_html)
    if len(text) <= LEAD_FROM_BODY_LENGTH:
        return text
    return text[:LEAD_FROM_BODY_LENGTH].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


class NoticeType(RecordType):
    name = "notice"
    model = NoticePage
    fields = {
        "title", "kind", "number", "issuer", "issued_on", "valid_until", "summary", "body", "meeting_start",
        "meeting_place", "attachments", "section", "slug",
    }  # fmt: skip

    def file_paths(self, fields):
        return [entry["path"] for entry in fields.file_list("attachments")]

    def save(self, fields, existing):
        title = fields.text("title", True)
        kind = NoticeKind.GENERAL
        if fields.given("kind"):
            kind = match_choice(fields.text("kind"), NoticeKind.choices, {slug: k for k, slug in KIND_SLUGS.items()})
            if kind is None:
                raise unknown_value("kind", fields.data["kind"], choice_names(NoticeKind.choices))
        issued_on = fields.date("issued_on", True)
        attachments = [
            NoticeAttachment(
                document=self.context.files.document(entry["path"], entry["title"] or title),
                title=entry["title"],
                sort_order=order,
            )
            for order, entry in enumerate(fields.file_list("attachments"))
        ]
        for attachment in attachments:
            check_row(attachment, exclude=["document"])
        page = existing or NoticePage()
        parent = None if existing else self.context.section(NoticeIndexPage, fields.text("section"))
        if parent is not None:
            page.slug = self.context.new_slug(parent, title, fields.text("slug"))
        page.title = title
        page.kind = kind
        page.number = fields.text("number")
        page.issuer = fields.text("issuer")
        page.issued_on = issued_on
        page.valid_until = fields.date("valid_until")
        page.summary = fields.text("summary")
        page.body = body_blocks(fields.text("body"))
        page.meeting_start = fields.datetime("meeting_start")
        page.meeting_place = fields.text("meeting_place")
        page.attachments = attachments
        publish(page, parent, local_start(issued_on))
        return page, [page.pk]


class ExamSessionType(RecordType):
    name = "exam_session"
    model = ExamSession
    fields = {"notice", "date", "start_time", "end_time", "place", "room", "position", "unit", "exam_format", "notes"}

    def key(self, fields):
        reference = reference_of(fields)
        if reference:
            return f"{self.name}:{reference}"
        notice = fields.text("notice", True)
        day, start = fields.date("date", True), fields.time("start_time", True)
        position, unit = folded_key(fields.text("position", True)), folded_key(fields.text("unit", True))
        return f"{self.name}:{notice}|{day.isoformat()}|{start:%H:%M}|{position}|{unit}"

    def notice(self, fields) -> NoticePage:
        reference = fields.text("notice", True)
        found = self.context.find_record("notice", reference)
        notice = NoticePage.objects.filter(pk=found[1]).first() if found else None
        if notice is None:
            raise RecordError(
                _("Unknown notice “%(notice)s”: import the notice first, and refer to it by its “id” or “source_url”.")
                % {"notice": describe_value(reference)}
            )
        if notice.kind not in EXAM_KINDS:
            raise RecordError(
                _("The notice “%(notice)s” is a notice of the kind “%(kind)s”, which has no exam sessions.")
                % {"notice": describe_value(reference), "kind": notice.get_kind_display()}
            )
        return notice

    def save(self, fields, existing):
        notice = self.notice(fields)
        exam_format = ExamFormat.INTERVIEW
        if fields.given("exam_format"):
            exam_format = match_choice(fields.text("exam_format"), ExamFormat.choices)
            if exam_format is None:
                raise unknown_value("exam_format", fields.data["exam_format"], choice_names(ExamFormat.choices))
        values = {
            "date": fields.date("date", True),
            "start_time": fields.time("start_time", True),
            "end_time": fields.time("end_time"),
            "place": fields.text("place", True),
            "room": fields.text("room"),
            "position": fields.text("position", True),
            "unit": fields.text("unit", True),
            "exam_format": exam_format,
            "notes": fields.text("notes"),
        }
        if existing is not None and existing.page_id != notice.pk:
            remove_row(NoticePage, existing.page_id, "exam_sessions", existing.pk)
            existing = None
        sessions = list(notice.exam_sessions.all())
        session = next((row for row in sessions if existing is not None and row.pk == existing.pk), None)
        if session is None:
            session = ExamSession(sort_order=max((row.sort_order or 0 for row in sessions), default=-1) + 1)
            sessions.append(session)
        for name, value in values.items():
            setattr(session, name, value)
        session.page = notice
        check_row(session)
        notice.exam_sessions = sessions
        republish_rows(notice)
        return session, [notice.pk]


def remove_row(model, page_id, relation: str, row_id):
    """Take a row off the page it was on (it moves to another notice or week), and publish that page."""
    page = model.objects.filter(pk=page_id).first()
    if page is None:
        return
    setattr(page, relation, [row for row in getattr(page, relation).all() if row.pk != row_id])
    republish_rows(page)


class LegalDocumentType(RecordType):
    name = "document"
    model = LegalDocumentPage
    fields = {
        "number", "document_type", "issuer", "signer", "signer_title", "issued_on", "effective_on", "expires_on",
        "title", "fields", "collection", "section", "council_session", "notes", "files", "slug",
    }  # fmt: skip

    def key(self, fields):
        reference = reference_of(fields)
        if reference:
            return f"{self.name}:{reference}"
        number = "".join(fields.text("number", True).split())
        issuer = fields.text("issuer", True)
        existing = self.context.find_vocabulary(Issuer, issuer)
        issuer_key = existing.slug if existing else slugify(anyascii(issuer))
        return f"{self.name}:{fold(number)}|{issuer_key}"

    def file_paths(self, fields):
        return [entry["path"] for entry in fields.file_list("files")]

    def collection(self, fields) -> DocumentCollectionPage:
        value = fields.text("collection") or fields.text("section")
        if not value:
            return self.context.section(DocumentCollectionPage)
        collections = DocumentCollectionPage.objects.descendant_of(self.context.home).order_by("path")
        found = collections.filter(slug=value).first()
        if found is None:
            kind = match_choice(value, CollectionKind.choices)
            found = collections.filter(kind=kind).first() if kind else None
        if found is None:
            accepted = ", ".join([*collections.values_list("slug", flat=True), *CollectionKind.values])
            raise unknown_value("collection", value, accepted)
        return found

    def save(self, fields, existing):
        title = fields.text("title", True)
        number = "".join(fields.text("number", True).split())
        document_type = self.context.vocabulary(DocumentType, fields.text("document_type", True), "document_type")
        issuer = self.context.vocabulary(Issuer, fields.text("issuer", True), "issuer")
        policy_areas = [self.context.vocabulary(LegalField, name, "fields") for name in fields.names("fields")]
        issued_on = fields.date("issued_on", True)
        files = fields.file_list("files", True)
        rows = [
            LegalDocumentFile(
                document=self.context.files.document(entry["path"], entry["title"] or title),
                title=entry["title"],
                sort_order=order,
            )
            for order, entry in enumerate(files)
        ]
        for row in rows:
            check_row(row, exclude=["document"])
        page = existing or LegalDocumentPage()
        parent = None if existing else self.collection(fields)
        if parent is not None:
            page.slug = self.context.new_slug(parent, f"{number} {title}", fields.text("slug"))
        page.title = title
        page.number = number
        page.document_type = document_type
        page.issuer = issuer
        page.signer = fields.text("signer")
        page.signer_title = fields.text("signer_title")
        page.issued_on = issued_on
        page.effective_on = fields.date("effective_on")
        page.expires_on = fields.date("expires_on")
        page.council_session = fields.text("council_session")
        page.notes = fields.text("notes")
        page.fields = policy_areas
        page.files = rows
        publish(page, parent, local_start(issued_on))
        return page, [page.pk]


class AlbumType(RecordType):
    name = "album"
    model = AlbumPage
    fields = {"title", "date", "description", "photos", "section", "slug"}

    def file_paths(self, fields):
        return [entry["path"] for entry in fields.file_list("photos", extra=("caption", "credit"))]

    def save(self, fields, existing):
        title = fields.text("title", True)
        day = fields.date("date", True)
        photos = []
        for order, entry in enumerate(fields.file_list("photos", True, extra=("caption", "credit"))):
            image = self.context.files.image(entry["path"], entry["caption"] or entry["title"] or title)
            photo = AlbumPhoto(image=image, caption=entry["caption"] or entry["title"], credit=entry["credit"])
            photo.sort_order = order
            check_row(photo)
            photos.append(photo)
        page = existing or AlbumPage()
        parent = None if existing else self.context.section(AlbumIndexPage, fields.text("section"))
        if parent is not None:
            page.slug = self.context.new_slug(parent, title, fields.text("slug"))
        page.title = title
        page.date = day
        page.description = fields.text("description")
        page.photos = photos
        page.cover = photos[0].image
        publish(page, parent, local_start(day))
        return page, [page.pk]


class VideoType(RecordType):
    name = "video"
    model = VideoPage
    fields = {"title", "date", "description", "youtube_url", "file", "poster", "section", "slug"}

    def file_paths(self, fields):
        return [fields.data[name] for name in ("file", "poster") if fields.given(name)]

    def save(self, fields, existing):
        title = fields.text("title", True)
        day = fields.date("date", True)
        media = self.context.files.video(fields.data["file"], title) if fields.given("file") else None
        poster = self.context.files.image(fields.data["poster"], title) if fields.given("poster") else None
        page = existing or VideoPage()
        parent = None if existing else self.context.section(VideoIndexPage, fields.text("section"))
        if parent is not None:
            page.slug = self.context.new_slug(parent, title, fields.text("slug"))
        page.title = title
        page.date = day
        page.description = fields.text("description")
        page.youtube_url = fields.text("youtube_url")  # read by VideoPage.clean with portal.youtube
        page.media = media
        page.poster = poster
        publish(page, parent, local_start(day))
        return page, [page.pk]


class ScheduleEntryType(RecordType):
    name = "schedule_entry"
    model = ScheduleEntry
    fields = {"date", "time", "content", "chair", "participants", "place", "preparing_unit", "section"}

    def key(self, fields):
        reference = reference_of(fields)
        if reference:
            return f"{self.name}:{reference}"
        day, time = fields.date("date", True), fields.time("time")
        content = hashlib.sha1(folded_key(fields.text("content", True)).encode()).hexdigest()[:16]  # noqa: S324
        when = f"{day.isoformat()}|{time:%H:%M}" if time else day.isoformat()
        return f"{self.name}:{fields.text('section')}|{when}|{content}"

    def save(self, fields, existing):
        schedule = self.context.section(WorkSchedulePage, fields.text("section"))
        day = fields.date("date", True)
        values = {
            "weekday": day.weekday(),
            "start_time": fields.time("time"),
            "content": fields.text("content", True),
            "chair": fields.text("chair"),
            "participants": fields.text("participants"),
            "place": fields.text("place"),
            "preparing_unit": fields.text("preparing_unit"),
        }
        week_start = Week.containing(day).start
        week = WorkWeekPage.objects.child_of(schedule).filter(week_start=week_start).first()
        if existing is not None and (week is None or existing.page_id != week.pk):
            remove_row(WorkWeekPage, existing.page_id, "entries", existing.pk)
            existing = None
        if week is None:
            entry = ScheduleEntry(sort_order=0, **values)
            check_row(entry)
            week = WorkWeekPage(week_start=week_start)
            week.set_title_from_week()
            week.entries = [entry]
            publish(week, schedule, local_start(week_start))
            return entry, [week.pk]
        entries = list(week.entries.all())
        entry = next((row for row in entries if existing is not None and row.pk == existing.pk), None)
        if entry is None:
            entry = ScheduleEntry(sort_order=max((row.sort_order or 0 for row in entries), default=-1) + 1)
            entries.append(entry)
        for name, value in values.items():
            setattr(entry, name, value)
        entry.page = week
        check_row(entry)
        # The rows of a week in day and time order, as an editor would keep them.
        entries.sort(key=lambda row: (row.weekday, row.start_time is not None, row.start_time or dt.time()))
        for order, row in enumerate(entries):
            row.sort_order = order
        week.entries = entries
        republish_rows(week)
        return entry, [week.pk]


RECORD_TYPES = [NewsType, NoticeType, ExamSessionType, LegalDocumentType, AlbumType, VideoType, ScheduleEntryType]
