"""Register files as register administrators have them, built in the tests from seed 000
(Region Gotland's agreements, adopted by HSN and SON, or by RS): Excel and CSV."""

import csv
import io

import openpyxl

from tests import factories

HEADINGS = [
    "Registerbeteckning",
    "Titel",
    "Version",
    "Status",
    "Parter",
    "Fastställd av",
    "Ärendenummer",
]
# The field each heading holds, as a register administrator maps them.
KEYS = [
    "register_id",
    "title",
    "version_label",
    "status",
    "parties",
    "decision_bodies",
    "case_numbers",
]
HSN_SON = "Hälso- och sjukvårdsnämnden, Socialnämnden"
# Seed 000, as its memo lists the register (the title "Anbörigstöd" corrected as in fixtures).
GOTLAND_ROWS = [
    ["STY-02292", "Övergripande överenskommelse", "", "Gällande", "Region Gotland", HSN_SON, "HSN 2020/247, SON 2020/148"],
    ["STY-05560", "Samordning för trygg och effektiv utskrivning", "", "Gällande", "Region Gotland", HSN_SON, "HSN 2017/491, SON 2017/398"],
    ["STY-05564", "Läkarmedverkan", "", "Gällande", "Region Gotland", HSN_SON, "HSN 2022/652, SON 2022/380"],
    ["STY-29127", "Specialiserad palliativ vård i hemmet", "", "Gällande", "Region Gotland", HSN_SON, "HSN 2022/253, SON 2022/133"],
    ["STY-05567", "Anhörigstöd", "9.0", "Gällande", "Region Gotland", HSN_SON, "HSN 2022/58,SON 2022/48"],
    ["STY-10994", "BUS Överenskommelse om samverkan kring barn och unga i behov av särskilt stöd", "", "Gällande", "Region Gotland", "Regionstyrelsen", "RS 2013/460"],
    ["STY-11006", "SUV Överenskommelse om samverkan kring unga vuxna 18–24 år med behov av särskilt stöd", "", "Gällande", "Region Gotland", "Regionstyrelsen", "RS 2013/460"],
]  # fmt: skip


def gotland_registers():
    """Region Gotland and its three bodies, as governance.toml has them."""
    gotland = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    for name, code in (
        ("Hälso- och sjukvårdsnämnden", "HSN"),
        ("Socialnämnden", "SON"),
        ("Regionstyrelsen", "RS"),
    ):
        factories.BodyFactory(name=name, short_code=code, organisations=[gotland])
    return gotland


def workbook(rows, headings=HEADINGS, *, blank_lines=False) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
        if blank_lines:
            sheet.append([])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_file(rows, headings=HEADINGS, *, delimiter=";", encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headings)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def synthetic_rows(count: int) -> list[list[str]]:
    """`count` agreements of Region Gotland, each adopted by HSN under its own case number."""
    return [
        [f"STY-{90000 + n}", f"Överenskommelse om samverkan {n}", "1.0", "Gällande",
         "Region Gotland", "Hälso- och sjukvårdsnämnden", f"HSN 2024/{n + 1}"]
        for n in range(count)
    ]  # fmt: skip
