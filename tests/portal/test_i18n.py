"""The i18n plumbing: every marked string can be extracted into a catalogue without a warning,
and the committed English catalogue is complete: every string in the tree is in it, each one
translated (no empty, no fuzzy entry), with its placeholders and tags kept."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale/en/LC_MESSAGES/django.po"
# What a translation must keep exactly: %(name)s placeholders, {{ variables }}, HTML tags.
KEPT = re.compile(r"%\(\w+\)[sd]|\{\{.*?\}\}|</?[a-z]+[^>]*>")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """makemessages over a copy of the whole tree: (its stderr, the catalogue it wrote)."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI") == "true":
            pytest.fail("xgettext not found: install gettext (`apt-get install gettext`).")
        pytest.skip("makemessages needs gettext: `apt-get install gettext`.")
    # A copy, so the run writes its catalogue there and not into the checkout's locale/.
    tree = tmp_path_factory.mktemp("i18n") / "tree"
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
    return result.stderr, polib.pofile(str(tree / "locale/en/LC_MESSAGES/django.po"))


def _keys(catalogue) -> set:
    return {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}


def test_makemessages_runs_clean_over_the_whole_tree(extracted):
    stderr, catalogue = extracted
    assert stderr == ""
    assert (None, "Hoppa till innehållet") in _keys(catalogue)  # templates
    assert (None, "Skapad") in _keys(catalogue)  # Python


def test_the_committed_catalogue_holds_every_string_in_the_tree(extracted):
    """New strings are caught here: run `manage.py makemessages -l en --no-obsolete` and
    translate what it adds."""
    _stderr, catalogue = extracted
    missing = _keys(catalogue) - _keys(polib.pofile(str(CATALOGUE)))
    assert not missing, f"{len(missing)} strings not in {CATALOGUE.name}: {sorted(missing)[:20]}"


def test_the_english_catalogue_has_no_untranslated_or_fuzzy_entry():
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.metadata["Language"] == "en"
    assert not catalogue.metadata_is_fuzzy
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{len(untranslated)} untranslated: {untranslated[:20]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy: {fuzzy[:20]}"
    assert len(catalogue.translated_entries()) > 1000


def test_every_translation_keeps_its_placeholders_and_tags():
    wrong = []
    for entry in polib.pofile(str(CATALOGUE)):
        source = sorted(set(KEPT.findall(entry.msgid_plural or entry.msgid)))
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if entry.msgid_plural:
            assert len(translations) == 2, entry.msgid  # "Plural-Forms: nplurals=2"
        wrong += [entry.msgid for text in translations if sorted(set(KEPT.findall(text))) != source]
    assert wrong == []
