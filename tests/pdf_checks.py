"""Reading PDFs back: what every PDF test checks (an independent validator, metadata,
structure, fonts, text)."""

import io

import page
import pikepdf
import pypdf


def validation_failures(content: bytes, profile: str = "2a") -> list[str]:
    """What the independent validator (page, veraPDF's rules) finds wrong, as readable lines."""
    report = page.validate_pdf_bytes(content, profile=profile)
    return [f"{failure.rule_id}: {failure.message}" for failure in report.failures]


def assert_archival(content: bytes, profile: str = "2a") -> None:
    assert content.startswith(b"%PDF-")
    assert validation_failures(content, profile) == []


def page_texts(content: bytes) -> list[str]:
    """Each page's text with whitespace collapsed (line breaks inside headings become spaces)."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    return [" ".join(p.extract_text().split()) for p in reader.pages]


XMP_FIELDS = ("pdfaid:part", "pdfaid:conformance", "dc:title", "dc:creator", "dc:language")


def xmp_of(content: bytes) -> dict:
    with pikepdf.open(io.BytesIO(content)) as document, document.open_metadata() as xmp:
        return {name: xmp.get(name) for name in XMP_FIELDS}


def metadata_stream_dict(content: bytes) -> dict:
    with pikepdf.open(io.BytesIO(content)) as document:
        return {str(k): str(v) for k, v in document.Root.Metadata.stream_dict.items()}


def outline_titles(content: bytes) -> list[str]:
    def walk(items):
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield item.title

    return list(walk(pypdf.PdfReader(io.BytesIO(content)).outline))


def fonts_not_embedded(content: bytes) -> list[str]:
    missing = []
    with pikepdf.open(io.BytesIO(content)) as document:
        for pdf_page in document.pages:
            for name, font in pdf_page.resources.get("/Font", {}).items():
                fonts = font.get("/DescendantFonts", [font])
                for descendant in fonts:
                    descriptor = descendant.get("/FontDescriptor", {})
                    if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        missing.append(f"{name}: {descendant.get('/BaseFont')}")
    return missing


def recorded_renders(monkeypatch, module, *, keep: str = "title") -> list[str]:
    """The titles (or with `keep="html"`, the HTML) of the PDFs that `module` actually renders
    from now on (as opposed to the downloads served from storage)."""
    calls = []
    real = module.render_pdf

    def counting(**kwargs):
        calls.append(kwargs[keep])
        return real(**kwargs)

    monkeypatch.setattr(module, "render_pdf", counting)
    return calls
