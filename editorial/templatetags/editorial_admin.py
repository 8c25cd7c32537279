from django import template

from editorial.admin_scope import collections_for_user as scoped_collections

register = template.Library()


@register.filter
def collections_for_user(collections, user):
    """``{{ collections|collections_for_user:request.user }}``: the collections the user may put media in."""
    return scoped_collections(collections, user)
