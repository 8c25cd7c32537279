"""StreamField blocks shared by every page type: the body blocks, and the boxes that belong to no section (links,
text). Sections keep their own boxes (`news.blocks`, `notices.blocks`, `gallery.blocks`); `home.blocks` stacks them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Site
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.alt_text import has_alt_text, missing_alt_text
from portal.youtube import parse as parse_youtube


def site_for(parent_context):
    """The site a box is rendered for: the request's, or the default site when a box is rendered without one."""
    request = (parent_context or {}).get("request")
    return Site.find_for_request(request) if request else Site.objects.filter(is_default_site=True).first()


PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


def image_needs_alt_text(image, name: str) -> None:
    """Refuse a content image without a description (its alt text, `portal.alt_text`), beside its chooser."""
    if not has_alt_text(image):
        raise blocks.StructBlockValidationError(block_errors={name: missing_alt_text(image)})


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    credit = blocks.CharBlock(
        label=_("Credit"), required=False, max_length=255, help_text=_("E.g. Photo: Nguyễn Văn A")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        image_needs_alt_text(value.get("image"), "image")
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "blocks/quote.html"


class VideoBlock(blocks.StructBlock):
    """A YouTube video shown as a click-to-play facade: nothing loads from YouTube until the visitor asks."""

    url = blocks.URLBlock(label=_("YouTube address"), help_text=_("E.g. https://www.youtube.com/watch?v=…"))
    title = blocks.CharBlock(label=_("Title"), max_length=255)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        try:
            parse_youtube(value.get("url"))
        except ValidationError as error:
            raise blocks.StructBlockValidationError(block_errors={"url": error}) from error
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        try:
            context["video"] = parse_youtube(value.get("url"))
        except ValidationError:
            context["video"] = None
        return context


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Leave empty to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Attached document")
        template = "blocks/document.html"


class GalleryStripBlock(blocks.StructBlock):
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("Images"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Gallery strip")
        template = "blocks/gallery_strip.html"


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Full name"), max_length=120)
    position = blocks.CharBlock(label=_("Position"), max_length=255)
    photo = ImageChooserBlock(label=_("Photo"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)

    class Meta:
        icon = "user"
        label = _("Person")

    def clean(self, value):
        value = super().clean(value)
        image_needs_alt_text(value.get("photo"), "photo")
        return value


class PeopleBlock(blocks.StructBlock):
    """Leaders or staff with their contacts, as on a "Giới thiệu" page."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=255)
    people = blocks.ListBlock(PersonBlock(), label=_("People"))

    class Meta:
        icon = "group"
        label = _("People and contacts")
        template = "blocks/people.html"


class BodyBlock(blocks.StreamBlock):
    """The body of articles and standard pages."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=PARAGRAPH_FEATURES, template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Table"), template="blocks/table.html")
    video = VideoBlock()
    document = DocumentLinkBlock()
    gallery = GalleryStripBlock()
    people = PeopleBlock()


class LinkListBoxBlock(blocks.StructBlock):
    """A box of links kept as a menu snippet, e.g. online public services or the document system."""

    heading = blocks.CharBlock(
        label=_("Heading"), required=False, max_length=120, help_text=_("Defaults to the menu's title.")
    )
    menu = SnippetChooserBlock("portal.Menu", label=_("Menu"))
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("list", _("List")), ("buttons", _("Buttons"))],
        default="list",
    )

    class Meta:
        icon = "list-ul"
        label = _("Links box")
        template = "blocks/link_list_box.html"


class TextBoxBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Text box")
        template = "blocks/text_box.html"
