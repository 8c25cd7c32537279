"""Publishing, unpublishing, moving, privacy changes and deletions update the public search index."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import elastic, indexer
from search.engines import database_engine
from search.models import SearchDocument


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    indexer.index_page(instance)


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    indexer.remove_page(instance)


@receiver(post_page_move)
def follow_moved_pages(sender, instance, parent_page_before, parent_page_after, **kwargs):
    indexer.follow_move(instance, parent_page_before, parent_page_after)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def reindex_after_privacy_change(sender, instance, **kwargs):
    indexer.index_subtree(instance.page)


@receiver(post_delete, sender=SearchDocument)
def remove_full_text_entry(sender, instance, **kwargs):
    if instance.sort_key is not None:
        database_engine().discard([instance.sort_key])
        elastic.discard([instance.sort_key])
