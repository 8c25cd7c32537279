"""The page cache on disk (production without Redis), which a storage failure cannot turn into failed pages.

Django's ``FileBasedCache`` raises whatever the file system raises: a folder that is not writable, a full disk or a
read-only mount then fails every anonymous page (and the health check). Here such a failure makes the store step
aside: one warning when it starts, every call a miss or a no-op without touching the disk, one try after
``RETRY_SECONDS`` (a small write), and one line when it works again. The store is emptied then, since the pages
published or unpublished meanwhile could not move its generation (``pagecache.store``): what it holds from before
may be out of date.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 10.0
PROBE_KEY = "pagecache:probe"


class PageFileCache(FileBasedCache):
    def __init__(self, dir, params):
        self.failing_since: float | None = None
        self.retry_at = 0.0
        self._lock = threading.Lock()
        try:
            super().__init__(dir, params)  # makes the folder
        except OSError as error:
            self._failed(error)

    @property
    def is_failing(self) -> bool:
        return self.failing_since is not None

    def _usable(self) -> bool:
        """False while the store is failing; after RETRY_SECONDS, one caller tries a write and empties the store."""
        if self.failing_since is None:
            return True
        with self._lock:
            if self.failing_since is None:
                return True
            if time.monotonic() < self.retry_at:
                return False
            self.retry_at = time.monotonic() + RETRY_SECONDS  # the others wait while this one tries
        try:
            super().set(PROBE_KEY, 1, 60)
            super().clear()
        except OSError as error:
            logger.debug("The page cache at %s still cannot be written: %s", self._dir, error)
            return False
        seconds = time.monotonic() - self.failing_since
        self.failing_since = None
        logger.warning("The page cache at %s works again after %.0f s; it was emptied.", self._dir, seconds)
        return True

    def _failed(self, error: OSError):
        with self._lock:
            starts = self.failing_since is None
            now = time.monotonic()
            if starts:
                self.failing_since = now
            self.retry_at = now + RETRY_SECONDS
        if starts:
            logger.warning(
                "The page cache at %s cannot be used (%s): pages are rendered for every request until it can; "
                "tried again every %.0f s.",
                self._dir,
                error,
                RETRY_SECONDS,
            )

    def _guarded(self, call, fallback, *args, **kwargs):
        if not self._usable():
            return fallback
        try:
            return call(*args, **kwargs)
        except OSError as error:
            self._failed(error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._guarded(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().set, None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().add, False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded(super().delete, False, key, version)

    def has_key(self, key, version=None):
        return self._guarded(super().has_key, False, key, version)

    def clear(self):
        return self._guarded(super().clear, None)
