"""The files a record refers to: found next to the import file, checked like an upload, stored once.

A path is relative to the folder of the JSON Lines file and may not leave it. Images must decode with Pillow as the
format their extension names; documents and video files must hold what their extension says
(``portal.uploads.check_content``, the check of the upload forms). A file whose content is already in the library
(images and documents by Wagtail's ``file_hash``, video files by ``ImportedMediaFile``) is reused, not stored again.
Files written for a record that then fails are deleted, and a dry run deletes all it wrote.
"""

import contextlib
import hashlib
import os
import posixpath
import warnings
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PillowImage
from wagtailmedia.models import get_media_model

from gallery.forms import DAMAGED_IMAGE, check_image
from importer.models import ImportedMediaFile
from importer.values import RecordError
from portal.uploads import check_content

# What Pillow calls the format each image extension promises.
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
TITLE_MAX_LENGTH = 255


def sha1_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha1").hexdigest()


class FileStore:
    def __init__(self, base_dir: Path):
        self.base_dir = base_dir.resolve()
        self.hashes: dict[Path, str] = {}
        self.record_files: list[tuple] = []  # written for the record being imported
        self.run_files: list[tuple] = []  # written by the records imported so far
        self.record_objects: list = []  # images, documents and media created for the record being imported
        self.created_objects: list = []  # … and by the records imported so far (for the search index)
        self._collection = None

    # Finding and fingerprinting ------------------------------------------------------------------------------------
    def resolve(self, relative) -> Path:
        if not isinstance(relative, str) or not relative.strip():
            raise RecordError(_("A file path must be a non-empty text."))
        path = (self.base_dir / relative.strip()).resolve()
        if not path.is_relative_to(self.base_dir):
            raise RecordError(
                _("File “%(path)s” is outside the folder of the import file.") % {"path": relative.strip()}
            )
        if not path.is_file():
            raise RecordError(
                _("File “%(path)s” not found (paths are relative to the import file).") % {"path": relative.strip()}
            )
        return path

    def fingerprint(self, relative) -> str:
        """The SHA-1 of a file's content (for the record's checksum and to reuse a stored copy)."""
        path = self.resolve(relative)
        if path not in self.hashes:
            self.hashes[path] = sha1_of(path)
        return self.hashes[path]

    # Checks ---------------------------------------------------------------------------------------------------------
    @staticmethod
    def extension(path: Path, relative: str, allowed) -> str:
        extension = path.suffix.lower().lstrip(".")
        if extension not in allowed:
            raise RecordError(
                _("File “%(path)s”: %(reason)s")
                % {
                    "path": relative,
                    "reason": _("Files of this type cannot be uploaded here. Allowed: %(allowed)s.")
                    % {"allowed": ", ".join(allowed)},
                }
            )
        return extension

    @staticmethod
    def check_size(path: Path, relative: str, limit: int):
        size = path.stat().st_size
        if size > limit:
            raise RecordError(
                _("File “%(path)s”: %(reason)s")
                % {
                    "path": relative,
                    "reason": _("This file is too big (%(size)s). The limit is %(limit)s.")
                    % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
                }
            )

    @staticmethod
    def content_error(relative: str, error: forms.ValidationError) -> RecordError:
        return RecordError(_("File “%(path)s”: %(reason)s") % {"path": relative, "reason": " ".join(error.messages)})

    def check_image(self, path: Path, relative: str, extension: str):
        with path.open("rb") as handle:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error", PillowImage.DecompressionBombWarning)
                    with PillowImage.open(handle) as image:
                        found_format, (width, height) = image.format, image.size
            except (OSError, SyntaxError, ValueError, PillowImage.DecompressionBombWarning) as error:
                raise RecordError(_("File “%(path)s”: %(reason)s") % {"path": relative, "reason": DAMAGED_IMAGE}) from (
                    error
                )
            if found_format != IMAGE_FORMATS[extension]:
                reason = _("This file is not a real .%(extension)s file: its content does not match its name.") % {
                    "extension": extension
                }
                raise RecordError(_("File “%(path)s”: %(reason)s") % {"path": relative, "reason": reason})
            if width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise RecordError(
                    _("File “%(path)s”: the image has too many pixels (%(pixels)d; at most %(limit)d).")
                    % {"path": relative, "pixels": width * height, "limit": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS}
                )
            try:
                check_image(handle)  # decodes the whole image, as the upload form does
            except forms.ValidationError as error:
                raise self.content_error(relative, error) from error

    def check_file(self, path: Path, relative: str, extension: str):
        with path.open("rb") as handle:
            try:
                check_content(handle, extension)
            except forms.ValidationError as error:
                raise self.content_error(relative, error) from error

    # Storing --------------------------------------------------------------------------------------------------------
    def collection(self):
        """The collection imported files go to, made the first time it is needed."""
        if self._collection is None:
            name = _("Imported from the old portal")
            root = Collection.get_first_root_node()
            self._collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
        return self._collection

    def store(self, instance, field_name: str, path: Path):
        """Write the file into ``instance``'s file field (without saving the instance) and remember it, so that it
        can be deleted if the record fails or the run is a dry run."""
        field = instance._meta.get_field(field_name)
        target = field.generate_filename(instance, path.name)
        storage = field.storage
        parent = posixpath.dirname(target)
        parent_existed = not parent or storage.exists(parent)
        with path.open("rb") as handle:
            getattr(instance, field_name).save(path.name, File(handle, name=path.name), save=False)
        self.record_files.append((storage, getattr(instance, field_name).name, parent, parent_existed))

    def image(self, relative, title: str = ""):
        """A Wagtail image for the file: the library's copy if it holds the same content, else a new one."""
        return self.library_file(
            get_image_model(),
            relative,
            title,
            settings.WAGTAILIMAGES_EXTENSIONS,
            settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
            self.check_image,
        )

    def document(self, relative, title: str = ""):
        """A Wagtail document (office formats and PDF, as the library allows) for the file, reused by content."""
        return self.library_file(
            get_document_model(),
            relative,
            title,
            settings.WAGTAILDOCS_EXTENSIONS,
            settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
            self.check_file,
        )

    def library_file(self, model, relative, title, extensions, max_size, check_content):
        """An image or document of Wagtail's libraries for the file, found by its content (``file_hash``) first."""
        path = self.resolve(relative)
        relative = relative.strip()
        extension = self.extension(path, relative, extensions)
        self.check_size(path, relative, max_size)
        check_content(path, relative, extension)
        file_hash = self.fingerprint(relative)
        existing = model.objects.filter(file_hash=file_hash).order_by("pk").first()
        if existing is not None:
            return existing
        item = model(title=(title or path.stem)[:TITLE_MAX_LENGTH], collection=self.collection())
        self.store(item, "file", path)
        item.file_size, item.file_hash = path.stat().st_size, file_hash
        item.save()
        self.record_objects.append(item)
        return item

    def video(self, relative, title: str = ""):
        """A video in the media library (MP4 or WebM) for the file, reused by content."""
        path = self.resolve(relative)
        relative = relative.strip()
        extension = self.extension(path, relative, settings.WAGTAILMEDIA["VIDEO_EXTENSIONS"])
        self.check_size(path, relative, settings.MEDIA_MAX_UPLOAD_SIZE)
        self.check_file(path, relative, extension)
        file_hash = self.fingerprint(relative)
        known = ImportedMediaFile.objects.filter(file_hash=file_hash).select_related("media").first()
        if known is not None:
            return known.media
        media = get_media_model()(title=(title or path.stem)[:TITLE_MAX_LENGTH], type="video")
        media.collection = self.collection()
        self.store(media, "file", path)
        media.save()
        ImportedMediaFile.objects.create(file_hash=file_hash, media=media)
        self.record_objects.append(media)
        return media

    # The record's outcome -------------------------------------------------------------------------------------------
    def record_succeeded(self):
        self.run_files += self.record_files
        self.created_objects += self.record_objects
        self.record_files, self.record_objects = [], []

    def record_failed(self):
        """Delete what the failed record wrote; what it created in the database was rolled back."""
        delete_files(self.record_files)
        self.record_files, self.record_objects = [], []
        self._collection = None

    def discard_run(self):
        """A dry run: delete every file written."""
        delete_files(self.record_files + self.run_files)
        self.record_files, self.run_files, self.record_objects, self.created_objects = [], [], [], []


def delete_files(files):
    for storage, name, parent, parent_existed in reversed(files):
        storage.delete(name)
        if parent and not parent_existed and hasattr(storage, "path"):
            with contextlib.suppress(OSError):  # only removed when empty
                os.rmdir(storage.path(parent))
