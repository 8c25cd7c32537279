"""Which pages ask "Was this page useful?": content pages, not the home page or the listings of a section.

Decided from the page's class alone, so the question adds no query to a page. A page type may say so itself with a
``rating_enabled`` class attribute.
"""

from django import template

from portal.models import BasePage, SectionPage
from ratings.forms import CommentForm

register = template.Library()

# Pages that list others, named by label: the home page and the listings that are not a section of their own.
LISTINGS = {"home.homepage", "documents.documentcollectionpage", "province.archivesectionpage", "notices.workweekpage"}


@register.filter
def takes_rating(page) -> bool:
    if not isinstance(page, BasePage):
        return False
    chosen = getattr(page, "rating_enabled", None)
    if chosen is not None:
        return bool(chosen)
    return not isinstance(page, SectionPage) and page._meta.label_lower not in LISTINGS


@register.simple_tag
def rating_comment_form() -> CommentForm:
    """An empty comment form, for the script to show after an answer (the token is filled in then)."""
    return CommentForm(auto_id="rating-%s")
