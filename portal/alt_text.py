"""Alternative text of content images: the image's own "description" field (Wagtail's alt text, read by
`{% image %}` and shown in the image editor), required where an image carries content.

Where it is required, and why there: a page that shows an image as content (an article's feature image, a photo
of an album, an image, gallery strip or person's photo in a body) is refused on saving while the image has no
description, with the image's title in the message and the field beside the chooser. The upload form does not
require it: the same image library holds logos, social-card pictures and video posters that are decorative, and
a bulk upload of an album's photos would stop at every file. Writing it once on the image serves every page that
shows the image; the image form says what the field is for (`gallery.forms.PortalImageForm`)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MISSING = _(
    "The image “%(title)s” has no alternative text. Open it in Images, write in “Description” what the picture "
    "shows (it is read out to visitors who cannot see it), save it, then save this page again."
)

ALT_TEXT_HELP = _("The image needs a description (its alternative text): open it in Images to write one.")


def has_alt_text(image) -> bool:
    return image is None or bool((image.description or "").strip())


def missing_alt_text(image) -> ValidationError:
    return ValidationError(MISSING, code="alt_text_missing", params={"title": image.title})


def require_alt_text(image, field: str) -> None:
    """Raise a ValidationError on `field` when `image` is chosen and has no description."""
    if not has_alt_text(image):
        raise ValidationError({field: missing_alt_text(image)})
