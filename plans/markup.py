"""The plan page's items as HTML: each node's lists of activities, milestones and follow-ups
(with their periods, reported states and actions menus) and its responsible bodies, the
node's state summary, and a reported state alone.

Written here, not in included templates, as the menus are (plans.workbench.menu_html): the
page at 10x the Skåne plan has 1 080 items, and the includes per item (period, state, the
item's state) with their variable lookups and `{% translate %}` were most of rendering it
(docs/architecture.md, "Measuring"). The HTML is what the templates wrote; values are
escaped with the standard library's `html.escape` (Django's `escape` is it behind a
lazy-string wrapper) and the words of the interface looked up once per page."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, npgettext

from core.content_language import content_text, foreign_content_language
from core.periods import is_overdue
from core.text import render_markdown
from plans.queries import state_summary
from plans.workbench import plan_url

STATE_SYMBOLS = {"done": "✔", "in_progress": "◐", "struck": "✖"}
OTHER_STATE_SYMBOL = "○"
STATUS_SYMBOLS = {"done": "✔", "on_track": "●", "at_risk": "▲", "delayed": "■", "cancelled": "✖"}
# (the kind's URL word, its word in "Lägg till: aktivitet, tidplanspunkt, uppföljning").
ADDED = (
    ("aktivitet", gettext_lazy("aktivitet")),
    ("tidplan", gettext_lazy("tidplanspunkt")),
    ("uppfoljning", gettext_lazy("uppföljning")),
)

# (the kind's URL word, for the menus; the node's list of it), in the page's order.
LISTS = (("aktivitet", "activities"), ("tidplan", "milestones"), ("uppfoljning", "follow_ups"))


@dataclass(frozen=True)
class Page:
    """What every item of a page shares: the day (overdue), the content's language when it
    is not the page's (None on a Swedish page), the menu of an item (None: no workbench)
    from (kind word, item, name, first, last), and what is written once for the page
    (`once`)."""

    today: object
    language: str | None
    menu: Callable | None = None
    written: dict = field(default_factory=dict, compare=False)

    @classmethod
    def now(cls, today, menu=None, written=None) -> "Page":
        """`written`: a dict kept for the rendering (the template's render context), so the
        page's nodes share it."""
        return cls(today, foreign_content_language(), menu, {} if written is None else written)

    def once(self, key: tuple, write: Callable[[], str]) -> str:
        """`write()`, called once per page for `key` (what it is written from besides the
        day and the language): the interface's words, a period's tag, a body's link. At 10x
        the Skåne plan the items asked for 3 700 translations and 500 URLs, most of them the
        same few; each `gettext` reads the active language from a context-local twice."""
        found = self.written.get(key)
        if found is None:
            found = self.written[key] = write()
        return found

    @property
    def lang_attribute(self) -> str:
        return f' lang="{self.language}"' if self.language else ""


def node_items(node, level: int, page: Page) -> str:
    """A tree node's items and responsibility, as templates/plans/includes/items.html wrote
    them (one heading and list per kind; then "Ansvar")."""
    parts = ["\n"]
    for word, name in LISTS:
        items = getattr(node, name)
        if items:
            count = len(items)
            heading = page.once(("heading", name, count), partial(_heading, name, count))
            rows = "".join(
                f"\n  <li>{_item(word, item, page, index == 0, index == len(items) - 1)}</li>\n  "
                for index, item in enumerate(items)
            )
            parts.append(
                f'\n<h{level} class="item-heading">{heading}</h{level}>\n'
                f'<ul class="items">\n  {rows}\n</ul>\n'
            )
        parts.append("\n")
    if node.bodies or node.responsibility_text:
        parts.append(
            f'\n<h{level} class="item-heading">{page.once(("Ansvar",), lambda: escape(_("Ansvar")))}</h{level}>\n'
            f"<p>{_responsibility(node, page)}</p>\n"
        )
    parts.append("\n")
    return mark_safe("".join(parts))


def _heading(name: str, count: int) -> str:
    if name == "activities":
        return escape(npgettext("rubrik", "Aktivitet", "Aktiviteter", count))
    return escape(_("Tidplan") if name == "milestones" else _("Uppföljning"))


def _item(word: str, item, page: Page, first: bool, last: bool) -> str:
    """One item's row: its period (always for a milestone), text, state, note or where it is
    reported, and its actions menu."""
    html = ""
    if word == "tidplan" or item.period_text:
        html = page.once(_period_key(item), lambda: period_html(item.period, item.closed, page))
        html += " "
    html += content_text(item.text, page.language)
    if item.state:
        html += _item_state(item.state, page)
    if word == "aktivitet" and item.note:
        html += f'<div class="note"{page.lang_attribute}>{render_markdown(item.note)}</div>'
    if word == "uppfoljning" and item.reported_to:
        html += page.once(("reported", item.reported_to.pk), lambda: _reported(item, page))
    if page.menu is not None:
        html += page.menu(word, item, item.text, first, last)
    return html


def _period_key(item) -> tuple:
    """What an item's period tag is written from (Period is made from these fields)."""
    return (
        "period",
        item.period_text,
        item.period_start,
        item.period_end,
        item.period_precision,
        item.period_recurring,
        item.closed,
    )


def _reported(item, page: Page) -> str:
    body = item.reported_to
    reported = _('Återrapporteras till <a href="%(url)s">%(name)s</a>.') % {
        "url": escape(body.get_absolute_url()),
        "name": content_text(body.name, page.language),
    }
    return f' <span class="muted">{reported}</span>'


def period_html(period, closed: bool, page: Page) -> str:
    """An item's period as a tag (the dates spelled out in its title), marked when overdue on
    the page's day."""
    late = is_overdue(period.end, today=page.today, closed=closed)
    understood = period.is_understood
    classes = "period-tag" + (" is-overdue" if late else "") + ("" if understood else " is-unknown")
    title = f' title="{escape(period.describe())}"' if understood else ""
    words = period_words(period, page) if period.text else escape(_("Ingen tid angiven"))
    html = f'<span class="{classes}"{title}>{words}</span>'
    if late:
        html += f" {overdue_tag(page)}"
    return mark_safe(html)


def overdue_tag(page: Page) -> str:
    """ "⚠ Förfallen", as every list of items marks an overdue one."""
    return page.once(
        ("overdue",),
        lambda: (
            f'<strong class="overdue"><span aria-hidden="true">⚠</span> {escape(_("Förfallen"))}</strong>'
        ),
    )


def kind_label(kind, page: Page) -> str:
    """The kind's label ("Tidplan", "Uppföljning"), escaped."""
    return page.once(("kind", kind.key), lambda: escape(str(kind.label)))


def period_words(period, page: Page) -> str:
    """A period's words as the `content_lang` filter writes them: read back in the page's
    language when understood (not marked), else as written (marked)."""
    if period.is_understood:
        return escape(period.display())
    return content_text(period.display(), page.language)


def due_rows(entries, page: Page) -> str:
    """Bevakning's table rows (plans/includes/due_table.html, inside includes/row_table.html's
    loop): an entry's last day and period, what it is, and where it stands in which plan.
    Written here as the plan page's items are: at 10x the Skåne plan Bevakning lists 720
    entries, and the row's template with its lookups and filters was half the request."""
    return "".join(f"\n    <tr>\n      {_due_row(entry, page)}\n    </tr>\n  " for entry in entries)


def _due_row(entry, page: Page) -> str:
    item, plan = entry.item, entry.section.plan
    last_day = f"{item.period_end:%Y-%m-%d}" if item.period_end else ""
    where = f"{escape(plan.title)}, {entry.section.number}"
    if entry.initiative:
        where += f"{escape(entry.initiative.letter)})"
    url = page.once(("plan", plan.pk), lambda: escape(plan.get_absolute_url()))
    return (
        f'<td>{last_day}<br><span class="muted">({period_words(entry.period, page)})</span></td>\n'
        f"      <td>{kind_label(entry.kind, page)}: {content_text(item.text, page.language)}</td>\n"
        f'      <td><a href="{url}#{escape(entry.anchor)}"{page.lang_attribute}>{where}</a></td>'
    )


def state_html(state) -> str:
    """A reported state (planerad, pågår, klar with its day, struken), or "no state"."""
    if not state:
        return mark_safe(
            '<span class="status istate-none"><span class="status-symbol" aria-hidden="true">–'
            f"</span> {escape(_('Inget rapporterat läge'))}</span>"
        )
    symbol = STATE_SYMBOLS.get(state.state, OTHER_STATE_SYMBOL)
    done_on = f" {state.done_on:%Y-%m-%d}" if state.done_on else ""
    return mark_safe(
        f'<span class="status istate-{escape(state.state)}"><span class="status-symbol" '
        f'aria-hidden="true">{symbol}</span> {escape(str(state.get_state_display()))}'
        f"{done_on}</span>"
    )


def _item_state(state, page: Page) -> str:
    comment = ""
    if state.comment:
        comment = f' <span class="muted"{page.lang_attribute}>{escape(state.comment)}</span>'
    # The newlines are where the included templates ended: the page stays as it was.
    shown = page.once(("state", state.state, state.done_on), lambda: state_html(state))
    return f'<span class="item-state"> {shown}\n{comment}</span>\n'


def _responsibility(node, page: Page) -> str:
    bodies = ", ".join(
        page.once(("body", body.pk), lambda body=body: _link(body, page)) for body in node.bodies
    )
    if not node.responsibility_text:
        return bodies
    text = f'<span class="muted"{page.lang_attribute}>{escape(node.responsibility_text)}</span>'
    return f"{bodies}<br>{text}" if node.bodies else text


def _link(body, page: Page) -> str:
    return (
        f'<a href="{escape(body.get_absolute_url())}"{page.lang_attribute}>{escape(body.name)}</a>'
    )


def summary_html(node, label: str, today) -> str:
    """The node's state summary ("Punkterna: 3 av 5 klara, 1 förfallen"), "" without items."""
    summary = state_summary(node.state_items(), today)
    if not summary:
        return "\n"  # where the included template ended, as after the summary
    return mark_safe(
        f'<p class="state-summary"><span class="muted">{escape(str(label))}:</span> '
        f"{escape(str(summary))}</p>\n"
    )


def initiative_status_html(status) -> str:
    """An initiative's latest status (its symbol and name), or "Ingen status"; as
    templates/plans/includes/initiative_status.html writes it, with the newline it ended with."""
    if not status:
        return mark_safe(
            '<span class="status istatus-none"><span class="status-symbol" aria-hidden="true">–'
            f"</span> {escape(_('Ingen status'))}</span>\n"
        )
    symbol = STATUS_SYMBOLS.get(status.status, OTHER_STATE_SYMBOL)
    return mark_safe(
        f'<span class="status istatus-{escape(status.status)}"><span class="status-symbol" '
        f'aria-hidden="true">{symbol}</span> {escape(str(status.get_status_display()))}</span>\n'
    )


def add_items_html(plan, section, initiative, page: Page) -> str:
    """The workbench's "Lägg till: aktivitet, tidplanspunkt, uppföljning" under an initiative
    (or a section without initiatives): links that open the form in place with htmx."""
    where = content_text(str(initiative or section), page.language)
    owner = f"?omrade={section.pk}" + (f"&amp;insats={initiative.pk}" if initiative else "")
    hidden = _("i %(where)s") % {"where": where}  # as {% blocktranslate %}: the words as written
    links = ",\n  ".join(
        f'<a href="{escape(plan_url("item_add", plan.slug, kind))}{owner}" '
        f'hx-get="{escape(plan_url("item_add", plan.slug, kind))}{owner}" hx-target="closest p" '
        f'hx-swap="afterend">{escape(str(word))}<span class="visually-hidden"> {hidden}</span></a>'
        for kind, word in ADDED
    )
    return mark_safe(f'<p class="edit-add">{escape(_("Lägg till:"))}\n  \n  {links}\n  \n</p>\n')
