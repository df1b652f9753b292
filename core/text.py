"""Markdown to safe HTML: every long text a user writes goes through here; and to the plain
words a reader sees, where no markup can show (search excerpts)."""

import html
import threading

import markdown
import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
    "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


_converters = threading.local()


def _converter() -> markdown.Markdown:
    """This thread's Markdown converter, reset: making one costs more than converting most
    texts, and a plan's thousand items are converted at once when it is indexed."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        converter = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        _converters.markdown = converter
    return converter.reset()


def render_markdown(text: str) -> SafeString:
    # Headings start at h2: the page's own title is the only h1.
    html = _converter().convert(text or "")
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)


def plain_text(text: str) -> str:
    """The words of a Markdown text as its page shows them, without the markup: rendered as
    the page renders it, then the tags dropped and the entities read back ("**viktigt**",
    "# Rubrik", "[länk](/x/)" become "viktigt", "Rubrik", "länk")."""
    return html.unescape(strip_tags(render_markdown(text))).strip()
