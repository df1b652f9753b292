"""PDF documents: HTML rendered by WeasyPrint into archival, tagged PDF, stored by content.

Every PDF the portal serves comes through `render_pdf` (A4 and the running header and footer
come from static/css/pdf.css) and is kept by `cached_pdf`, so a document is rendered once per
version of its content and served from storage after that. Large documents are rendered by
the worker (`pdf_or_progress`): the request never waits for WeasyPrint.
"""

import hashlib
import io
import zlib
from functools import cache
from pathlib import Path

import pikepdf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import get_language, gettext, override

from core.jobs import start_job

STYLESHEET = "css/pdf.css"
STORAGE_DIR = "pdf"


def pdf_variant() -> str | None:
    """The PDF variant from settings ("pdf/a-2a" unless configured); empty means plain PDF."""
    return settings.PDF_VARIANT or None


def render_pdf(*, html: str, base_url: str, title: str, author: str, subject: str, lang=None):
    """The HTML as PDF bytes: A4 (pdf.css), tagged, with the document's metadata, in the
    configured variant, its XMP metadata stream uncompressed as PDF/A requires. Its language
    is the one it is rendered in (the active language) unless given."""
    lang = lang or get_language() or settings.LANGUAGE_CODE
    # Imported here: loading WeasyPrint (Pango, fontconfig) takes a while and only PDFs need it.
    import weasyprint

    # Rendering fetches nothing: no network, no files named by content (the stylesheet and the
    # system fonts are read directly). No protocol is allowed, so every fetch is refused;
    # WeasyPrint logs what was refused and goes on.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols=())
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        stylesheets=[weasyprint.CSS(filename=_stylesheet_path(), url_fetcher=fetcher)],
        pdf_variant=pdf_variant(),
        pdf_tags=True,
    )
    metadata = document.metadata
    metadata.title = title
    metadata.authors = [author]
    metadata.description = subject
    metadata.lang = lang
    metadata.generator = "Samverkansportalen"
    metadata.created = metadata.modified = timezone.now().isoformat(timespec="seconds")
    pdf = document.write_pdf(pdf_variant=pdf_variant(), pdf_tags=True)
    return archival_finish(pdf, lang=lang)


OBJECT_STREAM_MODES = (
    pikepdf.ObjectStreamMode.preserve,
    pikepdf.ObjectStreamMode.generate,
    pikepdf.ObjectStreamMode.disable,
)
# qpdf ends every stream's data with "\nendstream": data that ends in CR shows as this.
CR_BEFORE_ENDSTREAM = b"\r\nendstream"


def archival_finish(pdf: bytes, *, lang: str = "sv") -> bytes:
    """Rewrite what WeasyPrint writes but PDF/A refuses.

    WeasyPrint compresses the XMP metadata stream (/Filter /FlateDecode), and PDF/A-2 wants
    it readable without decoding (ISO 19005-2, 6.6.2.1: no Filter on the catalog's metadata
    stream). The XMP is kept as written, with the document's language added, and stored
    unfiltered; qpdf never compresses metadata streams when it writes the file.
    """
    with pikepdf.open(io.BytesIO(pdf)) as document:
        with document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["dc:language"] = [lang]
        metadata = document.Root.Metadata
        metadata.write(metadata.read_bytes())  # no filter: stored as it reads
        for stream in _streams_ending_in_cr(document):
            _repacked(stream)
        # Object streams are compressed by qpdf as it writes, so their last byte is known only
        # then: keep WeasyPrint's, else let qpdf group them anew, else write none (larger).
        for mode in OBJECT_STREAM_MODES:
            output = io.BytesIO()
            document.save(
                output,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,  # leave the rest as it is
                object_stream_mode=mode,
                fix_metadata_version=False,
                deterministic_id=True,
            )
            if CR_BEFORE_ENDSTREAM not in output.getvalue():
                break
    return output.getvalue()


def _streams_ending_in_cr(document):
    """Streams whose data ends with a carriage return. Written as "…\\r\\nendstream", the CR
    reads as part of the end-of-line, so the data seems one byte shorter than /Length and
    PDF/A validators refuse the file (ISO 19005-2, 6.1.7.1). Compressed data ends in CR
    about once in 256 streams: most documents have one somewhere."""
    for obj in document.objects:
        if isinstance(obj, pikepdf.Stream) and obj.read_raw_bytes().endswith(b"\r"):
            filters = obj.get("/Filter")
            if filters == pikepdf.Name.FlateDecode:
                yield obj


