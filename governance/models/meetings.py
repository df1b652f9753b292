"""Meetings (sammanträden) of bodies and their agendas (föredragningslistor): numbered items
(§) with case numbers, the board reports as underlag and the decision once taken."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import optional_link
from core.models import Revisioned
from governance.models.board_reports import BoardReport
from governance.models.bodies import held_by_body
from governance.models.case_numbers import CarriesCaseNumbers, CaseNumberRow
from governance.models.decisions import Decision

# Swedish bodies meet in Swedish time, whatever the server's zone.
STOCKHOLM = ZoneInfo("Europe/Stockholm")


class Meeting(Revisioned):
    """A body's meeting: when and where, its kind, and its agenda. Drafted by the register
    administrators, public once published (the notice goes out)."""

    class Kind(models.TextChoices):
        # The kinds the Kommunallagen and the bodies' rules of procedure name.
        ORDINARY = "ordinary", _("Ordinarie sammanträde")
        EXTRA = "extra", _("Extra sammanträde")
        CONSTITUENT = "constituent", _("Konstituerande sammanträde")
        PER_CAPSULAM = "per_capsulam", _("Per capsulam")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PUBLISHED = "published", _("Publicerat")

    body = held_by_body("meetings")
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=200, blank=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.ORDINARY)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publicerat"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-start_time", "-pk"]
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        indexes = [models.Index(fields=["body", "date"])]

    def __str__(self):
        return f"{self.body.name} {self.date:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("governance:meeting_detail", kwargs={"pk": self.pk})

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def is_public(self):
        return self.is_published

    def starts_at(self) -> datetime | None:
        """The start in Swedish time; None when no time is set (then the meeting is a day)."""
        if self.start_time is None:
            return None
        return datetime.combine(self.date, self.start_time, tzinfo=STOCKHOLM)


class AgendaItem(CarriesCaseNumbers, Revisioned):
    """One item (§) of a meeting's agenda. `number` is the item's place on the agenda; the
    protocol may number its paragraphs otherwise (`minutes_paragraph`), and neither is part
    of a case number."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="agenda_items",
        verbose_name=_("sammanträde"),
    )
    number = models.PositiveIntegerField(_("nummer (§)"))
    title = models.CharField(_("rubrik"), max_length=300)
    reports = models.ManyToManyField(
        BoardReport, blank=True, related_name="agenda_items", verbose_name=_("underlag")
    )
    decision = optional_link(Decision, _("registrerat beslut"), related_name="agenda_items")
    decision_text = models.TextField(_("beslut"), blank=True, help_text=_("Markdown"))
    minutes_paragraph = models.PositiveIntegerField(
        _("paragraf i protokollet"), null=True, blank=True
    )
    history = HistoricalRecords(m2m_fields=[reports])

    class Meta:
        ordering = ["number"]
        verbose_name = _("punkt på föredragningslistan")
        verbose_name_plural = _("punkter på föredragningslistan")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="agenda_item_number_unique_per_meeting",
                violation_error_message=_("Det finns redan en punkt med det numret."),
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1),
                name="agenda_item_number_positive",
                violation_error_message=_("Punkterna numreras från 1."),
            ),
        ]

    def __str__(self):
        return f"§ {self.number} {self.title}"

    @property
    def is_decided(self):
        return bool(self.decision_text or self.decision_id)

    def clean(self):
        if self.decision_id and self.meeting_id and self.decision.body_id != self.meeting.body_id:
            raise ValidationError(
                {"decision": _("Beslutet ska vara fattat av organet som sammanträder.")}
            )


class AgendaItemCaseNumber(CaseNumberRow):
    """One of the case numbers an agenda item handles ("SN 2017/212, SN 2019/16")."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="case_numbers")
    history = HistoricalRecords()
