"""What empties the page cache: any change a citizen could see.

Pages: publishing, unpublishing (also by scheduled expiry), moving, deleting, privacy. Everything else a page shows:
the portal settings and menus, the vocabularies (categories, document types, issuers, areas), images, documents and
media (their titles and files appear in listings), sites, collection privacy. Not the rows that change on every
visit or in the background (visitor counts, download counts, renditions, revisions, search rows, logs).

With a CDN in front (``wagtail.contrib.frontend_cache`` configured, see config/settings/base.py), publishing and
unpublishing also purge the page's address, its parent's (the section listing) and the home page from the CDN.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache import store

CONTENT_APPS = {"portal", "home", "news", "notices", "documents", "gallery"}
CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailmedia.media",
}
BACKGROUND_MODELS = {"documents.filedownload", "documents.filetext", "portal.queuedmail"}


def shows_on_pages(model) -> bool:
    label = model._meta.label_lower
    if label in BACKGROUND_MODELS:
        return False
    return label in CONTENT_MODELS or model._meta.app_label in CONTENT_APPS or issubclass(model, Page)


def content_changed(sender, instance, **kwargs):
    if not kwargs.get("raw") and shows_on_pages(sender):
        store.invalidate(f"{sender._meta.label} {instance.pk}")


for model in apps.get_models():
    if shows_on_pages(model):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label_lower}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label_lower}")


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    store.invalidate(f"page {instance.pk} published or unpublished")
    if settings.WAGTAILFRONTENDCACHE:
        purge_from_cdn(instance)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    store.invalidate(f"page {instance.pk} moved")


def purge_from_cdn(page):
    """The page's own addresses are purged by wagtail.contrib.frontend_cache; add its section and the home page."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        batch.add_page(parent.specific)
    site = page.get_site()
    if site is not None:
        batch.add_page(site.root_page.specific)
    batch.purge()
