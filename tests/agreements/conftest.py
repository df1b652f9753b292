import pytest


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded and rendered files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
