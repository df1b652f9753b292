from contextlib import suppress

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Revisioned
from core.validators import (
    normalise_case_number,
    normalise_organisation_number,
    parse_case_number,
    validate_case_number,
    validate_organisation_number,
)


class Organisation(models.Model):
    """A principal (huvudman): a region, a municipality, a municipal federation."""

    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        MUNICIPALITY = "municipality", _("Kommun")
        MUNICIPAL_FEDERATION = "municipal_federation", _("Kommunalförbund")
        OTHER = "other", _("Annan organisation")

    name = models.CharField(_("namn"), max_length=200, unique=True)
    slug = models.SlugField(_("kortnamn i webbadress"), max_length=100, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    organisation_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("NNNNNN-NNNN"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("huvudman")
        verbose_name_plural = _("huvudmän")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_number"],
                condition=~models.Q(organisation_number=""),
                name="organisation_number_unique_when_set",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governance:organisation_detail", kwargs={"slug": self.slug})

    def clean(self):
        # One stored form (NNNNNN-NNNN), so the unique constraint also catches the same
        # number typed without its dash.
        if self.organisation_number:
            with suppress(ValidationError):  # the field validator reports the format
                self.organisation_number = normalise_organisation_number(self.organisation_number)


class Department(models.Model):
    """An administration (förvaltning) inside an organisation; board reports come from one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField(_("namn"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("förvaltning")
        verbose_name_plural = _("förvaltningar")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="department_unique_name")
        ]

    def __str__(self):
        return f"{self.name}, {self.organisation}"


class Body(models.Model):
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

    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn i webbadress"), max_length=120, unique=True)
    short_code = models.CharField(
        _("förkortning"), max_length=20, blank=True, help_text=_("t.ex. HSN, SON, RS")
    )
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    organisations = models.ManyToManyField(
        Organisation, related_name="bodies", verbose_name=_("huvudmän")
    )
    reports_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sub_bodies",
        verbose_name=_("rapporterar till"),
    )
    mandate = models.TextField(_("uppdrag"), blank=True, help_text=_("Markdown"))
    composition = models.TextField(
        _("sammansättning"),
        blank=True,
        help_text=_("Hur organet är sammansatt, när ledamöterna inte är namngivna. Markdown."),
    )
    active_from = models.DateField(_("verksamt från"), null=True, blank=True)
    active_until = models.DateField(_("verksamt till"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[organisations])

    class Meta:
        ordering = ["name"]
        verbose_name = _("organ")
        verbose_name_plural = _("organ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(active_until__isnull=True)
                | models.Q(active_from__isnull=True)
                | models.Q(active_until__gte=models.F("active_from")),
                name="body_active_period_ordered",
            )
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


class Person(models.Model):
    """Only what a public role needs: a name and a title. No contact or identity data."""

    name = models.CharField(_("namn"), max_length=200)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        LEADER = "leader", _("Ledare")
        CHAIR = "chair", _("Ordförande")
        VICE_CHAIR = "vice_chair", _("Vice ordförande")
        MEMBER = "member", _("Ledamot")
        DEPUTY = "deputy", _("Ersättare")
        SECRETARY = "secretary", _("Sekreterare")
        USER_REPRESENTATIVE = "user_representative", _("Brukarrepresentant")
        CO_OPTED = "co_opted", _("Adjungerad")

    # Deleting a person deletes their memberships; the historical rows stay, so the
    # history pages still show who sat where.
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("roll"), max_length=30, choices=Role.choices, default=Role.MEMBER)
    representing = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("företräder"),
    )
    valid_from = models.DateField(_("från"), null=True, blank=True)
    valid_until = models.DateField(_("till"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "person__name"]
        verbose_name = _("uppdrag i organ")
        verbose_name_plural = _("uppdrag i organ")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="membership_period_ordered",
            )
        ]

    def __str__(self):
        return f"{self.person.name}: {self.get_role_display()}, {self.body.name}"


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
        ordering = ["-date", "body__name", "case_number"]
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


class BoardReport(Revisioned):
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
    case_numbers = models.CharField(
        _("ärendenummer"),
        max_length=200,
        blank=True,
        help_text=_("Ett eller flera, åtskilda med komma, t.ex. ”HSN 2024/310, SON 2024/190”."),
    )
    recipients = models.ManyToManyField(
        Body, related_name="board_reports", verbose_name=_("mottagare")
    )
    title = models.CharField(_("rubrik"), max_length=300)
    proposed_decision = models.TextField(_("förslag till beslut"), help_text=_("Markdown"))
    summary = models.TextField(_("sammanfattning"), blank=True, help_text=_("Markdown"))
    case_description = models.TextField(_("ärendebeskrivning"), blank=True, help_text=_("Markdown"))
    assessment = models.TextField(_("bedömning"), blank=True, help_text=_("Markdown"))
    subject_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gäller (typ)"),
    )
    subject_id = models.PositiveBigIntegerField(_("gäller (id)"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("rättar"),
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

    def case_number_list(self) -> list[str]:
        return [part.strip() for part in self.case_numbers.split(",") if part.strip()]

    def clean(self):
        numbers = []
        for number in self.case_number_list():
            try:
                numbers.append(str(parse_case_number(number)))
            except ValidationError as error:
                raise ValidationError({"case_numbers": error.messages}) from error
        self.case_numbers = ", ".join(numbers)
        if self.corrects_id and self.corrects_id == self.pk:
            raise ValidationError({"corrects": _("En tjänsteskrivelse kan inte rätta sig själv.")})


def validate_portal_path(value: str) -> None:
    """A link to a page of the portal: a path that the portal answers."""
    from django.urls import Resolver404, resolve

    try:
        if not value.startswith("/"):
            raise Resolver404
        resolve(value.split("?")[0].split("#")[0])
    except Resolver404 as error:
        raise ValidationError(
            _("Ange en sida i portalen, t.ex. ”/ramverk/gotland-ramverk/”."),
            code="invalid_portal_path",
        ) from error


class SupportingDocument(models.Model):
    """One line of Beslutsunderlag: a title, optionally a file or a link to a page of the portal."""

    report = models.ForeignKey(
        BoardReport, on_delete=models.CASCADE, related_name="supporting_documents"
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    title = models.CharField(_("rubrik"), max_length=300)
    file = models.FileField(
        _("fil"), upload_to="board-reports/underlag/", blank=True, max_length=200
    )
    portal_path = models.CharField(
        _("länk i portalen"), max_length=300, blank=True, validators=[validate_portal_path]
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position", "pk"]
        verbose_name = _("beslutsunderlag")
        verbose_name_plural = _("beslutsunderlag")

    def __str__(self):
        return self.title


class Signatory(models.Model):
    report = models.ForeignKey(BoardReport, on_delete=models.CASCADE, related_name="signatories")
    position = models.PositiveIntegerField(_("ordning"), default=0)
    name = models.CharField(_("namn"), max_length=200)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    department = models.CharField(_("förvaltning"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position", "pk"]
        verbose_name = _("undertecknare")
        verbose_name_plural = _("undertecknare")

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name


class ReportSection(models.Model):
    """A further heading a report may carry beyond the standard ones (002: "Jämställdhet")."""

    report = models.ForeignKey(BoardReport, on_delete=models.CASCADE, related_name="extra_sections")
    position = models.PositiveIntegerField(_("ordning"), default=0)
    heading = models.CharField(_("rubrik"), max_length=200)
    text = models.TextField(_("text"), blank=True, help_text=_("Markdown"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position", "pk"]
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")

    def __str__(self):
        return self.heading
