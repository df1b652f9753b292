"""Links that mean the same in every app, so each model states only what differs: a link
that may be empty, who did something, and whose a row is."""

from django.conf import settings
from django.db import models


def optional_link(
    to, verbose_name, *, related_name: str, on_delete=models.SET_NULL, one_to_one=False
) -> models.ForeignKey:
    """A link that may be empty (NULL, and blank in forms). By default removing what it points
    to empties the link and keeps the row; a link that must keep its target says PROTECT."""
    field = models.OneToOneField if one_to_one else models.ForeignKey
    return field(
        to,
        on_delete=on_delete,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def acting_user(verbose_name) -> models.ForeignKey:
    """Who did something (wrote, opened, closed, reported). The record outlives the account:
    removing a user empties the link and keeps the row."""
    return optional_link(settings.AUTH_USER_MODEL, verbose_name, related_name="+")


def owning_account(verbose_name=None, *, related_name: str, one_to_one=False):
    """The account a row is for (an upload, a login identity, a watch): it goes with the
    account."""
    field = models.OneToOneField if one_to_one else models.ForeignKey
    return field(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name=related_name,
        verbose_name=verbose_name,
    )
