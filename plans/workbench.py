"""What the workbench shows around an item: its actions menu (one list that every menu is
rendered from, so another part of the portal adds an entry by appending to ITEM_ACTIONS),
and the warning for a period that lies outside the plan's."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import periods


@dataclass(frozen=True)
class ItemAction:
    """One entry of an item's actions menu.

    - `label`: the visible words; the menu adds the item's name for screen readers;
    - `url`: where it leads, from (plan, kind word, item); by default the view named
      `plans:<view>` with the plan's slug, the kind's word and the item's pk;
    - `post`: a POST form with these hidden fields (a change, so never a link); None: a link;
    - `inline`: with htmx the link opens its form in place, after the menu;
    - `kinds`: the kind words it is offered for (None: every kind);
    - `shown`: whether to offer it here, from the menu's context (the list's ends for moves).
    """

    key: str
    label: str
    view: str = ""
    url: Callable | None = None
    post: dict | None = None
    inline: bool = False
    kinds: tuple[str, ...] | None = None
    shown: Callable | None = None

    def href(self, plan, kind: str, obj) -> str:
        if self.url is not None:
            return self.url(plan, kind, obj)
        return reverse(f"plans:{self.view}", args=[plan.slug, kind, obj.pk])

    def offered(self, kind: str, place: dict) -> bool:
        if self.kinds is not None and kind not in self.kinds:
            return False
        return self.shown is None or self.shown(place)


ITEM_ACTIONS: list[ItemAction] = [
    ItemAction("edit", gettext_lazy("Ändra"), "item_edit", inline=True),
    ItemAction(
        "up",
        gettext_lazy("Flytta upp"),
        "item_move",
        post={"direction": "up"},
        shown=lambda place: not place.get("first"),
    ),
    ItemAction(
        "down",
        gettext_lazy("Flytta ned"),
        "item_move",
        post={"direction": "down"},
        shown=lambda place: not place.get("last"),
    ),
    ItemAction("history", gettext_lazy("Historik"), "item_history"),
    ItemAction("delete", gettext_lazy("Ta bort"), "item_delete"),
]


@dataclass
class MenuEntry:
    action: ItemAction
    href: str
    autofocus: bool = False


@dataclass
class Menu:
    """An item's actions menu as rendered: its id, its entries, and whether it opens with one
    of them focused (after a move, so the next press of Enter moves it again)."""

    id: str
    entries: list[MenuEntry]
    open: bool = False
    focus_summary: bool = False


def menu_id(kind: str, obj) -> str:
    return f"atgarder-{kind}-{obj.pk}"


def item_menu(plan, kind: str, obj, *, place: dict, focus: str = "") -> Menu:
    """The menu of `obj` (of the kind with URL word `kind`); `place` tells whether it is its
    list's first or last; `focus` names the menu and entry to focus ("<menu id>:<key>", as
    after a move) or the menu alone ("<menu id>", as after a save)."""
    this = menu_id(kind, obj)
    target, _sep, key = focus.partition(":")
    entries = [
        MenuEntry(action, action.href(plan, kind, obj))
        for action in ITEM_ACTIONS
        if action.offered(kind, place)
    ]
    menu = Menu(this, entries)
    if target == this:
        # After a move the menu stays open; at the list's end the entry used is gone.
        menu.open = bool(key)
        focused = next((e for e in entries if key and e.action.key == key), None)
        if focused is not None:
            focused.autofocus = True
        else:
            menu.focus_summary = True
    return menu


# --- periods ----------------------------------------------------------------------------


def period_warning(text: str, plan_period_text: str) -> str:
    """The warning for a period that lies outside the plan's period ('' when it does not, or
    when either is missing or not understood). A warning only: plans do name dates beyond
    their period (a follow-up after the end), so the save goes through."""
    if not str(text or "").strip() or not str(plan_period_text or "").strip():
        return ""
    reading, plan_period = periods.parse(text), periods.parse(plan_period_text)
    if not (reading.is_understood and plan_period.is_understood):
        return ""
    early = reading.start and plan_period.start and reading.start < plan_period.start
    late = reading.end and plan_period.end and reading.end > plan_period.end
    if not (early or late):
        return ""
    return _("Tiden ligger utanför planens period %(period)s.") % {"period": plan_period.display()}
