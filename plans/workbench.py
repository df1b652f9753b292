"""What the workbench shows around an item: its actions menu (one list that every menu is
rendered from, so another part of the portal adds an entry by appending to ITEM_ACTIONS),
and the warning for a period that lies outside the plan's."""

import dataclasses
import functools
import hashlib
import logging
import operator
import pickle
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import escape  # Django's escape is this behind a lazy-string wrapper

from django.core.cache import cache
from django.db import models
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from redis.exceptions import RedisError

from core import periods

logger = logging.getLogger(__name__)


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
        return plan_url(self.view, plan.slug, kind, obj.pk)

    def offered(self, kind: str, place: dict) -> bool:
        if self.kinds is not None and kind not in self.kinds:
            return False
        return self.shown is None or self.shown(place)


def plan_url(view: str, *args) -> str:
    """`reverse("plans:<view>", args=args)`, reversed once per view, plan and kind, not once
    per item and link (an editor's plan page at 10x has 19 000 such links, and reverse() was
    a fifth of its rendering): an item's pk, an int as the last argument, is put in by
    string formatting."""
    *fixed, last = args
    if isinstance(last, int):
        head, tail = _around_pk(view, tuple(fixed), get_script_prefix())
        return f"{head}{last}{tail}"
    return _reversed(view, args, get_script_prefix())


@functools.lru_cache(maxsize=1024)
def _around_pk(view: str, args: tuple, script_prefix: str) -> tuple[str, str]:
    """The view's URL split around the pk, the pattern's last number."""
    head, _sep, tail = reverse(f"plans:{view}", args=[*args, 0]).rpartition("/0/")
    return f"{head}/", f"/{tail}"


@functools.lru_cache(maxsize=1024)
def _reversed(view: str, args: tuple, script_prefix: str) -> str:
    return reverse(f"plans:{view}", args=list(args))


def _move(direction: str, label, end: str) -> ItemAction:
    """Move the item one place `direction`; not offered to the item already at that `end` of
    its list."""
    return ItemAction(
        direction,
        label,
        "item_move",
        post={"direction": direction},
        shown=lambda place: not place.get(end),
    )


