"""Work done after an album is published: its pictures made before its first visitor asks for them."""

from django.db import transaction

from django_tasks import task

from gallery.images import picture, prefetch_renditions
from gallery.models import AlbumPage


@task()
def make_album_pictures(page_id: int):
    """Make the renditions of every photo of an album (and its cover), so that its first visitor does not wait for
    them; photos whose file cannot be read are logged and skipped, as on the page."""
    album = AlbumPage.objects.filter(pk=page_id).select_related("cover").first()
    if album is None:
        return
    picture(album.cover)
    for photo in album.photos.select_related("image").prefetch_related(prefetch_renditions("image__renditions")):
        picture(photo.image)


def schedule_album_pictures(album):
    """Once the publication is committed (through the task framework: at once by default, in a worker with a queue)."""
    transaction.on_commit(lambda: make_album_pictures.enqueue(album.pk))
