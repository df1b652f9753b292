"""Förhandsgranska: a board report as its form is filled in, read by the body template that
the detail page and the PDF use, without writing anything.

The form's instance carries the typed fields (a ModelForm puts them there as it validates);
its lists and relations are the typed ones too, held in memory, because an unsaved report
cannot use its related managers (and a saved one must not be changed to be previewed)."""

from types import SimpleNamespace

from django.core.files import File

PREVIEW = "forhandsgranska"  # the name of the form's button


class _Rows(list):
    """A list that answers `.all()`, as the related managers the template reads do."""

    def all(self):
        return self


class ReportPreview:
    """The report as typed: its typed fields and lists; anything else (its id, what it
    corrects) as stored."""

    def __init__(self, report, *, lists: dict, relations: dict, case_numbers: list[str]):
        self._report = report
        self._case_numbers = case_numbers
        for name, rows in (lists | relations).items():
            setattr(self, name, _Rows(rows))

    def __getattr__(self, name):
        return getattr(self._report, name)

    def case_number_list(self) -> list[str]:
        return self._case_numbers


def _document(row: dict, stored_by_file: dict):
    """A supporting document as typed: a file kept from before links to its stored row; a
    new file is not stored yet, so it is named but not linked."""
    file = row.get("file")
    if isinstance(file, File):
        return SimpleNamespace(title=row["title"], portal_path="", file="", pk=None)
    return SimpleNamespace(
        title=row["title"],
        portal_path=row["portal_path"],
        file=file,
        pk=stored_by_file.get(file) if file else None,
    )


def report_preview(form, lists) -> ReportPreview:
    """The report as the valid `form` (BoardReportForm) and `lists` (ReportLists) give it."""
    content = form.content() | lists.content()
    report = form.instance
    report.subject_type, report.subject_id = content["subject_type"], content["subject_id"]
    stored = report.supporting_documents.all() if report.pk else ()
    stored_by_file = {document.file.name: document.pk for document in stored if document.file}
    return ReportPreview(
        report,
        case_numbers=content["case_numbers"],
        relations={
            "recipients": content["recipients"],
            "departments": content["departments"],
        },
        lists={
            "supporting_documents": [
                _document(row, stored_by_file) for row in content["supporting_documents"]
            ],
            "signatories": [SimpleNamespace(**row) for row in content["signatories"]],
            "extra_sections": [SimpleNamespace(**row) for row in content["extra_sections"]],
        },
    )
