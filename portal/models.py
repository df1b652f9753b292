from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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
