"""Photos, videos and audio: "THƯ VIỆN ẢNH" (albums), "VIDEO HOẠT ĐỘNG" (YouTube links or uploaded files) and songs.

Each kind has an index page under the home page (``/thu-vien-anh/``, ``/video/``, ``/am-thanh/``) holding its items;
the three indexes link to each other as one gallery. Video and audio files live in the media library
(``wagtailmedia``), which gives them collections, a chooser and editors' permissions like images and documents."""

import mimetypes

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index

from wagtailmedia.edit_handlers import MediaChooserPanel

from gallery.images import FULL, picture, prefetch_renditions
from gallery.page_forms import AlbumPageForm
from portal import youtube
from portal.api_fields import MediaURLField, SafeImageRenditionField
from portal.models import BasePage, SectionPage
from portal.pagination import paginate
from search.enums import SearchKind

ITEMS_PER_PAGE = 12


class GalleryIndexPage(SectionPage):
    """An index of one kind of gallery item, newest first, 12 a page, with links to the other indexes."""

    class Meta:
        abstract = True

    @classmethod
    def get_rows(cls):
        """The items of this index with what a card shows (its picture's renditions prefetched)."""
        raise NotImplementedError

    def get_items(self):
        model = self.get_rows().model
        return model.objects.child_of(self).live().public().order_by("-date", "-pk")

    def get_sections(self):
        """The site's gallery indexes (photos, videos, audio), for the tabs above each."""
        kinds = [AlbumIndexPage, VideoIndexPage, AudioIndexPage]
        return list(self.get_parent().get_children().live().public().type(*kinds).order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = paginate(request, self.get_items(), ITEMS_PER_PAGE, rows=self.get_rows())
        context["sections"] = self.get_sections()
        return context


class GalleryItemPage(BasePage):
    """What every gallery item has: a date and a description."""

    date = models.DateField(_("date"), default=timezone.localdate)
    description = models.TextField(_("description"), blank=True)

    search_fields = [*BasePage.search_fields, index.SearchField("description")]
    # The open-data API (/api/v2/pages/, docs/api.md); each kind adds its picture and file.
    api_fields = [APIField("date"), APIField("description")]

    class Meta:
        abstract = True

    def get_summary(self) -> str:
        return super().get_summary() or self.description

    def get_search_documents(self) -> list[dict]:
        (document,) = super().get_search_documents()
        document.update(kind=SearchKind.MEDIA, summary=self.get_summary(), body=self.description, date=self.date)
        return [document]


# Photos -----------------------------------------------------------------------------------------------------------


class AlbumIndexPage(GalleryIndexPage):
    """Thư viện ảnh: every album, newest first."""

    subpage_types = ["gallery.AlbumPage"]
    template = "gallery/gallery_index_page.html"
    kind = "album"

    class Meta:
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")

    @classmethod
    def get_rows(cls):
        return (
            AlbumPage.objects.select_related("cover")
            .prefetch_related(prefetch_renditions("cover__renditions"))
            .annotate(photo_count=Count("photos"))
        )


class AlbumPage(GalleryItemPage):
    """A photo album: ordered photos with captions and credits, shown as a grid that opens a lightbox."""

    parent_page_types = ["gallery.AlbumIndexPage"]
    subpage_types = []
    base_form_class = AlbumPageForm

    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the first photo."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection for upload"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Upload the album's photos into this collection (Images → Add images); when the album is saved, photos "
            "of the collection that are not in it yet are added at the end. To take a photo out for good, remove it "
            "from the album and move it to another collection."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("cover")]),
        FieldPanel("description"),
        FieldPanel("collection"),
        InlinePanel("photos", label=_("Photos")),
    ]
    api_fields = [
        *GalleryItemPage.api_fields,
        APIField("cover"),
        APIField("cover_rendition", serializer=SafeImageRenditionField(FULL, source="cover")),
    ]

    class Meta:
        verbose_name = _("photo album")
        verbose_name_plural = _("photo albums")

    # Both on clean (a revision is serialised after cleaning) and on save (creating a page in the admin sets the
    # photos from the form after cleaning): whichever comes last sees the photos the editor chose.
    def full_clean(self, *args, **kwargs):
        self.add_collection_photos()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.add_collection_photos()
        return super().save(*args, **kwargs)

    def add_collection_photos(self):
        """Append the photos of the upload collection that the album does not hold yet, oldest upload first, and
        make the first photo the cover when none is chosen."""
        if self.collection_id:
            self.append_uploads()
        if not self.cover_id:
            first = min(self.photos.all(), key=lambda photo: photo.sort_order or 0, default=None)
            self.cover = first.image if first else None

    def append_uploads(self):
        from wagtail.images import get_image_model

        photos = list(self.photos.all())
        held = {photo.image_id for photo in photos}
        after = max((photo.sort_order or 0 for photo in photos), default=-1) + 1
        uploaded = get_image_model().objects.filter(collection_id=self.collection_id).order_by("created_at", "pk")
        added = [image for image in uploaded if image.pk not in held]
        self.photos.add(
            *(AlbumPhoto(image=image, caption=image.title, sort_order=after + n) for n, image in enumerate(added))
        )

    def get_social_image(self):
        return self.social_image or self.cover

    @cached_property
    def cover_picture(self):
        return picture(self.cover)

    def get_photos(self) -> list:
        """The photos with their pictures (renditions prefetched: the same queries for 5 photos or 500); photos
        whose file cannot be read are left out."""
        photos = self.photos.select_related("image").prefetch_related(prefetch_renditions("image__renditions"))
        shown = []
        for photo in photos:
            photo.picture = picture(photo.image)
            if photo.picture:
                shown.append(photo)
        return shown

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = self.get_photos()
        context["index"] = self.get_parent()
        return context


