from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import optional_link
from core.models import LoadedFromRows, PeriodFields, Revisioned
from governance.models import Body
from plans.models.plans import Plan


class Responsibility(LoadedFromRows, Revisioned):
    """Responsible bodies from the register, plus free text when a body is not in it."""

    responsible_bodies = models.ManyToManyField(
        Body,
        blank=True,
        related_name="%(class)ss_responsible_for",
        verbose_name=_("ansvariga organ"),
    )
    responsibility_text = models.TextField(_("ansvar (fritext)"), blank=True)
    # The history keeps who was responsible at each version, as the plan tree as it stood shows it.
    history = HistoricalRecords(m2m_fields=["responsible_bodies"], inherit=True)

    class Meta:
        abstract = True


class Section(Responsibility):
    """A focus area (område) or, in a project plan, a phase (fas)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("rubrik"), max_length=300)
    introduction = models.TextField(_("inledning"), blank=True, help_text=_("Markdown"))
    position = models.PositiveIntegerField(_("ordning"), default=0)

    class Meta:
        # Within a plan; queries across plans order explicitly (an ordering across the foreign
        # key would join the plan into every query).
        ordering = ["position", "number"]
        verbose_name = _("område")
        verbose_name_plural = _("områden")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="section_number_unique_in_plan")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def anchor(self):
        """Where the plan page shows it (the id of its heading)."""
        return f"omrade-{self.number}"


class Initiative(Responsibility):
    """An initiative (insats), lettered a), b), c) within its section."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="initiatives")
    letter = models.CharField(_("bokstav"), max_length=3)
    title = models.CharField(_("rubrik"), max_length=400)
    description = models.TextField(_("beskrivning"), blank=True, help_text=_("Markdown"))
    position = models.PositiveIntegerField(_("ordning"), default=0)

    class Meta:
        ordering = ["position", "letter"]  # within a section, as Section's
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")
        constraints = [
            models.UniqueConstraint(
                fields=["section", "letter"], name="initiative_letter_unique_in_section"
            )
        ]

    def __str__(self):
        return f"{self.section.number}{self.letter}) {self.title}"

    @property
    def anchor(self):
        return f"insats-{self.section.number}{self.letter}"

    @property
    def plan(self) -> Plan:
        return self.section.plan


class PlanItem(LoadedFromRows, PeriodFields, Revisioned):
    """What sits in a section, under an initiative when the section has them (004's areas 4
    and 6 have none: their activities sit directly in the section)."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="%(class)ss")
    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, null=True, blank=True, related_name="%(class)ss"
    )
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField(_("ordning"), default=0)
    # Every kind of item keeps its history (restore and "Borttaget" read it).
    history = HistoricalRecords(inherit=True)

    class Meta:
        # No default ordering: the plan tree sorts in Python, and an ordering across the
        # section and initiative would join four tables into every query of an item.
        abstract = True

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        """Where the plan page shows it: under its initiative, else in its section."""
        return (self.initiative or self.section).anchor

    @property
    def plan(self) -> Plan:
        return self.section.plan

    @classmethod
    def for_body(cls, body) -> models.Q:
        """Items a body is responsible for, through their section or initiative."""
        return models.Q(section__responsible_bodies=body) | models.Q(
            initiative__responsible_bodies=body
        )

    def clean(self):
        super().clean()
        if self.initiative_id and self.section_id and self.initiative.section_id != self.section_id:
            raise ValidationError({"initiative": _("Insatsen hör till ett annat område.")})


class Activity(PlanItem):
    note = models.TextField(_("anteckning"), blank=True, help_text=_("Markdown"))

    class Meta(PlanItem.Meta):
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")


class Milestone(PlanItem):
    """A time plan entry (tidplan): what shall be done by when."""

    class Meta(PlanItem.Meta):
        verbose_name = _("tidplanspunkt")
        verbose_name_plural = _("tidplan")


class FollowUp(PlanItem):
    """What is checked, when, and by which body (uppföljning)."""

    reported_to = optional_link(Body, _("återrapporteras till"), related_name="follow_ups_received")

    class Meta(PlanItem.Meta):
        verbose_name = _("uppföljning")
        verbose_name_plural = _("uppföljningar")

    @classmethod
    def for_body(cls, body) -> models.Q:
        """A follow-up concerns the body it is reported to as well."""
        return super().for_body(body) | models.Q(reported_to=body)
