"""The workbench's template tags: an item's actions menu (plans.workbench), and the plan
page's sections from the shared cache."""

from django import template
from django.middleware.csrf import get_token
from django.utils.safestring import mark_safe

from plans import workbench
from plans.queries import state_summary as summarise

register = template.Library()

# Set in the context while a block is rendered for the cache: the menus write the slot, not
# the reader's token.
STORING = "workbench_storing"
# Set in the context with the sections stored by their content's look (StoredSectionsByKey).
SECTIONS = "workbench_sections"
# Set in the context around the sections: what the items' tags keep for the whole page (the
# menus' frames and words, what is written once: plans.markup.Page.once). A template's
# render context lasts one template, and each section is an include of its own: at 10x the
# Skåne plan the menus' 13 frames were built 156 times.
PAGE = "workbench_page"


def page_store(context):
    """Where the items' tags keep what they make once: for the whole page inside
    {% cached_sections %}, else (a section re-rendered alone) for the template."""
    store = context.get(PAGE)
    return context.render_context if store is None else store


@register.simple_tag(takes_context=True)
def item_menu(context, kind, obj, name):
    """`{% item_menu kind obj name %}`: the item's actions menu, inside the loop over the
    item's list: the loop says whether it is first or last (a section re-rendered alone gets
    a `forloop` of its own)."""
    loop = context.get("forloop") or {}
    return menu_maker(context)(kind, obj, name, loop.get("first", False), loop.get("last", False))


def menu_maker(context):
    """What writes an item's actions menu in this context, from (kind, item, name, whether
    first in its list, whether last): for this tag and the items written in Python
    (plans.markup). A save or move names the menu to focus: in the context (htmx) or as
    ?meny= (a redirect)."""
    request = context.get("request")
    focus = context.get("focus_menu") or (request.GET.get("meny", "") if request else "")
    token = workbench.TOKEN_SLOT if context.get(STORING) else _page_token(context)
    plan = context["plan"]
    # The menus' words and frames, made once per page (`page_store`); the menu to focus is
    # built whole.
    store = page_store(context)
    words = store.setdefault("workbench_menu_words", {})
    frames = store.setdefault(("workbench_menu_frames", token), {})
    focused = focus[:100].partition(":")[0]

    def menu(kind, obj, name, first, last):
        place = {"first": first, "last": last}
        if focused != workbench.menu_id(kind, obj):
            if (kind, first, last) not in frames:
                frames[kind, first, last] = workbench.menu_frame(
                    plan, kind, place=place, csrf_token=token, words=words
                )
            if frames[kind, first, last] is not None:
                return workbench.fill_frame(frames[kind, first, last], obj, name)
        found = workbench.item_menu(plan, kind, obj, place=place, focus=focus[:100])
        return workbench.menu_html(found, name=name, csrf_token=token, words=words)

    return menu


@register.simple_tag
def plan_url(view, *args):
    """`{% plan_url "item_add" plan.slug "aktivitet" %}`: as `{% url "plans:…" … %}`, reversed
    once per page, not once per initiative (plans.workbench.plan_url)."""
    return workbench.plan_url(view, *args)


def _page_token(context) -> str:
    """One CSRF token for every form of the page (masked anew per call, it cost a tenth of
    an editor's plan page); the render context lasts as long as the page's rendering."""
    request = context.get("request")
    if request is None:
        return ""
    token = context.render_context.get("workbench_csrf_token")
    if token is None:
        token = context.render_context["workbench_csrf_token"] = get_token(request)
    return token


@register.tag
def cached_sections(parser, token):
    """`{% cached_sections page_sections %}…{% endcached_sections %}`: the block as the view read
    it from the shared cache, or rendered and stored under its key with the plan's state facts
    (plans.workbench.PageSections), left for the view to put in the page; rendered in the page
    when there is no key."""
    return CachedSectionsNode(*_block(parser, token, "the page's sections"))


def _block(parser, token, argument: str):
    """A block tag's body, up to its end tag, and its one argument."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: {argument}")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return nodelist, parser.compile_filter(bits[1])


class BlockNode(template.Node):
    def __init__(self, nodelist, argument):
        self.nodelist = nodelist
        self.argument = argument


class CachedSectionsNode(BlockNode):
    def render(self, context):
        with context.push({PAGE: {}}):
            return self.render_sections(context)

    def render_sections(self, context):
        sections = self.argument.resolve(context)
        if not sections or not sections.key:
            return self.nodelist.render(context)
        stored = sections.stored  # read by the view (its tree has no items)
        if stored is None:
            # Each section from the cache by the look of its content, when its data is as
            # when it was stored ({% stored_section %}); the others rendered and stored.
            by_key = StoredSectionsByKey(
                sections.section_keys,
                workbench.stored_section_html(sections.section_keys.values()),
            )
            with context.push({STORING: True, SECTIONS: by_key}):
                block = str(self.nodelist.render(context)).encode()
            workbench.store_section_html(by_key.rendered)
            facts = str(summarise(context["tree"].state_items(), context["today"]) or "")
            workbench.store_sections(sections.key, block, facts)
            stored = workbench.StoredSections(by_key.filled(block), facts)
        html = stored.html
        token = workbench.TOKEN_SLOT.encode()
        if token in html:  # a reader's block has no forms: no token to make
            html = html.replace(token, _page_token(context).encode())
        sections.html = html
        return mark_safe(workbench.PAGE_SLOT)


class StoredSectionsByKey:
    """The block's sections as found in the cache (by key, plans.workbench.section_keys) and
    those rendered while it was put together, to be stored, as UTF-8; the block names each by
    its slot (plans.workbench.SECTION_SLOT)."""

    def __init__(self, keys: dict, found: dict):
        self.keys = keys
        self.found = found
        self.rendered = {}

    def filled(self, block: bytes) -> bytes:
        """The block with each section's HTML in its slot."""
        return workbench.filled_slots(block, self.found | self.rendered)


@register.tag
def stored_section(parser, token):
    """`{% stored_section node %}…{% endstored_section %}`: inside {% cached_sections %}
    putting a block together, the section's slot, its HTML being the one stored under its key
    or else rendered (and kept for the block to store). Outside that block (a section
    re-rendered by htmx) it is rendered as usual."""
    return StoredSectionNode(*_block(parser, token, "the section's node"))


class StoredSectionNode(BlockNode):
    def render(self, context):
        sections = context.get(SECTIONS)
        key = sections and sections.keys.get(self.argument.resolve(context).section.pk)
        if not key:
            return self.nodelist.render(context)
        if key not in sections.found:
            sections.rendered[key] = str(self.nodelist.render(context)).encode()
        return mark_safe(workbench.SECTION_SLOT.format(key))