class AlbumPhoto(Orderable):
    page = ParentalKey(AlbumPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=255, blank=True, help_text=_("E.g. Ảnh: Nguyễn Văn A"))

    panels = [FieldPanel("image"), FieldRowPanel([FieldPanel("caption"), FieldPanel("credit")])]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    @property
    def alt_text(self) -> str:
        return (self.image.description or "").strip() or self.caption


# Video ------------------------------------------------------------------------------------------------------------


class VideoIndexPage(GalleryIndexPage):
    """Video hoạt động: every video, newest first."""

    subpage_types = ["gallery.VideoPage"]
    template = "gallery/gallery_index_page.html"
    kind = "video"

    class Meta:
        verbose_name = _("video gallery")
        verbose_name_plural = _("video galleries")

    @classmethod
    def get_rows(cls):
        return VideoPage.objects.select_related("poster", "media").prefetch_related(
            prefetch_renditions("poster__renditions")
        )


class VideoPage(GalleryItemPage):
    """A video: a YouTube link (played through a click-to-load facade) or an uploaded MP4/WebM file."""

    parent_page_types = ["gallery.VideoIndexPage"]
    subpage_types = []

    youtube_url = models.CharField(
        _("YouTube address"),
        max_length=500,
        blank=True,
        help_text=_("Any usual form: youtube.com/watch?v=…, youtu.be/…, /shorts/…, /embed/…"),
    )
    youtube_id = models.CharField(_("YouTube video code"), max_length=11, blank=True, editable=False)
    youtube_start = models.PositiveIntegerField(default=0, editable=False)
    media = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("An MP4 or WebM file from the media library, instead of a YouTube address."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays. Nothing is fetched from YouTube until a visitor clicks play."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("poster")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("youtube_url"), MediaChooserPanel("media", media_type="video")],
            heading=_("The video: a YouTube address or a file"),
        ),
    ]
    api_fields = [
        *GalleryItemPage.api_fields,
        APIField("youtube_id"),
        APIField("youtube_start"),
        APIField("youtube_watch_url"),
        APIField("media_url", serializer=MediaURLField(source="media")),
        APIField("media_type"),
        APIField("poster"),
        APIField("poster_rendition", serializer=SafeImageRenditionField(FULL, source="poster")),
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        self.youtube_url = (self.youtube_url or "").strip()
        if self.youtube_url and self.media_id:
            raise ValidationError({"media": _("Give a YouTube address or a file, not both.")})
        if not self.youtube_url and not self.media_id:
            raise ValidationError({"youtube_url": _("Give a YouTube address or choose a video file.")})
        if self.media_id and self.media.type != "video":
            raise ValidationError({"media": _("Choose a video file, not an audio file.")})
        if self.youtube_url:
            try:
                video = youtube.parse(self.youtube_url)
            except ValidationError as error:
                raise ValidationError({"youtube_url": error.messages}) from error
            self.youtube_id, self.youtube_start = video.id, video.start
        else:
            self.youtube_id, self.youtube_start = "", 0

    @property
    def media_type(self) -> str:
        return mimetypes.guess_type(self.media.file.name)[0] or "video/mp4" if self.media_id else ""

    @property
    def youtube(self) -> youtube.YouTubeVideo | None:
        return youtube.YouTubeVideo(self.youtube_id, self.youtube_start) if self.youtube_id else None

    @property
    def youtube_watch_url(self) -> str:
        return self.youtube.watch_url if self.youtube_id else ""

    @cached_property
    def poster_picture(self):
        return picture(self.poster)

    def get_social_image(self):
        return self.social_image or self.poster


# Audio ------------------------------------------------------------------------------------------------------------


class AudioIndexPage(GalleryIndexPage):
    """Songs and recordings, e.g. "Các ca khúc về Gia Lộc"."""

    subpage_types = ["gallery.AudioPage"]
    template = "gallery/gallery_index_page.html"
    kind = "audio"

    class Meta:
        verbose_name = _("audio gallery")
        verbose_name_plural = _("audio galleries")

    @classmethod
    def get_rows(cls):
        return AudioPage.objects.select_related("media")


class AudioPage(GalleryItemPage):
    """A song or recording (MP3 or OGG) with its performer and lyrics, played in the browser's own player."""

    parent_page_types = ["gallery.AudioIndexPage"]
    subpage_types = []

    performer = models.CharField(_("performer"), max_length=255, blank=True)
    media = models.ForeignKey(
        "wagtailmedia.Media", verbose_name=_("audio file"), on_delete=models.PROTECT, related_name="+"
    )
    lyrics = models.TextField(_("lyrics"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("performer")]),
        MediaChooserPanel("media", media_type="audio"),
        FieldPanel("description"),
        FieldPanel("lyrics"),
    ]
    search_fields = [*GalleryItemPage.search_fields, index.SearchField("performer"), index.SearchField("lyrics")]
    api_fields = [
        *GalleryItemPage.api_fields,
        APIField("performer"),
        APIField("media_url", serializer=MediaURLField(source="media")),
        APIField("media_type"),
        APIField("lyrics"),
    ]

    class Meta:
        verbose_name = _("song or recording")
        verbose_name_plural = _("songs and recordings")

    def clean(self):
        super().clean()
        if self.media_id and self.media.type != "audio":
            raise ValidationError({"media": _("Choose an audio file, not a video.")})

    @property
    def media_type(self) -> str:
        return mimetypes.guess_type(self.media.file.name)[0] or "audio/mpeg"

    def get_search_documents(self) -> list[dict]:
        (document,) = super().get_search_documents()
        document.update(summary=" ".join(filter(None, [self.get_summary(), self.performer])), body=self.lyrics)
        return [document]
