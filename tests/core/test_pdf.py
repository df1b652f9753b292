"""core.pdf: archival, tagged PDF from HTML, checked by an independent validator, and the
store that renders a document once per version of its content.
"""

import io
import re

import pikepdf
import pypdf
import pytest
from django.core.files.storage import default_storage

from core import pdf
from tests.pdf_checks import (
    assert_archival,
    fonts_not_embedded,
    metadata_stream_dict,
    outline_titles,
    page_texts,
    validation_failures,
    xmp_of,
)

HTML = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Provdokument</title></head>
<body>
  <h1 class="doc-title">Provdokument</h1>
  <p class="doc-org">Region Test</p>
  <p class="doc-case">Dnr RS 2024/12</p>
  <h2>Första avsnittet</h2>
  <p>Hälso- och sjukvårdshuvudmännens samverkansöverenskommelser och utvecklingsarbete.</p>
  <h3>Ett underavsnitt</h3>
  <table><thead><tr><th scope="col">Vad</th><th scope="col">När</th></tr></thead>
    <tbody><tr><td>Uppföljning</td><td>Q2 2024</td></tr></tbody></table>
  <h2 style="break-before: page">Andra avsnittet</h2>
  <p><a href="/organ/ctb/">Central tjänstemannaberedning</a> <span>✔ ● ▲ ■ ✖ ○ ⚠</span></p>
</body></html>"""


# --- render_pdf ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered():
    return pdf.render_pdf(
        html=HTML,
        base_url="http://testserver/",
        title="Provdokument",
        author="Region Test",
        subject="Ett prov",
    )


def test_render_pdf_passes_the_pdfa_2a_validator(rendered):
    assert_archival(rendered)


def test_render_pdf_is_a4(rendered):
    reader = pypdf.PdfReader(io.BytesIO(rendered))
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_render_pdf_sets_title_author_subject_and_swedish(rendered):
    reader = pypdf.PdfReader(io.BytesIO(rendered))
    assert reader.metadata.title == "Provdokument"
    assert reader.metadata.author == "Region Test"
    assert reader.metadata.subject == "Ett prov"
    assert reader.trailer["/Root"]["/Lang"] == "sv"


def test_render_pdf_identifies_itself_as_pdfa_2a_in_uncompressed_xmp(rendered):
    xmp = xmp_of(rendered)
    assert xmp["pdfaid:part"] == "2"
    assert xmp["pdfaid:conformance"] == "A"
    assert xmp["dc:title"] == "Provdokument"
    assert xmp["dc:language"] == {"sv"}
    assert "/Filter" not in metadata_stream_dict(rendered)


def test_render_pdf_is_tagged_with_bookmarks_from_headings(rendered):
    reader = pypdf.PdfReader(io.BytesIO(rendered))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert outline_titles(rendered) == ["Första avsnittet", "Ett underavsnitt", "Andra avsnittet"]


def test_render_pdf_embeds_every_font(rendered):
    assert fonts_not_embedded(rendered) == []


def test_render_pdf_numbers_pages_and_repeats_the_header(rendered):
    first, second = page_texts(rendered)
    assert "Sida 1 av 2" in first
    assert "Sida 2 av 2" in second
    assert "Region Test · Dnr RS 2024/12" in second
    assert "Provdokument" in second


def test_the_metadata_step_removes_the_filter_that_pdfa_refuses():
    # WeasyPrint writes the XMP stream compressed; the finishing step stores it plain.
    import weasyprint

    raw = weasyprint.HTML(string=HTML).write_pdf(pdf_variant="pdf/a-2a")
    finished = pdf.archival_finish(raw)
    assert "/Filter" not in metadata_stream_dict(finished)
    assert validation_failures(finished) == []


def test_the_pdf_variant_is_a_setting(settings):
    settings.PDF_VARIANT = "pdf/a-2b"
    content = pdf.render_pdf(html=HTML, base_url=None, title="T", author="A", subject="S")
    assert xmp_of(content)["pdfaid:conformance"] == "B"
    assert_archival(content, profile="2b")


def test_rendering_fetches_nothing_named_in_the_content(tmp_path):
    secret = tmp_path / "hemlig.png"
    secret.write_bytes(b"not really an image")
    html = HTML.replace(
        "</body>",
        f'<img src="file://{secret}" alt="x"><img src="http://169.254.169.254/x.png" alt="y"></body>',
    )
    content = pdf.render_pdf(html=html, base_url=None, title="T", author="A", subject="S")
    with pikepdf.open(io.BytesIO(content)) as document:
        images = [
            obj
            for obj in document.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
        ]
    assert images == []


# --- cached_pdf --------------------------------------------------------------------------


def test_cached_pdf_renders_once_and_serves_the_same_bytes(media):
    calls = []

    def render():
        calls.append(1)
        return b"%PDF-1.7 first"

    assert pdf.cached_pdf(key="doc:1", render=render) == b"%PDF-1.7 first"
    assert pdf.cached_pdf(key="doc:1", render=lambda: b"%PDF-1.7 second") == b"%PDF-1.7 first"
    assert calls == [1]


def test_cached_pdf_stores_under_the_sha256_of_the_key(media):
    pdf.cached_pdf(key="doc:1", render=lambda: b"%PDF-1.7 x")
    name = pdf.storage_name("doc:1")
    assert re.fullmatch(r"pdf/[0-9a-f]{64}\.pdf", name)
    assert default_storage.exists(name)


def test_a_new_content_version_or_variant_is_a_new_document(media, settings):
    first = pdf.storage_name("doc:1")
    assert pdf.storage_name("doc:2") != first
    settings.PDF_VARIANT = "pdf/a-3a"
    assert pdf.storage_name("doc:1") != first


def test_pdf_response_is_inline_with_an_ascii_file_name():
    response = pdf.pdf_response(b"%PDF-1.7", filename="Förteckning över överenskommelser")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="forteckning-over-overenskommelser.pdf"'
    )


def test_streams_ending_in_a_carriage_return_are_stored_so_validators_accept_them():
    """Flate data ends with its Adler-32 checksum, so about one stream in 256 ends in CR and
    then seems one byte shorter than its /Length to a PDF/A validator."""
    import random
    import zlib

    from core.pdf import archival_finish

    data = next(
        payload
        for seed in range(100_000)
        if zlib.compress(payload := random.Random(seed).randbytes(64) + b"\n")[-1:] == b"\r"
    )
    document = pikepdf.new()
    stream = pikepdf.Stream(document, zlib.compress(data))
    stream.Filter = pikepdf.Name.FlateDecode
    document.Root.Extra = document.make_indirect(stream)
    raw = io.BytesIO()
    document.save(raw, compress_streams=False)
    finished = archival_finish(raw.getvalue())
    with pikepdf.open(io.BytesIO(finished)) as result:
        streams = [o for o in result.objects if isinstance(o, pikepdf.Stream)]
        assert not any(s.read_raw_bytes().endswith(b"\r") for s in streams)
        repaired = result.Root.Extra.read_bytes()
        assert repaired.startswith(data) and repaired[len(data) :].strip(b" ") == b""
