from pathlib import Path

from django.core.management.base import BaseCommand

from portal.backup import create_backup


class Command(BaseCommand):
    help = (
        "Skriver databasen och de lagrade dokumenten till ett arkiv (tar.gz) med ett manifest "
        "över filernas SHA-256 och antalet rader (docs/operations.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", type=Path, help="arkivets sökväg, t.ex. portal-2026-11-30.tar.gz"
        )

    def handle(self, *args, archive: Path, **options):
        manifest = create_backup(archive)
        rows = sum(manifest["counts"].values())
        files = len(manifest["sha256"]) - 1
        self.stdout.write(f"{archive}: {rows} rader, {files} dokument, {manifest['created']}")
