from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal import periods


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


class PeriodFields(models.Model):
    """A Period stored as its words, start, end, precision and recurrence (see portal.periods).

    Set it through `period` (the words are parsed once, on assignment), read it back the same
    way; queries sort and filter on `period_end`.
    """

    period_text = models.CharField(_("tid"), max_length=200, blank=True)
    period_start = models.DateField(_("tid från"), null=True, blank=True, editable=False)
    period_end = models.DateField(_("tid till"), null=True, blank=True, editable=False)
    period_precision = models.CharField(
        _("tidens precision"), max_length=12, default=periods.Precision.UNKNOWN, editable=False
    )
    period_recurring = models.BooleanField(_("återkommande"), default=False, editable=False)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        # The words are the source of truth; the dates follow them whenever the model is validated.
        self.period = self.period_text

    @property
    def period(self) -> periods.Period:
        return periods.from_stored(
            text=self.period_text,
            start=self.period_start,
            end=self.period_end,
            precision=self.period_precision,
            recurring=self.period_recurring,
        )

    @period.setter
    def period(self, value) -> None:
        parsed = value if isinstance(value, periods.Period) else periods.parse(value)
        self.period_text = parsed.text
        self.period_start = parsed.start
        self.period_end = parsed.end
        self.period_precision = parsed.precision
        self.period_recurring = parsed.recurring


class Revisioned(models.Model):
    """A counter bumped by every save through the services: an edit form carries the number
    it started from, and a save over a newer number is refused (no lost updates)."""

    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)

    class Meta:
        abstract = True
