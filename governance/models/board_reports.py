"""Board reports (tjänsteskrivelser) and their parts: case numbers, supporting documents,
signatories and further sections."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.fields import optional_link
from core.models import Revisioned
from governance.models.bodies import Body
from governance.models.case_numbers import CarriesCaseNumbers, CaseNumberRow
from governance.models.organisations import Department, Organisation


class BoardReport(CarriesCaseNumbers, Revisioned):
    """A tjänsteskrivelse: the memo an administration sends to bodies for a decision.

    Drafted in the browser, then issued (expedierad): its PDF is rendered once and stored with
    its SHA-256, and the report never changes again. A correction is a new report that
    refers to the old one (`corrects`).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        ISSUED = "issued", _("Expedierad")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="board_reports",
        verbose_name=_("huvudman"),
    )
    departments = models.ManyToManyField(
        Department, blank=True, related_name="board_reports", verbose_name=_("förvaltningar")
    )
    # Some source memos carry no date (002); an unknown date stays empty rather than invented.
    date = models.DateField(_("datum"), null=True, blank=True)
    recipients = models.ManyToManyField(
        Body, related_name="board_reports", verbose_name=_("mottagare")
    )
    title = models.CharField(_("rubrik"), max_length=300)
    proposed_decision = models.TextField(_("förslag till beslut"), help_text=_("Markdown"))
    summary = models.TextField(_("sammanfattning"), blank=True, help_text=_("Markdown"))
    case_description = models.TextField(_("ärendebeskrivning"), blank=True, help_text=_("Markdown"))
    assessment = models.TextField(_("bedömning"), blank=True, help_text=_("Markdown"))
    subject_type = optional_link(
        ContentType, _("gäller (typ)"), related_name="+", on_delete=models.PROTECT
    )
    subject_id = models.PositiveBigIntegerField(_("gäller (id)"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    corrects = optional_link(
        "self", _("rättar"), related_name="corrections", on_delete=models.PROTECT
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    issued_at = models.DateTimeField(_("expedierad"), null=True, blank=True, editable=False)
    pdf = models.FileField(_("PDF"), upload_to="board-reports/", blank=True, editable=False)
    pdf_sha256 = models.CharField(_("PDF:ens SHA-256"), max_length=64, blank=True, editable=False)
    history = HistoricalRecords(m2m_fields=[departments, recipients])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("tjänsteskrivelse")
        verbose_name_plural = _("tjänsteskrivelser")
        permissions = [("issue_boardreport", _("Kan expediera tjänsteskrivelser"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft") | (~models.Q(pdf="") & ~models.Q(pdf_sha256="")),
                name="board_report_issued_has_pdf",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})" if self.date else self.title

    def get_absolute_url(self):
        return reverse("governance:board_report_detail", kwargs={"pk": self.pk})

    @property
    def is_issued(self):
        return self.status == self.Status.ISSUED

    @property
    def is_public(self):
        return self.is_issued

    def clean(self):
        if self.corrects_id and self.corrects_id == self.pk:
            raise ValidationError({"corrects": _("En tjänsteskrivelse kan inte rätta sig själv.")})


def validate_portal_path(value: str) -> None:
    """A link to a page of the portal: a path that the portal answers."""
    try:
        if not value.startswith("/"):
            raise Resolver404
        resolve(value.split("?")[0].split("#")[0])
    except Resolver404 as error:
        raise ValidationError(
            _("Ange en sida i portalen, t.ex. ”/ramverk/gotland-ramverk/”."),
            code="invalid_portal_path",
        ) from error


class ReportPart(models.Model):
    """A row in one of a report's lists, in the order its `position` gives (1, 2, 3…)."""

    position = models.PositiveIntegerField(_("ordning"), default=0)
    # Every part keeps its history, as the report does.
    history = HistoricalRecords(inherit=True)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class ReportCaseNumber(CaseNumberRow):
    """One of the case numbers (ärendenummer) a report is filed under, e.g. "HSN 2024/310"."""

    report = models.ForeignKey(BoardReport, on_delete=models.CASCADE, related_name="case_numbers")
    history = HistoricalRecords()


class SupportingDocument(ReportPart):
    """One line of Beslutsunderlag: a title, optionally a file or a link to a page of the portal."""

    report = models.ForeignKey(
        BoardReport, on_delete=models.CASCADE, related_name="supporting_documents"
    )
    title = models.CharField(_("rubrik"), max_length=300)
    file = models.FileField(
        _("fil"), upload_to="board-reports/underlag/", blank=True, max_length=200
    )
    portal_path = models.CharField(
        _("länk i portalen"), max_length=300, blank=True, validators=[validate_portal_path]
    )

    class Meta(ReportPart.Meta):
        verbose_name = _("beslutsunderlag")
        verbose_name_plural = _("beslutsunderlag")

    def __str__(self):
        return self.title

    @property
    def file_name(self) -> str:
        """The file's own name, without the folders it is stored in."""
        return self.file.name.rsplit("/", 1)[-1]


class Signatory(ReportPart):
    report = models.ForeignKey(BoardReport, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("namn"), max_length=200)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    department = models.CharField(_("förvaltning"), max_length=200, blank=True)

    class Meta(ReportPart.Meta):
        verbose_name = _("undertecknare")
        verbose_name_plural = _("undertecknare")

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name


class ReportSection(ReportPart):
    """A further heading a report may carry beyond the standard ones (002: "Jämställdhet")."""

    report = models.ForeignKey(BoardReport, on_delete=models.CASCADE, related_name="extra_sections")
    heading = models.CharField(_("rubrik"), max_length=200)
    text = models.TextField(_("text"), blank=True, help_text=_("Markdown"))

    class Meta(ReportPart.Meta):
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")

    def __str__(self):
        return self.heading
