"""Decisions (beslut): a body's decision under a case number, and what it is about."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.validators import normalise_case_number, parse_case_number, validate_case_number
from governance.models.bodies import Body


class Decision(models.Model):
    """A body's decision under a case number, about one or more agreements, frameworks or plans."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="decisions")
    case_number = models.CharField(
        _("ärendenummer"), max_length=40, validators=[validate_case_number]
    )
    # The source documents often give the case number but not the date; unknown stays empty.
    date = models.DateField(_("datum"), null=True, blank=True)
    title = models.CharField(_("rubrik"), max_length=300, blank=True)
    text = models.TextField(_("beslutstext"), blank=True, help_text=_("Markdown"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "case_number"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "case_number"], name="decision_unique_case_per_body"
            )
        ]

    def __str__(self):
        return f"{self.body.short_code or self.body.name}: {self.case_number}"

    def get_absolute_url(self):
        return self.body.get_absolute_url() + f"#beslut-{self.pk}"

    def clean(self):
        if self.case_number:
            self.case_number = normalise_case_number(self.case_number)
        if self.body_id and self.body.short_code and self.case_number:
            try:
                code = parse_case_number(self.case_number).code
            except ValidationError:
                return  # the field validator reports the format
            if code != self.body.short_code.upper():
                raise ValidationError(
                    {
                        "case_number": _(
                            "Ärendenumret ska börja med organets förkortning %(code)s."
                        )
                        % {"code": self.body.short_code}
                    }
                )


class DecisionSubject(models.Model):
    """What a decision is about. One decision may adopt several agreements (RS 2013/460)."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="subjects")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
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
