from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import optional_link
from plans.models.plans import Plan


class PlanVersion(models.Model):
    """A frozen version of a plan: the moment it was published or adopted, and the decision
    that adopted it (a published version has none).

    The content is not copied: it is the history as it stood at `frozen_at`.
    """

    class Kind(models.TextChoices):
        PUBLISHED = "published", _("Publicerad")
        ADOPTED = "adopted", _("Fastställd")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versionsnummer"))
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices, default=Kind.ADOPTED)
    frozen_at = models.DateTimeField(_("fryst"))
    # The date the documents give (the decision's, or the published document's); the portal's
    # own moment is frozen_at.
    date = models.DateField(_("datum"), null=True, blank=True)
    decision = optional_link(
        "governance.Decision", _("beslut"), related_name="plan_versions", on_delete=models.PROTECT
    )
    label = models.CharField(_("benämning"), max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]  # a plan's newest first
        verbose_name = _("planversion")
        verbose_name_plural = _("planversioner")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique")
        ]

    def __str__(self):
        return f"{self.plan}, version {self.number}"

    def get_absolute_url(self):
        return reverse("plans:plan_version", kwargs={"slug": self.plan.slug, "number": self.number})

    @property
    def name(self) -> str:
        """What people call it: "Fastställd 2022-02-22", "Publicerad 2024-05-01"."""
        day = self.date or timezone.localdate(self.frozen_at)
        return f"{self.get_kind_display()} {day:%Y-%m-%d}"
