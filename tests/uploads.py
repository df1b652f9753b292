"""What every import's upload page (core.uploads.upload_page) refuses alike, and how: each
import's tests add the files its own reader refuses."""

import pytest

from core.models import PendingUpload

# The size limit the tests set (settings.IMPORT_MAX_BYTES): a small file is over it.
LIMIT = 1024


def bad_files(extension: str, *own) -> pytest.MarkDecorator:
    """Runs an upload test once for each bad file, as (name, data, status, message): a file of
    another type, one over the size limit, and the import's `own` cases."""
    return pytest.mark.parametrize(("name", "data", "status", "message"), [
        pytest.param("fil.pdf", b"%PDF-1.7", 400, "Filtypen är inte tillåten", id="wrong-type"),
        pytest.param(
            f"fil{extension}", b"PK\x03\x04" + b"0" * 2 * LIMIT, 413, "Filen är för stor",
            id="too-large",
        ),
        *own,
    ])  # fmt: skip


def assert_refused(response, *, status: int, message: str) -> None:
    """Refused with the status and the Swedish message, and nothing kept."""
    assert response.status_code == status
    assert message in response.content.decode()
    assert not PendingUpload.objects.exists()
