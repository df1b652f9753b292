"""States of a plan a reader can choose by name: a version ("Version 2: Fastställd
2022-02-22"), today ("I dag"), and what other parts of the app add (e.g. a closed follow-up
round). The comparison offers them all (plans.queries.plan_moments); a part adds its own with
`register_moments` in its module, which plans.apps imports."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Moment:
    """`key` names it in a URL ("v2", "idag"); `label` is what people read; `when` is the
    moment in the plan's history, None for today."""

    key: str
    label: str
    when: datetime | None


# Functions (plan, user) -> [Moment].
MOMENT_SOURCES: list[Callable[..., list[Moment]]] = []


def register_moments(source: Callable[..., list[Moment]]):
    MOMENT_SOURCES.append(source)
    return source
