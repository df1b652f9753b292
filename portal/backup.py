"""Backups: the database and the stored documents in one archive, with a manifest of hashes and
row counts; and the restore that checks them (docs/operations.md, "Backup and restore").

The archive (tar.gz) holds `data.json` (Django's JSON serialization with natural keys, so it loads into any fresh,
migrated database, PostgreSQL or SQLite), `media/<name>` for every file a row refers to, and
`manifest.json`: the SHA-256 of each member, the row count of each model, and when it was made.
Consistent: the rows and the list of files are read in one transaction (on PostgreSQL a
repeatable-read snapshot), and stored files never change once written (attachments are named by
their hash, an issued report is frozen), so the files match the rows. Rendered plan PDFs
(`pdf/`) are a cache and are left out, as are the search's words (its entries bring them
back as they load); sessions, login attempts, content types and permissions
are made again by `migrate` or by use.
"""

import hashlib
import io
import json
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, models, transaction
from django.test.utils import override_settings
from django.utils import timezone

from core import search

FORMAT = 1
EXCLUDED_APPS = ("contenttypes", "sessions", "axes", "admin")
# Files uploaded for an import and not yet confirmed are as fleeting as sessions; the page
# cache's counter belongs to its database: a restored one keeps its own lineage; the search's
# words are derived from its entries by a trigger (core.models.SearchWord), which adds them
# again as the entries are restored.
EXCLUDED_MODELS = (
    "auth.permission",
    "core.pendingupload",
    "core.contentversion",
    "core.searchword",
)


class BackupError(Exception):
    pass


def backed_up_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
        and model._meta.managed
        and not model._meta.proxy
    ]


def _stored_files() -> list[str]:
    """Every file a row refers to (FileFields), history rows included."""
    names = set()
    for model in backed_up_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names.update(
                    model._default_manager.exclude(**{field.name: ""})
                    .exclude(**{f"{field.name}__isnull": True})
                    .values_list(field.name, flat=True)
                )
    return sorted(names)


def _dump() -> str:
    """What `dumpdata --natural-foreign --natural-primary` writes for the backed-up models,
    dependencies first (done here rather than through the command, which skips an app whose
    registry entry is marked as having no models module)."""
    by_app = defaultdict(list)
    for model in backed_up_models():
        by_app[apps.get_app_config(model._meta.app_label)].append(model)
    ordered = serializers.sort_dependencies(by_app.items(), allow_cycles=True)
    objects = (
        row
        for model in ordered
        for row in model._default_manager.order_by(model._meta.pk.name).iterator()
    )
    return serializers.serialize(
        "json", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True
    )


def _read(name: str) -> bytes:
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _add(archive: tarfile.TarFile, name: str, content: bytes) -> None:
    member = tarfile.TarInfo(name)
    member.size = len(content)
    member.mtime = int(timezone.now().timestamp())
    archive.addfile(member, io.BytesIO(content))


def create_backup(path: Path) -> dict:
    """Write the archive to `path`; return its manifest."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        dump = _dump()
        counts = {m._meta.label: m._default_manager.count() for m in backed_up_models()}
        files = {name: _read(name) for name in _stored_files()}
    members = {"data.json": dump.encode()}
    members.update({f"media/{name}": content for name, content in files.items()})
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "counts": counts,
        "sha256": {name: _sha256(content) for name, content in members.items()},
    }
    with tarfile.open(path, "w:gz") as archive:
        _add(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
        for name, content in members.items():
            _add(archive, name, content)
    return manifest


def read_backup(path: Path) -> tuple[dict, dict[str, bytes]]:
    """The manifest and the members, every member checked against its hash."""
    with tarfile.open(path, "r:gz") as archive:
        members = {
            member.name: archive.extractfile(member).read()
            for member in archive.getmembers()
            if member.isfile()
        }
    manifest = json.loads(members.pop("manifest.json"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Okänt format på säkerhetskopian: {manifest.get('format')}")
    if set(members) != set(manifest["sha256"]):
        raise BackupError("Säkerhetskopian saknar filer eller har filer utöver manifestet.")
    for name, content in members.items():
        if _sha256(content) != manifest["sha256"][name]:
            raise BackupError(f"{name} stämmer inte med manifestets SHA-256.")
    return manifest, members


def _content_rows() -> dict[str, int]:
    """Rows in a database that `migrate` did not make (the role groups it makes)."""
    counts = {m._meta.label: m._default_manager.count() for m in backed_up_models()}
    return {label: n for label, n in counts.items() if n and label != "auth.Group"}


def restore_backup(path: Path) -> dict:
    """Restore into a fresh, migrated database and empty storage; check the row counts against
    the manifest. Everything or nothing: the rows in one transaction, the files removed again
    if it fails."""
    manifest, members = read_backup(path)
    if occupied := _content_rows():
        raise BackupError(
            "Databasen är inte tom (" + ", ".join(sorted(occupied)) + "): återställ till en "
            "ny databas som just migrerats."
        )
    saved = []
    try:
        with transaction.atomic():
            # The history rows and the search's entries come from the archive; loading the
            # many-to-many fields must not add history or entries of their own (their signals
            # fire even on raw loads).
            with (
                override_settings(SIMPLE_HISTORY_ENABLED=False),
                search.deferred(),
                tempfile.NamedTemporaryFile(suffix=".json") as data,
            ):
                data.write(members["data.json"])
                data.flush()
                call_command("loaddata", data.name, verbosity=0)
            for name, content in members.items():
                if name.startswith("media/"):
                    stored = default_storage.save(name.removeprefix("media/"), ContentFile(content))
                    saved.append(stored)
                    if stored != name.removeprefix("media/"):
                        raise BackupError(f"{stored}: en fil med samma namn fanns redan.")
            restored = {m._meta.label: m._default_manager.count() for m in backed_up_models()}
            if restored != manifest["counts"]:
                differing = sorted(
                    label
                    for label in set(restored) | set(manifest["counts"])
                    if restored.get(label) != manifest["counts"].get(label)
                )
                raise BackupError(
                    "Antalet rader stämmer inte för: "
                    + ", ".join(
                        f"{label} ({restored.get(label)} mot {manifest['counts'].get(label)})"
                        for label in differing
                    )
                )
    except Exception:
        for name in saved:
            default_storage.delete(name)
        raise
    return manifest
