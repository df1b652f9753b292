"""What a decision can be about (an agreement, a framework, a plan), named by a word of its
own ("agreement"), never by a content type's database id.

Governance records decisions but must not import the apps above it (agreements, plans): each
of those registers its kinds of subject here in its AppConfig.ready(), with the labelled list
the decision form offers. The pickers read this registry; DecisionSubject stores the content
type and id as before, so nothing else changes."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet


@dataclass(frozen=True)
class SubjectKind:
    key: str  # stable, in the form's values: "agreement:12"
    model: type[models.Model]
    choices: Callable[[], QuerySet]  # the items to offer, in the order to offer them

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural).capitalize()


DECISION_SUBJECT_KINDS: dict[str, SubjectKind] = {}


def register_decision_subject(key: str, model, *, choices: Callable[[], QuerySet]) -> None:
    DECISION_SUBJECT_KINDS[key] = SubjectKind(key, model, choices)


def _kind_of(model) -> SubjectKind | None:
    return next((kind for kind in DECISION_SUBJECT_KINDS.values() if kind.model is model), None)


def subject_value(subject: models.Model) -> str:
    """The form's value for a subject: "<kind>:<id>"."""
    kind = _kind_of(type(subject))
    return f"{kind.key}:{subject.pk}" if kind else ""


def subject_link_value(link) -> str:
    """The form's value for a DecisionSubject row, read from its content type (no query for
    the subject itself)."""
    kind = _kind_of(ContentType.objects.get_for_id(link.content_type_id).model_class())
    return f"{kind.key}:{link.object_id}" if kind else ""


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """(kind's label, [(value, item's label), …]) per registered kind that has items: one
    query per kind."""
    groups = []
    for kind in DECISION_SUBJECT_KINDS.values():
        options = [(f"{kind.key}:{obj.pk}", str(obj)) for obj in kind.choices()]
        if options:
            groups.append((kind.label, options))
    return groups


def subjects_from_values(values) -> list[models.Model]:
    """The subjects the form's values name, in the order given; LookupError for a value that
    names no registered kind or no existing item."""
    wanted: dict[str, list[int]] = {}
    for value in values:
        key, _sep, pk = value.partition(":")
        if key not in DECISION_SUBJECT_KINDS or not pk.isdigit():
            raise LookupError(value)
        wanted.setdefault(key, []).append(int(pk))
    found = {}
    for key, pks in wanted.items():
        model = DECISION_SUBJECT_KINDS[key].model
        found |= {f"{key}:{obj.pk}": obj for obj in model._default_manager.filter(pk__in=pks)}
    missing = [value for value in values if value not in found]
    if missing:
        raise LookupError(missing[0])
    return [found[value] for value in values]
