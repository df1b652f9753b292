"""Case numbers (ärendenummer) as rows: a board report, an agenda item and a decision each
carry none, one or several, in the order the document writes them."""

from contextlib import suppress

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.validators import parse_case_number, validate_case_number


class CaseNumberRow(models.Model):
    """One case number of its owner, e.g. "HSN 2024/310", stored in the one canonical form."""

    position = models.PositiveIntegerField(_("ordning"), default=0)
    case_number = models.CharField(
        _("ärendenummer"), max_length=40, validators=[validate_case_number]
    )

    class Meta:
        abstract = True
        ordering = ["position", "pk"]
        verbose_name = _("ärendenummer")
        verbose_name_plural = _("ärendenummer")

    def __str__(self):
        return self.case_number

    def clean(self):
        # One stored form, as core.validators prints it ("hsn 2024/0310" is "HSN 2024/310").
        with suppress(ValidationError):  # the field validator reports the format
            self.case_number = str(parse_case_number(self.case_number))


class CarriesCaseNumbers:
    """For a model whose rows (related name "case_numbers") are its case numbers."""

    def case_number_list(self) -> list[str]:
        """The case numbers in order; prefetch "case_numbers" to read them without a query."""
        if self.pk is None:  # unsaved: no rows yet
            return []
        return [row.case_number for row in self.case_numbers.all()]

    @property
    def case_numbers_text(self) -> str:
        """ "SN 2017/212, SN 2019/16", as documents list them."""
        return ", ".join(self.case_number_list())
