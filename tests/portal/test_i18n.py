"""The i18n plumbing: every marked string can be extracted into a catalogue without a warning."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_makemessages_runs_clean_over_the_whole_tree(tmp_path):
    if not shutil.which("xgettext"):
        if os.environ.get("CI") == "true":
            pytest.fail("xgettext not found: install gettext (`apt-get install gettext`).")
        pytest.skip("makemessages needs gettext: `apt-get install gettext`.")
    # A copy, so the run writes its catalogue there and not into the checkout's locale/.
    tree = tmp_path / "tree"
    shutil.copytree(
        ROOT,
        tree,
        ignore=shutil.ignore_patterns(
            ".*", "__pycache__", "locale", "media", "staticfiles", "db.sqlite3*"
        ),
    )
    (tree / "locale").mkdir()
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en"],
        cwd=tree,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    catalogue = (tree / "locale/en/LC_MESSAGES/django.po").read_text()
    assert 'msgid "Hoppa till innehållet"' in catalogue  # templates
    assert 'msgid "Skapad"' in catalogue  # Python
