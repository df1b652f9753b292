"""Documents stay true: an issued board report's PDF (and an attachment) is served only while it
has the SHA-256 it was stored with; `manage.py verify_documents` checks them all."""

import logging
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.governance.test_board_reports import issue

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


@pytest.fixture
def issued(draft, register_admin):
    return issue(draft, register_admin)


def pdf_url(report):
    return reverse("governance:board_report_pdf", args=[report.pk])


def tamper(report, content=b"%PDF-1.7 forged"):
    path = Path(report.pdf.path)
    path.write_bytes(content)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_an_intact_report_is_served_and_the_command_agrees(client, issued, capsys):
    assert client.get(pdf_url(issued)).status_code == 200
    call_command("verify_documents")
    assert "1 dokument kontrollerade, alla stämmer" in capsys.readouterr().out


def test_a_tampered_report_is_never_served_as_the_original(client, issued, caplog):
    assert client.get(pdf_url(issued)).status_code == 200  # checked in full, remembered
    tamper(issued)
    with caplog.at_level(logging.ERROR, logger="core.documents"):
        response = client.get(pdf_url(issued))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert "stämmer inte med originalet" in response.content.decode()
    assert "har ändrats" in caplog.text
    with pytest.raises(CommandError, match="1 av 1 dokument stämmer inte"):
        call_command("verify_documents")


def test_a_missing_report_file_is_a_clear_page_not_a_500(client, issued, caplog):
    Path(issued.pdf.path).unlink()
    response = client.get(pdf_url(issued))
    assert response.status_code == 503
    assert "saknas" in caplog.text
    with pytest.raises(CommandError):
        call_command("verify_documents")


def test_a_change_that_keeps_size_and_time_is_found_by_the_command(issued, client):
    """The cheap check on serving compares size and modification time; the scheduled full
    check finds what that cannot."""
    client.get(pdf_url(issued))
    path = Path(issued.pdf.path)
    stat = path.stat()
    original = path.read_bytes()
    path.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(CommandError):
        call_command("verify_documents")
    # The full check forgot the file, so the next serve hashes it again and refuses it.
    assert client.get(pdf_url(issued)).status_code == 503
