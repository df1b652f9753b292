"""The restore drill: back up the demo (its two issued board reports included), restore into a
fresh database and empty storage, and find the same rows and the same documents."""

import tarfile
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command

from core.models import SearchWord
from portal.backup import backed_up_models, read_backup
from tests.demo import load_demo, row_counts

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("role_groups")]


def counts():
    labels = {model._meta.label for model in backed_up_models()}
    return {label: n for label, n in row_counts().items() if label in labels}


def test_a_backup_restores_into_a_fresh_database_with_the_same_rows_and_documents(
    tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    before = counts()
    words = set(SearchWord.objects.values_list("word", flat=True))
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", archive, stdout=StringIO())
    manifest, members = read_backup(archive)
    assert manifest["counts"] == before
    assert sum(name.startswith("media/board-reports/") for name in members) == 2

    # A fresh database (as `migrate` leaves it) and empty storage.
    call_command("flush", "--noinput")
    call_command("migrate", "--noinput", verbosity=0)  # the role groups again
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    output = StringIO()
    call_command("restore", archive, stdout=output)
    assert counts() == before
    assert "antalen stämmer" in output.getvalue()
    assert "2 dokument kontrollerade, alla stämmer" in output.getvalue()
    # The search's words are not in the archive: the restored entries bring them back.
    assert set(SearchWord.objects.values_list("word", flat=True)) == words


def test_a_damaged_archive_is_refused_before_anything_is_written(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", archive, stdout=StringIO())
    _manifest, members = read_backup(archive)
    members["data.json"] = members["data.json"].replace(b"Gotland", b"Gotlant", 1)
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            content = members.get(member.name) or source.extractfile(member).read()
            member.size = len(content)
            target.addfile(member, BytesIO(content))
    with pytest.raises(CommandError, match=r"data\.json stämmer inte"):
        call_command("restore", damaged)


def test_restore_refuses_a_database_that_holds_content(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_demo()
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", archive, stdout=StringIO())
    with pytest.raises(CommandError, match="inte tom"):
        call_command("restore", archive)
