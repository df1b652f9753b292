"""Stored documents stay true: a file kept with its SHA-256 (an issued board report, an agreement's
attachment) is served only while its bytes still have that hash.

A full hash reads the whole file, so it is taken on a document's first serve and by the
scheduled `manage.py verify_documents`; in between, a serve compares the file's size and
modification time with those of its last full check (kept in the cache), which any ordinary
rewrite of the file changes. A missing or changed file is never served as the original: the
reader gets a clear page (503), the log an error, and the command a non-zero exit.
"""

import hashlib
import logging

from django.core.cache import cache
from django.shortcuts import render

logger = logging.getLogger(__name__)

CHUNK = 1024 * 1024


class DocumentUnavailable(Exception):
    """The stored file is missing or no longer has the hash it was stored with."""


def _stamp(stored) -> str:
    storage, name = stored.storage, stored.name
    return f"{storage.size(name)}:{storage.get_modified_time(name).timestamp()}"


def _cache_key(stored, sha256: str) -> str:
    return "document-verified:" + hashlib.sha256(f"{stored.name}|{sha256}".encode()).hexdigest()


def verify(stored, sha256: str, *, full: bool = False) -> None:
    """Raise DocumentUnavailable unless the file behind `stored` (a FieldFile) has `sha256`.
    `full` hashes it even if its size and modification time match the last full check."""
    try:
        if not stored or not stored.storage.exists(stored.name):
            raise FileNotFoundError(stored.name)
        stamp = _stamp(stored)
        key = _cache_key(stored, sha256)
        if not full and cache.get(key) == stamp:
            return
        digest = hashlib.sha256()
        with stored.storage.open(stored.name, "rb") as content:
            for chunk in iter(lambda: content.read(CHUNK), b""):
                digest.update(chunk)
    except OSError as error:
        logger.error("Dokumentet %s saknas eller kan inte läsas: %s", stored.name, error)
        raise DocumentUnavailable(f"{stored.name}: saknas") from error
    if digest.hexdigest() != sha256:
        cache.delete(key)
        logger.error(
            "Dokumentet %s har ändrats: SHA-256 %s, väntad %s",
            stored.name,
            digest.hexdigest(),
            sha256,
        )
        raise DocumentUnavailable(f"{stored.name}: ändrat")
    cache.set(key, stamp, None)


def unavailable_page(request):
    """503, not 410: the document exists in the record and comes back when the file is restored
    from a backup; 410 would tell every cache and crawler it is gone for good."""
    return render(request, "core/document_unavailable.html", status=503)
