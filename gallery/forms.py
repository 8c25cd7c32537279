"""Upload forms of the gallery: every image and every video or audio file goes through them in the admin.

Images: Wagtail checks the type list, the size and the pixel count; this also decodes the whole image, so a
damaged file is refused at upload with a reason instead of failing later on a public page. Video and audio: the
extension must be one browsers play (``WAGTAILMEDIA``), the file under ``MEDIA_MAX_UPLOAD_SIZE``, and its content
what the extension says (``portal.uploads.check_content``, the check legal-document files go through too)."""

import warnings

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image
from wagtailmedia.forms import BaseMediaForm

from portal.uploads import check_content

DAMAGED_IMAGE = _(
    "This image is damaged or is not a real image, so it cannot be shown. Save it again from an image editor or "
    "choose another file."
)

# Not required here (logos and posters are decorative; bulk uploads would stop): pages that show the image as
# content require it (portal.alt_text).
ALT_TEXT_FIELD_HELP = _(
    "The alternative text: what the picture shows, read out to visitors who cannot see it. Needed before the image "
    "can illustrate an article, an album or a page body; may stay empty for a purely decorative image."
)


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, whose pixel count check reads the image: a damaged file is refused, not an error."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as error:
            raise forms.ValidationError(DAMAGED_IMAGE, code="damaged_image") from error


class PortalImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if type(self.fields.get("file")) is WagtailImageField:
            self.fields["file"].__class__ = CheckedImageField  # built by Wagtail's form factory; same field, checked
        if "description" in self.fields:
            self.fields["description"].help_text = ALT_TEXT_FIELD_HELP

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "read") and getattr(upload, "name", ""):
            check_image(upload)
        return upload


def check_image(upload):
    """Raise ValidationError unless the whole image decodes."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise forms.ValidationError(DAMAGED_IMAGE, code="damaged_image") from error
    finally:
        upload.seek(0)


class PortalMediaForm(BaseMediaForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "read") or not getattr(upload, "name", ""):
            return upload
        if upload.size > settings.MEDIA_MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _("This file is too big (%(size)s). The limit is %(limit)s."),
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(settings.MEDIA_MAX_UPLOAD_SIZE)},
                code="too_big",
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        allowed = settings.WAGTAILMEDIA[f"{self.instance.type.upper()}_EXTENSIONS"]
        if extension not in allowed:
            raise forms.ValidationError(
                _("Files of this type cannot be uploaded here. Allowed: %(allowed)s."),
                params={"allowed": ", ".join(allowed)},
                code="extension",
            )
        check_content(upload, extension)
        return upload
