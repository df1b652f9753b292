"""The agreement register (förteckning över överenskommelser) as a PDF, filtered as on the page."""

import io

import pypdf
import pytest
from django.urls import resolve, reverse

from agreements import pdf as register_pdfs
from agreements.models import Status
from governance.services import decision_record
from tests import factories
from tests.pdf_checks import (
    assert_archival,
    outline_titles,
    page_texts,
    recorded_renders,
    xmp_of,
)

URL = "/overenskommelser/pdf/"


@pytest.fixture
def renders(monkeypatch):
    return recorded_renders(monkeypatch, register_pdfs)


@pytest.fixture
def register(db):
    gotland = factories.RegionFactory(name="Region Gotland", slug="region-gotland")
    kalmar = factories.RegionFactory(name="Region Kalmar län", slug="region-kalmar")
    hsn = factories.BodyFactory(name="Hälso- och sjukvårdsnämnden", short_code="HSN")
    utskrivning = factories.AgreementFactory(
        register_id="STY-05560",
        title="Samordning för trygg och effektiv utskrivning",
        parties=[gotland],
    )
    decision_record(
        user=factories.ActingUserFactory(),
        body=hsn,
        case_number="HSN 2017/491",
        subjects=[utskrivning],
    )
    factories.AgreementFactory(
        register_id="STY-05564",
        title="Läkarmedverkan",
        parties=[kalmar],
        status=Status.UNDER_REVISION,
    )
    factories.DraftAgreementFactory(register_id="STY-09999", title="Utkast om anhörigstöd")
    return {"gotland": gotland, "kalmar": kalmar, "utskrivning": utskrivning}


def test_the_register_url_is_not_taken_for_a_register_id():
    # "overenskommelser/<register_id>/" would match "pdf" too; the register PDF comes first.
    assert reverse("agreements:register_pdf") == URL
    assert resolve(URL).url_name == "register_pdf"


def test_the_register_pdf_lists_what_the_public_may_read(client, register, media):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="forteckning-over-overenskommelser.pdf"'
    )
    text = " ".join(page_texts(response.content))
    assert "STY-05560" in text
    assert "Samordning för trygg och effektiv utskrivning" in text
    assert "Hälso- och sjukvårdsnämnden HSN 2017/491" in text
    assert "STY-05564" in text
    assert "STY-09999" not in text
    assert "2 överenskommelser" in text
    assert text.index("STY-05560") < text.index("STY-05564")  # by register id, as the page


def test_the_register_pdf_passes_the_pdfa_2a_validator(client, register, media):
    assert_archival(client.get(URL).content)


def test_the_register_pdf_is_a4_numbered_with_metadata_and_bookmarks(client, register, media):
    content = client.get(URL).content
    reader = pypdf.PdfReader(io.BytesIO(content))
    pages = page_texts(content)
    box = reader.pages[0].mediabox
    assert sorted([round(float(box.width)), round(float(box.height))]) == [595, 842]
    assert f"Sida 1 av {len(pages)}" in pages[0]
    assert reader.metadata.title == "Förteckning över överenskommelser"
    assert reader.metadata.author == "Samverkansportalen"
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    xmp = xmp_of(content)
    assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("2", "A")
    assert outline_titles(content) == ["2 överenskommelser"]


def test_the_register_pdf_is_filtered_as_the_page(client, register, media):
    content = client.get(URL, {"party": register["kalmar"].pk, "sort": "-title"}).content
    assert_archival(content)
    text = " ".join(page_texts(content))
    assert "STY-05564" in text
    assert "STY-05560" not in text
    assert "Part: Region Kalmar län" in text
    assert "Sortera efter: Titel (fallande)" in text
    assert pypdf.PdfReader(io.BytesIO(content)).metadata.author == "Region Kalmar län"


def test_readers_see_drafts_and_the_public_never_gets_their_copy(client, register, reader, media):
    client.force_login(reader)
    for_reader = " ".join(page_texts(client.get(URL).content))
    assert "STY-09999" in for_reader
    client.logout()
    for_public = " ".join(page_texts(client.get(URL).content))
    assert "STY-09999" not in for_public


def test_a_second_download_is_served_from_storage(client, register, media, renders):
    first = client.get(URL).content
    second = client.get(URL).content
    assert second == first
    assert len(renders) == 1


def test_the_page_number_and_unknown_parameters_do_not_render_again(
    client, register, media, renders
):
    client.get(URL, {"status": "in_force"})
    client.get(URL, {"status": "in_force", "sida": "2", "utm_source": "nyhetsbrev"})
    assert len(renders) == 1


def test_a_changed_agreement_gives_a_new_pdf(client, register, media, renders):
    client.get(URL)
    agreement = register["utskrivning"]
    agreement.title = "Trygg och effektiv utskrivning från sluten vård"
    agreement.save()
    text = " ".join(page_texts(client.get(URL).content))
    assert len(renders) == 2
    assert "Trygg och effektiv utskrivning från sluten vård" in text


def test_an_invalid_filter_answers_400_in_swedish(client, register, media, renders):
    response = client.get(URL, {"review_before": "inte-ett-datum"})
    assert response.status_code == 400
    assert "Översyn senast före" in response.content.decode()
    assert renders == []


def test_the_register_page_links_the_pdf_with_its_filter(client, register):
    response = client.get(reverse("agreements:agreement_list"), {"status": "in_force"})
    assert f'href="{URL}?status=in_force"'.encode() in response.content
