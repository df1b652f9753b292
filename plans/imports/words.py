"""Finding the time words in a sentence ("ska vara framtaget Q2 2022.") with the portal's
period parser (core.periods): the longest understood run of words around a year, else a
recurrence ("årligen"). Never a guess: what the parser does not understand is not a time."""

import re

from core import periods

YEAR = re.compile(r"\d{4}")
RECURRING_WORDS = ("årligen",)
# At most this many words before a year, and after it, make up a period ("fr o m hösten 2022",
# "vid utgången av år 2025", "2021-06-01 – 2021-08-31").
BEFORE, AFTER = 5, 2


def _tokens(text: str) -> list[str]:
    return [token.strip(".,;:()") for token in text.split()]


def find_period(text: str) -> str:
    """The period words in `text`, as written, or "" when there are none."""
    tokens = _tokens(text)
    for index, token in enumerate(tokens):
        if not YEAR.search(token):
            continue
        for start in range(max(0, index - BEFORE), index + 1):
            for end in range(min(len(tokens), index + 1 + AFTER), index, -1):
                words = " ".join(tokens[start:end])
                if periods.parse(words).is_understood:
                    return words
    lowered = [token.lower() for token in tokens]
    return next((token for token in RECURRING_WORDS if token in lowered), "")
