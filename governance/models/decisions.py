"""Decisions (beslut) as documents write them: a body's decision of some kind, on a date,
under none, one or several case numbers, about agreements, frameworks or plans."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import optional_link
from core.models import Revisioned
from core.validators import parse_case_number
from governance.models.bodies import Body, held_by_body
from governance.models.case_numbers import CarriesCaseNumbers, CaseNumberRow


def case_number_for_body(body: Body, value: str) -> str:
    """The canonical case number, refused when it is not one or when it names another body
    than `body` (a body files its decisions under its own short code)."""
    number = parse_case_number(value)
    if body.short_code and number.code != body.short_code.upper():
        raise ValidationError(
            _("Ärendenumret ska börja med organets förkortning %(code)s.")
            % {"code": body.short_code},
            code="case_number_of_another_body",
        )
    return str(number)


class Decision(CarriesCaseNumbers, Revisioned):
    """A body's decision about one or more agreements, frameworks or plans.

    A collaboration body often recommends (rekommendation) and each party then decides
    (beslut); the party's decision names the recommendation it answers (`responds_to`).
    """

    class Kind(models.TextChoices):
        ADOPTION = "adoption", _("Beslut (fastställande)")
        RECOMMENDATION = "recommendation", _("Rekommendation")
        POSITION = "position", _("Ställningstagande")
        NOTIFICATION = "notification", _("Anmälan")
        DELEGATED = "delegated", _("Delegationsbeslut")

    body = held_by_body("decisions")
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.ADOPTION)
    # The source documents often give the case number but not the date; unknown stays empty.
    date = models.DateField(_("datum"), null=True, blank=True)
    title = models.CharField(_("rubrik"), max_length=300, blank=True)
    text = models.TextField(_("beslutstext"), blank=True, help_text=_("Markdown"))
    responds_to = optional_link(
        "self", _("svarar på rekommendationen"), related_name="responses", on_delete=models.PROTECT
    )
    history = HistoricalRecords()
    reason_prompt = _("Ange varför beslutet ändras.")

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self):
        name = self.body.short_code or self.body.name
        numbers = self.case_numbers_text
        return f"{name}: {numbers}" if numbers else f"{name}: {self.get_kind_display()}"

    def get_absolute_url(self):
        return self.body.get_absolute_url() + f"#beslut-{self.pk}"

    def case_number_list(self) -> list[str]:
        """The case numbers in order; prefetch "case_numbers" to read them without a query
        (or set `known_case_numbers`, as queries that read them otherwise do)."""
        if hasattr(self, "known_case_numbers"):
            return self.known_case_numbers
        return super().case_number_list()

    def clean(self):
        if self.responds_to_id is None:
            return
        if self.responds_to_id == self.pk:
            raise ValidationError({"responds_to": _("Ett beslut kan inte svara på sig självt.")})
        if self.responds_to.kind != self.Kind.RECOMMENDATION:
            raise ValidationError(
                {"responds_to": _("Ett beslut kan bara svara på en rekommendation.")}
            )


class DecisionCaseNumber(CaseNumberRow):
    """One of the case numbers a decision is filed under ("SN 2017/212, SN 2019/16").

    `body` repeats the decision's body so that the database keeps a case number to one
    decision per body (services keep the two equal)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="case_numbers")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta(CaseNumberRow.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["body", "case_number"],
                name="decision_unique_case_per_body",
                violation_error_message=_("Organet har redan ett beslut med det ärendenumret."),
            )
        ]


class DecisionSubject(models.Model):
    """What a decision is about. One decision may adopt several agreements (RS 2013/460)."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="subjects", verbose_name=_("beslut")
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, verbose_name=_("slag av ärende")
    )
    object_id = models.PositiveBigIntegerField(_("ärendets id"))
    subject = GenericForeignKey("content_type", "object_id")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("beslutet gäller")
        verbose_name_plural = _("beslutet gäller")
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "content_type", "object_id"], name="decision_subject_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.decision} → {self.subject}"
