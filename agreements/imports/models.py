from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import owning_account


class ImportMapping(models.Model):
    """The columns a user last mapped, by heading, so the next file with the same headings
    is mapped already. A convenience, not a record: no history."""

    user = owning_account(_("användare"), related_name="agreement_import_mapping", one_to_one=True)
    # {folded heading: field key}; headings the user chose to skip map to "".
    columns = models.JSONField(_("kolumner"), default=dict)

    class Meta:
        verbose_name = _("kolumnval för import")
        verbose_name_plural = _("kolumnval för import")

    def __str__(self):
        return str(self.user)
