"""Principals (huvudmän) and their administrations (förvaltningar)."""

from contextlib import suppress

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Named, Revisioned
from core.validators import normalise_organisation_number, validate_organisation_number


class Organisation(Named, Revisioned):
    """A principal (huvudman): a region, a municipality, a municipal federation."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        MUNICIPALITY = "municipality", _("Kommun")
        MUNICIPAL_FEDERATION = "municipal_federation", _("Kommunalförbund")
        OTHER = "other", _("Annan organisation")

    name = models.CharField(_("namn"), max_length=200, unique=True)
    slug = models.SlugField(_("kortnamn i webbadress"), max_length=100, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    organisation_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("NNNNNN-NNNN"),
    )
    history = HistoricalRecords()
    reason_prompt = _("Ange varför huvudmannen ändras.")

    class Meta(Named.Meta):
        verbose_name = _("huvudman")
        verbose_name_plural = _("huvudmän")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~models.Q(organisation_number=""),
                name="organisation_number_unique_when_set",
                violation_error_message=_(
                    "Det finns redan en huvudman med det organisationsnumret."
                ),
            )
        ]

    def get_absolute_url(self):
        return reverse("governance:organisation_detail", kwargs={"slug": self.slug})

    def clean(self):
        # One stored form (NNNNNN-NNNN), so the unique constraint also catches the same
        # number typed without its dash.
        if self.organisation_number:
            with suppress(ValidationError):  # the field validator reports the format
                self.organisation_number = normalise_organisation_number(self.organisation_number)


class Department(Revisioned):
    """An administration (förvaltning) inside an organisation; board reports come from one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField(_("namn"), max_length=200)
    history = HistoricalRecords()
    reason_prompt = _("Ange varför förvaltningen ändras.")

    class Meta:
        # Own columns only, so no list pays a join for it; a list across organisations
        # (the report form, the admin) orders by organisation name itself.
        ordering = ["name"]
        verbose_name = _("förvaltning")
        verbose_name_plural = _("förvaltningar")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="department_unique_name",
                violation_error_message=_("Huvudmannen har redan en förvaltning med det namnet."),
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.organisation}"
