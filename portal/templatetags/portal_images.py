"""Wagtail's ``{% image %}`` tag for the public pages, except that an image whose file cannot be read (damaged on
disk, or uploaded before uploads were checked) renders nothing and is logged, instead of failing the whole page.
Wagtail's own tag already copes with a missing file; this covers the rest. Load it in place of
``wagtailimages_tags``."""

import logging

from django import template

from wagtail.images.templatetags.wagtailimages_tags import ImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as wagtail_image

register = template.Library()
logger = logging.getLogger(__name__)


class CheckedImageNode(ImageNode):
    def render(self, context):
        try:
            return super().render(context)
        except Exception:  # Pillow and Willow raise many kinds for a damaged file
            logger.warning("An image could not be rendered on %s", context.get("request"), exc_info=True)
            if self.output_var_name:
                context[self.output_var_name] = None
            return ""


@register.tag(name="image")
def image(parser, token):
    node = wagtail_image(parser, token)
    node.__class__ = CheckedImageNode
    return node
