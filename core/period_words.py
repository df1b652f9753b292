"""The words periods are printed in (core.periods): the canonical Swedish, which the parser
reads back, and English for an English interface. Not through the translation catalogue: the
Swedish are the stored form, whatever language is active."""

from dataclasses import dataclass

from django.utils.translation import get_language

MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
# Seasons in the school-year sense: the spring term runs January–June, the autumn term
# August–December. Summer is June–August.
SEASONS = {"våren": (1, 6), "sommaren": (6, 8), "hösten": (8, 12)}


@dataclass(frozen=True)
class Words:
    """The words a period is printed in, in one language."""

    months: tuple[str, ...]
    seasons: dict[int, str]  # by the season's first month
    annually: str
    since: str
    by: str
    by_year_end: str
    during: str


SWEDISH = Words(
    months=tuple(MONTHS),
    seasons={first: name for name, (first, _last) in SEASONS.items()},
    annually="årligen", since="fr o m {}", by="senast {}",
    by_year_end="vid utgången av {}", during="under {}",
)  # fmt: skip
ENGLISH = Words(
    months=(
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    seasons={1: "spring", 6: "summer", 8: "autumn"},
    annually="annually", since="from {}", by="by {}",
    by_year_end="by the end of {}", during="during {}",
)  # fmt: skip


def current_words() -> Words:
    """The words of the active interface language (Swedish unless it is English)."""
    return ENGLISH if (get_language() or "").startswith("en") else SWEDISH