ITEM_ACTIONS: list[ItemAction] = [
    ItemAction("edit", gettext_lazy("Ändra"), "item_edit", inline=True),
    _move("up", gettext_lazy("Flytta upp"), end="first"),
    _move("down", gettext_lazy("Flytta ned"), end="last"),
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


# The menu's markup is built here, not in a template: an editor's plan page has one menu per
# item (1 200 at 10x the Skåne plan), and rendering them through an included template was the
# larger part of the page (docs/architecture.md, "Measuring"). Every value is escaped once
# and the whole marked safe: format_html per entry cost as much again.
MENU = (
    '<details class="actions-menu" id="{id}"{open}>\n'
    '  <summary{focus}>{title}<span class="visually-hidden"> {for_name}</span></summary>\n'
    '  <ul class="actions-list">\n{entries}  </ul>\n</details>'
)
POST_ENTRY = (
    '    <li><form method="post" action="{href}" hx-post="{href}" '
    'hx-target="closest section.plan-section" hx-swap="outerHTML">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{token}">{fields}'
    '<button type="submit" class="small-button" id="{id}"{focus}>{label}'
    '<span class="visually-hidden"> {name}</span></button></form></li>\n'
)
LINK_ENTRY = (
    '    <li><a href="{href}" id="{id}"{inline}{focus}>{label}'
    '<span class="visually-hidden"> {name}</span></a></li>\n'
)
# The characters of the item's name a menu repeats for screen readers.
MENU_NAME_LENGTH = 60
INLINE = ' hx-get="{href}" hx-target="#{menu}" hx-swap="afterend"'
HIDDEN = '<input type="hidden" name="{}" value="{}">'


def menu_html(menu: Menu, *, name, csrf_token: str, words: dict | None = None) -> str:
    """The menu as HTML: a <details> list of links and POST forms (working without
    JavaScript); `name` (the item's text, shortened) tells screen readers whose menu it is.
    `words` keeps the interface's words as looked up for the first menu (a page has a
    thousand, and translating each menu's seven words was 8 000 `gettext` calls at 10x)."""
    words = {} if words is None else words
    short = shortened(name)
    menu_id, token = escape(menu.id), escape(csrf_token)
    entries = []
    for entry in menu.entries:
        action = entry.action
        href = escape(entry.href)
        shared = {
            "href": href,
            "id": f"{menu_id}-{escape(action.key)}",
            "focus": " autofocus" if entry.autofocus else "",
            "label": _word(words, action.key, lambda action=action: escape(str(action.label))),
            "name": escape(short),
        }
        if action.post:
            fields = "".join(
                HIDDEN.format(escape(str(k)), escape(str(v))) for k, v in action.post.items()
            )
            entries.append(POST_ENTRY.format(token=token, fields=fields, **shared))
        else:
            inline = INLINE.format(href=href, menu=menu_id) if action.inline else ""
            entries.append(LINK_ENTRY.format(inline=inline, **shared))
    return mark_safe(
        MENU.format(
            id=menu_id,
            open=" open" if menu.open else "",
            focus=" autofocus" if menu.focus_summary else "",
            title=_word(words, "\x00title", lambda: escape(_("Åtgärder"))),
            for_name=escape(_word(words, "\x00for", lambda: _("för %(name)s")) % {"name": short}),
            entries="".join(entries),
        )
    )


# A menu's frame: the menu of a stand-in item whose pk and name are these, made a format
# string. The pk has more digits than any real one (no other number of a menu is that long);
# the name's NULs never come from content.
FRAME_PK = 987_654_321_987_654_321
FRAME_NAME = "\x00name\x00"


@dataclass(frozen=True)
class _StandIn:
    pk: int


def menu_frame(plan, kind: str, *, place: dict, csrf_token: str, words: dict) -> str | None:
    """The menu of any item of `kind` at `place` (first or last in its list), as a format
    string to fill with the item's `pk` and escaped, shortened `name` (`fill_frame`): the
    same HTML as `menu_html`, built once per kind and place, so each of a page's thousand
    menus is one `str.format` (building each was a third of an editor's page at 10x). None
    when an action's URL is not the plan's view of the item (`ItemAction.url`: it may read
    more of the item than its pk), or when the plan's address holds the stand-in's pk."""
    offered = [action for action in ITEM_ACTIONS if action.offered(kind, place)]
    if any(action.url is not None for action in offered):
        return None
    # The other parts of a menu that vary: a slug may be any words and digits.
    if str(FRAME_PK) in get_script_prefix() + plan.slug:
        return None
    menu = item_menu(plan, kind, _StandIn(FRAME_PK), place=place)
    html = menu_html(menu, name=FRAME_NAME, csrf_token=csrf_token, words=words)
    frame = html.replace("{", "{{").replace("}", "}}")
    return frame.replace(str(FRAME_PK), "{pk}").replace(FRAME_NAME, "{name}")


def fill_frame(frame: str, obj, name) -> str:
    return mark_safe(frame.format(pk=obj.pk, name=escape(shortened(name))))


def shortened(name) -> str:
    """The item's name as its menu names it: `Truncator(name).chars(60)`, which for a name
    that fits is the name in NFC, found here without it (it cost 18 µs a menu)."""
    text = unicodedata.normalize("NFC", str(name))
    return text if len(text) <= MENU_NAME_LENGTH else Truncator(text).chars(MENU_NAME_LENGTH)


def _word(words: dict, key: str, look_up: Callable) -> str:
    found = words.get(key)
    if found is None:
        found = words[key] = look_up()
    return found


# --- the sections from the shared cache --------------------------------------------------

# Where an editor's CSRF token goes in a stored block: it is per person, so the block is
# stored without it and each request puts its own in. A NUL never comes from content (the
# forms and PostgreSQL refuse it), so only the menus' token fields carry this.
TOKEN_SLOT = "\x00csrf-token\x00"
# The day is in the key; a day is the longest an entry can serve.
SECTIONS_TIMEOUT = 24 * 3600


def sections_key(version: str, plan, *, editing: bool, drafts: bool, focus: str) -> str:
    """The key of the plan page's sections, the bulk of the page (an editor's at 10x the Skåne
    plan: 1 080 items, 3 600 menus, 2.4 MB, docs/architecture.md "Measuring"), or "" to render
    them: without a content version (strangers: the page cache keeps whole pages), or with a
    menu to focus (after a save or move: a write has just started them afresh anyway).

    The content version changes with every write (core.pagecache), so no write leaves a
    stored block stale; the rest is what else the block depends on: the reader's view of the
    plan (drafts or the public version; workbench or not), the language and the day (overdue
    markers, reported states)."""
    if not version or focus:
        return ""
    return ":".join(
        [
            "plan-sections",
            version,
            str(plan.pk),
            "edit" if editing else "read",
            "drafts" if drafts else "public",
            translation.get_language(),
            timezone.localdate().isoformat(),
        ]
    )


@dataclass(frozen=True)
class StoredSections:
    """The plan page's sections as stored, with the plan's state facts ("3 av 5 klara…",
    "" when it has no items): the facts sum every item, so with them stored a hit loads none
    (plans.queries.plan_tree without items). The HTML is UTF-8, as stored and as sent: an
    editor's sections at 10x the Skåne plan are 2.4 MB of text, and encoding it, or decoding
    it from the cache, cost 4–5 ms each time (its "–" and "⚠" make it two bytes a character)."""

    html: bytes
    facts: str


# Where a section stored by its content's look (section_keys) stands in the block as stored
# under the content version: the block holds its place and key, not its HTML again, so a
# rendered page writes each section's megabytes once. A NUL never comes from content.
SECTION_SLOT = "\x00section:{}\x00"
SECTION_SLOTS = re.compile(b"\x00section:([^\x00]+)\x00")


def slotted_sections(block: bytes) -> list[str]:
    """The keys of the sections a block names, in its order."""
    return [key.decode() for key in SECTION_SLOTS.findall(block)]


def filled_slots(block: bytes, html: dict[str, bytes]) -> bytes:
    """The block with each section's HTML (`html`, by key) in its slot."""
    parts = SECTION_SLOTS.split(block)  # text, key, text, key, …, text
    parts[1::2] = [html[key.decode()] for key in parts[1::2]]
    return b"".join(parts)


# The cache is a shortcut, never a dependency (as core.pagecache): when it cannot be read or
# written, the sections are rendered as usual.
def stored_sections(key: str) -> StoredSections | None:
    """The sections stored under `key` (sections_key), or None: read once, by the view, which
    then loads the items only when the sections must be rendered (also when a section the
    block names is no longer in the cache)."""
    if not key:
        return None
    try:
        block, facts = cache.get(key) or (None, None)
    except (RedisError, OSError, TypeError, ValueError) as error:  # unreachable or not a pair
        logger.debug("Planens avsnitt läses inte ur cachen: %s", error)
        return None
    if not isinstance(block, bytes):  # none, or not what this code stores
        return None
    keys = slotted_sections(block)
    found = stored_section_html(keys)
    if any(key not in found for key in keys):
        return None
    return StoredSections(filled_slots(block, found), str(facts))


def store_sections(key: str, block: bytes, facts: str) -> None:
    """Store the block (its sections stored by their look named by SECTION_SLOT) with the
    plan's state facts under `key`."""
    try:
        cache.set(key, (block, facts), SECTIONS_TIMEOUT)
    except (RedisError, OSError) as error:
        logger.warning("Planens avsnitt kunde inte sparas i cachen: %s", error)


# Where the sections stand in the page as its template renders it: the view puts them in as
# UTF-8 (PageSections.filled), so their megabytes are never text again.
PAGE_SLOT = "\x00sections\x00"


@dataclass
class PageSections:
    """The plan page's sections as the view hands them to {% cached_sections %}: the key they
    are stored under (sections_key; "" renders them in the page), what the view found stored
    there (None: render and store them) and each section's key by its look (section_keys).
    The tag leaves the block here (`html`, UTF-8, with the reader's token), and the view puts
    it in the page (`filled`)."""

    key: str
    stored: StoredSections | None = None
    section_keys: dict[int, str] = dataclasses.field(default_factory=dict)
    html: bytes | None = None

    def filled(self, response):
        """The response with the block in its place."""
        if self.html is not None:
            head, _slot, tail = response.content.partition(PAGE_SLOT.encode())
            response.content = b"".join([head, self.html, tail])
        return response


# --- each section by the look of what it shows ---------------------------------------------
# When the sections are not stored under the content version (the first view after any
# write), each section is looked up under a fingerprint of everything it is rendered from, so
# a write renders again only the sections whose data it changed (docs/architecture.md, "The
# first view after a write").


def section_keys(plan, tree, code: str, *, editing: bool, drafts: bool, today) -> dict[int, str]:
    """Each section's key, by its pk: a digest of the section as the tree holds it (every
    field of every row under it, `_shown`), its place among the sections (its menu's moves),
    the plan's fields (`plan`, as the page's context has it), what the block's key names
    besides content (workbench or not, drafts or not, the language, `today`: the day the
    page is rendered for) and the code (`code`, counted by every upgrade:
    core.pagecache.content_versions). Call it on a tree just loaded, before anything renders
    from it. Empty without the code's count (no upgrade counted yet): nothing is reused."""
    if not code:
        return {}
    shared = [
        code,
        "edit" if editing else "read",
        "drafts" if drafts else "public",
        translation.get_language(),
        today.isoformat(),
        get_script_prefix(),
    ]
    _shown(plan, shared, set())
    last = len(tree.sections) - 1
    keys = {}
    for index, node in enumerate(tree.sections):
        shown = [*shared, index == 0, index == last]
        _shown(node, shown, set())
        try:
            digest = hashlib.sha256(_content(shown)).hexdigest()
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            logger.warning("Planens avsnitt kan inte nycklas efter innehåll: %s", error)
            return {}
        keys[node.section.pk] = f"plan-section:{digest}"
    return keys


def _content(values: list) -> bytes:
    """The values as bytes that only equal values give: pickled, each value by its content (a
    `repr` may name an object by its address, which another object can have later). Which
    values are one object shows in the bytes too: that can only make equal data miss."""
    return pickle.dumps(values, protocol=5)


@functools.cache
def _fields_of(model) -> tuple[str, frozenset, Callable]:
    """The model's label, the attributes every row has (its fields, Django's `_state`) and
    what reads its fields' values."""
    names = [field.attname for field in model._meta.concrete_fields]
    return model._meta.label, frozenset([*names, "_state"]), operator.attrgetter(*names)


@functools.lru_cache(maxsize=256)
def _set_by_tree(model, names: tuple[str, ...]) -> tuple[str, ...]:
    """Of a row's attributes (`names`, its `__dict__`'s), those the tree set besides its
    fields (an item's reported state), sorted: a set's order changes from one process to the
    next. Rows of a kind share their attributes, so this is worked out once per kind."""
    _label, known, _values = _fields_of(model)
    return tuple(sorted(name for name in names if name not in known and not name.startswith("_")))


# Values taken as they are: most of what `_shown` meets.
PLAIN = (type(None), bool, int, str)


def _shown(value, out: list, seen: set) -> None:
    """Append to `out` what `value` (a tree node, a row, a list of them) can show: a row's
    every field, whatever the tree set on it besides (an item's reported state, whether it
    is closed), and the rows selected with it (a status's author, a follow-up's body);
    a node's every field, in order. Generic on purpose: a field or a row the page starts
    to show is in the key without a change here. A row met again (`seen`: rows point at
    each other) is named by its pk, its content being in `out` already."""
    if type(value) in PLAIN:
        out.append(value)
    elif isinstance(value, models.Model):
        label, _known, values = _fields_of(type(value))
        if id(value) in seen:
            out += (label, value.pk)
            return
        seen.add(id(value))
        out += (label, values(value))
        fields = value.__dict__
        for name in _set_by_tree(type(value), tuple(fields)):
            out.append(name)
            _shown(fields[name], out, seen)
        # Read from the state's own attributes: `fields_cache` makes an empty one when read.
        for name, related in value._state.__dict__.get("fields_cache", {}).items():
            out.append(name)
            _shown(related, out, seen)
    elif isinstance(value, list | tuple):
        out.append(len(value))
        for each in value:
            _shown(each, out, seen)
    elif isinstance(value, dict):
        for name, each in value.items():
            out.append(name)
            _shown(each, out, seen)
    elif hasattr(type(value), "__dataclass_fields__"):
        for field in dataclasses.fields(value):
            out.append(field.name)
            _shown(getattr(value, field.name), out, seen)
    else:
        out.append(value)


def stored_section_html(keys) -> dict[str, bytes]:
    """The sections stored under `keys` (section_keys' values), by key."""
    try:
        return cache.get_many(list(keys)) if keys else {}
    except (RedisError, OSError) as error:
        logger.debug("Planens avsnitt läses inte ur cachen: %s", error)
        return {}


def store_section_html(found: dict[str, bytes]) -> None:
    if not found:
        return
    try:
        cache.set_many(found, SECTIONS_TIMEOUT)
    except (RedisError, OSError) as error:
        logger.warning("Planens avsnitt kunde inte sparas i cachen: %s", error)


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
