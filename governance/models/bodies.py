"""Bodies (organ): councils, boards, committees, collaboration bodies, groups."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import optional_link
from core.models import DATES_REVERSED, CheckErrorsOnFields, Named, Revisioned, dates_in_order
from governance.models.organisations import Organisation


class Body(Named, Revisioned, CheckErrorsOnFields):
    """A body that decides or prepares: a committee, a collaboration body, a working group…"""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Fullmäktige")
        BOARD = "board", _("Styrelse")
        COMMITTEE = "committee", _("Nämnd")
        COLLABORATION_BODY = "collaboration_body", _("Samverkansorgan")
        PREPARATORY_GROUP = "preparatory_group", _("Beredning")
        MANAGEMENT_GROUP = "management_group", _("Ledningsgrupp")
        COORDINATING_GROUP = "coordinating_group", _("Samordnande grupp")
        WORKING_GROUP = "working_group", _("Arbetsgrupp")
        REFERENCE_GROUP = "reference_group", _("Referensgrupp")
        STEERING_GROUP = "steering_group", _("Styrgrupp")
        PRESIDIUM = "presidium", _("Presidium")

    slug = models.SlugField(_("kortnamn i webbadress"), max_length=120, unique=True)
    short_code = models.CharField(
        _("förkortning"), max_length=20, blank=True, help_text=_("t.ex. HSN, SON, RS")
    )
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    organisations = models.ManyToManyField(
        Organisation, related_name="bodies", verbose_name=_("huvudmän")
    )
    reports_to = optional_link("self", _("rapporterar till"), related_name="sub_bodies")
    mandate = models.TextField(_("uppdrag"), blank=True, help_text=_("Markdown"))
    composition = models.TextField(
        _("sammansättning"),
        blank=True,
        help_text=_("Hur organet är sammansatt, när ledamöterna inte är namngivna. Markdown."),
    )
    active_from = models.DateField(_("verksamt från"), null=True, blank=True)
    active_until = models.DateField(_("verksamt till"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[organisations])
    reason_prompt = _("Ange varför organet ändras.")
    check_error_fields = {DATES_REVERSED: "active_until"}

    class Meta(Named.Meta):
        verbose_name = _("organ")
        verbose_name_plural = _("organ")
        constraints = [
            dates_in_order("active_from", "active_until", name="body_active_period_ordered")
        ]

    def __str__(self):
        return f"{self.name} ({self.short_code})" if self.short_code else self.name

    def get_absolute_url(self):
        return reverse("governance:body_detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.pk and self.reports_to_id:
            ancestor, seen = self.reports_to, {self.pk}
            while ancestor is not None:
                if ancestor.pk in seen:
                    raise ValidationError(
                        {
                            "reports_to": _(
                                "Ett organ kan inte rapportera till sig självt, ens via andra organ."
                            )
                        }
                    )
                seen.add(ancestor.pk)
                ancestor = ancestor.reports_to


def held_by_body(related_name: str) -> models.ForeignKey:
    """The body whose record it is (a meeting, a decision): the body cannot be removed while
    it has any."""
    return models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name=related_name, verbose_name=_("organ")
    )
