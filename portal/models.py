from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import owning_account


class BarrierReport(models.Model):
    """A reported accessibility barrier (the law requires a way to report one)."""

    page = models.CharField(_("sida"), max_length=500, blank=True)
    description = models.TextField(_("beskrivning"), max_length=5000)
    # Optional: only if the reporter wants an answer. Nothing else about them is stored.
    contact = models.EmailField(_("e-post för svar"), blank=True)
    received_at = models.DateTimeField(_("mottagen"), auto_now_add=True)
    handled = models.BooleanField(_("hanterad"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("rapporterad tillgänglighetsbrist")
        verbose_name_plural = _("rapporterade tillgänglighetsbrister")

    def __str__(self):
        return f"{self.received_at:%Y-%m-%d}: {self.description[:60]}"


class SingleSignOnIdentity(models.Model):
    """The account a person of the identity provider logs in as, found by the provider's issuer
    and its stable subject id alone: never by an e-mail address or a name, which a provider may
    give anyone, so that no claim can take over another account (or the person it is linked to)."""

    user = owning_account(_("användarkonto"), related_name="sso_identity", one_to_one=True)
    issuer = models.CharField(_("utfärdare"), max_length=255)
    subject = models.CharField(_("id hos utfärdaren"), max_length=255)
    created_at = models.DateTimeField(_("första inloggning"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="sso_identity_once")
        ]
        verbose_name = _("inloggning via regionens konto")
        verbose_name_plural = _("inloggningar via regionens konto")

    def __str__(self):
        return f"{self.user} ({self.issuer})"


WATCH_TARGETS = ("plan", "agreement", "body")


class Watch(models.Model):
    """A person watches ("bevakar") a plan, an agreement or a body: the daily digest tells them
    what concerns it. Here, on top, because it points into three apps."""

    user = owning_account(related_name="watches")
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, null=True, blank=True)
    agreement = models.ForeignKey(
        "agreements.Agreement", on_delete=models.CASCADE, null=True, blank=True
    )
    body = models.ForeignKey("governance.Body", on_delete=models.CASCADE, null=True, blank=True)
    created_at = models.DateTimeField(_("sedan"), auto_now_add=True)

    class Meta:
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")
        constraints = [
            models.CheckConstraint(
                name="watch_one_target",
                condition=(
                    models.Q(plan__isnull=False, agreement__isnull=True, body__isnull=True)
                    | models.Q(plan__isnull=True, agreement__isnull=False, body__isnull=True)
                    | models.Q(plan__isnull=True, agreement__isnull=True, body__isnull=False)
                ),
            ),
            *(
                models.UniqueConstraint(
                    fields=["user", target],
                    condition=models.Q(**{f"{target}__isnull": False}),
                    name=f"watch_once_per_{target}",
                )
                for target in WATCH_TARGETS
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.plan or self.agreement or self.body}"


class DigestSubscription(models.Model):
    """Whether a person gets the daily digest, and the last day it was sent (so a second run
    the same day sends nothing). Made with the person's first watch."""

    user = owning_account(related_name="digest", one_to_one=True)
    active = models.BooleanField(_("får sammanfattning"), default=True)
    last_sent_on = models.DateField(_("senast skickad"), null=True, blank=True)

    class Meta:
        verbose_name = _("daglig sammanfattning")
        verbose_name_plural = _("dagliga sammanfattningar")

    def __str__(self):
        return str(self.user)
