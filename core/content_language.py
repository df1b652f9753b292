"""The language of the portal's content, marked where the page is in another language.

Agreements, frameworks, plans, bodies, organisations, decisions and board reports are written
in Swedish and never translated; an English page shows them as written. WCAG 3.1.2 (language
of parts) asks that they be marked, so that a screen reader reads them as Swedish and a PDF
hyphenates them as Swedish. `settings.CONTENT_LANGUAGE` names that language in one place;
`foreign_content_language()` answers it only while the active language is another, so a
Swedish page carries no mark at all. Templates use the `content_lang` tag (an attribute on an
element holding content only) and filter (a value inside interface text) in core's tags;
Python that writes HTML (the Atom feed's summaries) uses `mark_content`."""

from html import escape

from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language


def foreign_content_language() -> str | None:
    """The content's language when it differs from the active one, else None."""
    content = settings.CONTENT_LANGUAGE
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return None if active == content else content


def mark_content(value) -> SafeString:
    """`value` as HTML, inside `<span lang="sv">` when the page is in another language."""
    language = foreign_content_language()
    if not language or value in ("", None):
        return conditional_escape(value)
    return format_html('<span lang="{}">{}</span>', language, value)


def content_text(text: str, language: str | None) -> str:
    """Plain text as `mark_content` writes it, for Python that writes many (the plan page's
    items, plans.markup): `language` looked up once (`foreign_content_language()`), and the
    standard library's `escape`, which Django's wraps for lazy strings."""
    if not language or text in ("", None):
        return escape(str(text))
    return f'<span lang="{escape(language)}">{escape(text)}</span>'
