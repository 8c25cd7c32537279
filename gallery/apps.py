from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    name = "gallery"
    verbose_name = _("Photos, videos and audio")

    def ready(self):
        from wagtail.signals import page_published

        from gallery.models import AlbumPage
        from gallery.tasks import schedule_album_pictures

        def album_published(sender, instance, **kwargs):
            schedule_album_pictures(instance)

        page_published.connect(album_published, sender=AlbumPage, weak=False, dispatch_uid="gallery_album_pictures")
