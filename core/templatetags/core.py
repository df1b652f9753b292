from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, format_html

from core import periods
from core.access import may_read
from core.content_language import foreign_content_language, mark_content
from core.exports import FORMATS
from core.periods import Period
from core.text import render_markdown

register = template.Library()


@register.simple_tag(name="content_lang")
def content_lang_attribute():
    """` lang="sv"` for an element that holds content only (a title cell, a heading, the
    markdown of a text), when the page is in another language; nothing on a Swedish page:
    `<td{% content_lang %}>{{ agreement.title }}</td>`."""
    language = foreign_content_language()
    return format_html(' lang="{}"', language) if language else ""


@register.filter(name="content_lang")
def content_lang_filter(value):
    """A value written in the content's language, inside interface text: wrapped in
    `<span lang="sv">` when the page is in another language, escaped as usual otherwise.
    A period is shown as `Period.display()` shows it, and marked only when its words are
    shown as written (not understood, so not read back in English)."""
    if isinstance(value, Period):
        if value.is_understood:
            return conditional_escape(value.display())
        value = value.display()
    return mark_content(value)


@register.filter(name="markdown")
def markdown_filter(text):
    return render_markdown(text)


@register.filter
def readable_by(obj, user) -> bool:
    """Whether `user` may read `obj` (core.access.may_read): a page naming another app's object
    names a draft only to those who may read it."""
    return may_read(user, obj)


@register.simple_tag(takes_context=True)
def overdue(context, end, closed=False):
    """core.periods.is_overdue on the day the view or command put in the context as `today`:
    a template never reads the clock itself."""
    return periods.is_overdue(end, today=context["today"], closed=closed)


@register.inclusion_tag("includes/export_links.html", takes_context=True)
def export_links(context, url_name, *args):
    """Download links, one per format, for the table beside them: the page's own filters
    (its query string, less the page number) go with them."""
    query = context["request"].GET.copy()
    query.pop("sida", None)
    suffix = f"?{query.urlencode()}" if query else ""
    return {
        "links": [
            (label, reverse(url_name, args=[*args, name]) + suffix, name)
            for name, (label, _type) in FORMATS.items()
        ]
    }


@register.inclusion_tag("includes/calendar_links.html", takes_context=True)
def calendar_links(context, path, label):
    """A feed's https link and its webcal:// twin (which opens the calendar program)."""
    https = context["request"].build_absolute_uri(path)
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1], "label": label}
