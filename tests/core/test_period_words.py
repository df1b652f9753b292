"""Period words read back in English: `Period.display()` shows the stored words as written
when the interface is Swedish and the same period in English words when it is English;
`describe()` spells the dates in the interface's language; `str()` stays the canonical
Swedish the parser reads back, whatever the language."""

import pytest
from django.utils import translation

from core.periods import parse

# (stored words, in English)
# fmt: off
ENGLISH = [
    ("hösten 2022", "autumn 2022"),
    ("ht 2022", "autumn 2022"),
    ("våren 2023", "spring 2023"),
    ("sommaren 2024", "summer 2024"),
    ("Q2 2022", "Q2 2022"),
    ("Q1/Q2 2023", "Q1/Q2 2023"),
    ("Q4 2022 – Q1 2023", "Q4 2022 – Q1 2023"),
    ("mars 2022", "March 2022"),
    ("juni/juli 2022", "June/July 2022"),
    ("oktober 2022 – mars 2023", "October 2022 – March 2023"),
    ("2022", "during 2022"),
    ("under 2023", "during 2023"),
    ("2022–2025", "2022–2025"),
    ("2021-01-28", "2021-01-28"),
    ("2021-01-19 till 2021-12-03", "2021-01-19 – 2021-12-03"),
    ("vid utgången av 2025", "by the end of 2025"),
    ("senast 2025", "by the end of 2025"),
    ("senast Q3 2022", "by Q3 2022"),
    ("senast 2022-12-31", "by 2022-12-31"),
    ("fr o m hösten 2022", "from autumn 2022"),
    ("fr o m 2023", "from 2023"),
    ("från och med maj 2024", "from May 2024"),
    ("årligen", "annually"),
    ("varje år", "annually"),
]
# fmt: on


@pytest.mark.parametrize(("stored", "english"), ENGLISH)
def test_english_readers_get_the_period_in_english(stored, english):
    period = parse(stored)
    with translation.override("en"):
        assert period.display() == english
    with translation.override("sv"):
        assert period.display() == stored


@pytest.mark.parametrize(("stored", "english"), ENGLISH)
def test_the_canonical_words_stay_swedish_in_any_language(stored, english):
    period = parse(stored)
    with translation.override("en"):
        assert parse(str(period)) == period
        assert str(period) == str(parse(stored))


@pytest.mark.parametrize("stored", ["någon gång nästa år", "", "2022-02-30"])
def test_words_not_understood_are_shown_as_written_in_either_language(stored):
    with translation.override("en"):
        assert parse(stored).display() == stored


@pytest.mark.parametrize(
    ("stored", "swedish", "english"),
    [
        ("Q3 2022", "1 juli – 30 september 2022", "1 July – 30 September 2022"),
        ("2022-11-05", "5 november 2022", "5 November 2022"),
        ("Q4 2022 – Q1 2023", "1 oktober 2022 – 31 mars 2023", "1 October 2022 – 31 March 2023"),
        ("vid utgången av 2025", "senast 31 december 2025", "by 31 December 2025"),
        (
            "fr o m maj 2024",
            "från och med 1 maj 2024, utan slutdatum",
            "from 1 May 2024, with no end date",
        ),
        ("årligen", "återkommer varje år", "recurs every year"),
        ("oklart", "tolkas inte – sparas som text", "not understood – kept as text"),
    ],
)
def test_describe_spells_the_dates_in_the_interface_language(stored, swedish, english):
    period = parse(stored)
    with translation.override("sv"):
        assert period.describe() == swedish
    with translation.override("en"):
        assert period.describe() == english
