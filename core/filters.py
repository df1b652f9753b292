"""Filter helpers every app's lists share (django-filter)."""

import django_filters
from django.db import models
from django.utils.translation import gettext_lazy as _

ANY = _("Alla")


def having(model: type[models.Model], relation: str) -> models.QuerySet:
    """The objects of `model` (a register's: organisations, bodies…) that `relation` finds
    rows for, by name: a list offers only what narrows it to something."""
    return model.objects.filter(**{f"{relation}__isnull": False}).distinct().order_by("name")


def register_choice(label, field_name: str, queryset) -> django_filters.ModelChoiceFilter:
    """A choice among register objects (`queryset`, or a function of the request giving it),
    "Alla" when none is chosen."""
    return django_filters.ModelChoiceFilter(
        label=label, field_name=field_name, queryset=queryset, empty_label=ANY
    )


def choice(label, choices, **kwargs) -> django_filters.ChoiceFilter:
    """A choice among fixed values (a status, a kind), "Alla" when none is chosen."""
    return django_filters.ChoiceFilter(label=label, choices=choices, empty_label=ANY, **kwargs)