def _repacked(stream) -> None:
    """Compress the data again with a space added at its end, until the result does not end
    in CR. Compressing the same data again would not help: Flate data ends with the Adler-32
    checksum of what it holds, whatever the level, and its last byte moves only with the sum
    of the bytes (so the pad is not a zero). A space ends a content stream harmlessly; a font
    file or colour profile is read through its own tables and never reaches it."""
    data = stream.read_bytes()
    for _ in range(8):
        packed = zlib.compress(data, 9)
        if not packed.endswith(b"\r"):
            break
        data += b" "
    if "/DecodeParms" in stream:
        del stream["/DecodeParms"]  # any predictor belonged to the old compressed form
    stream.write(packed, filter=pikepdf.Name.FlateDecode)
    if "/Length1" in stream:
        stream.Length1 = len(data)


def _stylesheet_path() -> str:
    path = finders.find(STYLESHEET)
    if not path:
        raise FileNotFoundError(STYLESHEET)
    return path


# --- stored by content -----------------------------------------------------------------


def cached_pdf(*, key: str, render) -> bytes:
    """The PDF for `key` from storage, rendered by `render()` and stored the first time.

    `key` names the content version (what the document shows, as of which change); the
    language it is rendered in and the layout (templates, translations, stylesheet, WeasyPrint
    version, PDF variant) are added here, so an English reader never gets the Swedish document
    and a new release renders afresh instead of serving documents in an old layout.
    """
    name = storage_name(key)
    stored = stored_pdf(key)
    if stored is not None:
        return stored
    content = render()
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:
        # Another request stored the same document meanwhile: keep the first, serve it.
        default_storage.delete(saved)
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    return content


def stored_pdf(key: str) -> bytes | None:
    """The PDF for `key` if it was rendered before, else None (nothing is rendered)."""
    name = storage_name(key)
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def storage_name(key: str) -> str:
    full_key = (
        f"{key}|lang={get_language() or settings.LANGUAGE_CODE}"
        f"|layout={layout_fingerprint()}|variant={pdf_variant()}"
    )
    return f"{STORAGE_DIR}/{hashlib.sha256(full_key.encode()).hexdigest()}.pdf"


@cache
def layout_fingerprint() -> str:
    """A digest of everything besides the data that shapes a PDF: the templates, the
    translation catalogues, the stylesheet and the WeasyPrint version. Computed once per
    process."""
    import weasyprint

    digest = hashlib.sha256(weasyprint.__version__.encode())
    stylesheet = Path(_stylesheet_path())
    files = [(stylesheet.name, stylesheet)]
    for directory in settings.TEMPLATES[0]["DIRS"]:
        root = Path(directory)
        files += sorted((str(p.relative_to(root)), p) for p in root.rglob("*.html"))
    for directory in settings.LOCALE_PATHS:
        root = Path(directory)
        files += sorted((str(p.relative_to(root)), p) for p in root.rglob("*.po"))
    for name, path in files:
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def pdf_or_progress(request, *, key: str, handler: str, arguments: dict, filename: str):
    """The PDF for `key` at once when it was rendered before; else rendered by the worker
    (`handler(**arguments)` stores it under `key`) while the person is sent to the job's page,
    which brings them back here when it is done."""
    stored = stored_pdf(key)
    if stored is not None:
        return pdf_response(stored, filename=filename)
    job = start_job(
        key=storage_name(key),
        handler="core.pdf.build_in_language",
        arguments={
            "language": get_language() or settings.LANGUAGE_CODE,
            "handler": handler,
            "arguments": arguments,
        },
        label=gettext("PDF"),
        result_url=request.get_full_path(),
    )
    return redirect("background_job", job.pk)


def build_in_language(*, language: str, handler: str, arguments: dict) -> None:
    """In the worker: `handler(**arguments)` in the reader's language. The worker has none
    of its own, and storage_name names a PDF by the active language: rendered in another,
    the document would be stored where the reader's download never looks."""
    with override(language):
        import_string(handler)(**arguments)


def pdf_response(content: bytes, *, filename: str) -> HttpResponse:
    """Shown in the browser (inline), saved under a readable ASCII file name."""
    response = HttpResponse(content, content_type="application/pdf")
    name = slugify(filename) or gettext("dokument")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    response["Content-Length"] = str(len(content))
    return response
