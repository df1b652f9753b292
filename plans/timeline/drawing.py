"""A Mark drawn in SVG numbers (`draw` -> `Drawn`): solid bars, ends that fade in steps,
dashed open starts, arrows past the edge, the glyphs of milestones and follow-ups."""

from dataclasses import dataclass

from django.utils.safestring import mark_safe

from plans.timeline.marks import EXACT, MIN_BAR, OPEN, Mark

COLOURS = {
    "activity": "#4f5d6e",
    "milestone": "#0b5394",
    "follow_up": "#1e6b34",
    "overdue": "#a1221b",
}

# An approximate end fades in steps of the colour mixed into white: steps, not a gradient,
# as some PDF viewers drop WeasyPrint's gradients (poppler) and steps print the same anywhere.
FADE_STEPS = (0.12, 0.3, 0.5, 0.7, 0.88)


def _tint(colour: str, share: float) -> str:
    """`share` of the colour, the rest white."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * share):02x}" for c in channels)


TINTS = {tone: [_tint(colour, share) for share in FADE_STEPS] for tone, colour in COLOURS.items()}
# The narrow-screen list draws each entry in a lane of its own, scaled to the screen.
LANE_WIDTH, LANE_PAD = 400, 10


def _n(value: float) -> float:
    return round(value, 1)


@dataclass(frozen=True)
class Rect:
    x: float
    width: float
    fill: str


@dataclass(frozen=True)
class Drawn:
    """A Mark in SVG numbers: `left` and `width` place the axis, `middle` the row's line."""

    rects: list[Rect]
    y: float
    height: float
    colour: str
    dashed: tuple[float, float] | None  # open start: a dashed line from the axis edge
    arrow: str | None  # open end: a chevron past the axis edge (an SVG path)
    cap: str | None  # a bar's known end when its start is open (an SVG path)
    glyph: str | None  # "diamond" or "circle"
    glyph_path: str | None
    cx: float | None
    middle: float
    filled: bool  # the glyph: filled when its day is known, hollow when approximate

    @property
    def svg(self) -> str:
        """The mark's SVG elements. Written here, not in a template: a plan has hundreds of
        marks of a dozen shapes each (a template per mark made the page ten times slower),
        and they hold only numbers and colours from this module, nothing a user wrote."""
        colour, middle, parts = self.colour, self.middle, []
        if self.dashed:
            x1, x2 = self.dashed
            parts.append(
                f'<line x1="{x1}" y1="{middle}" x2="{x2}" y2="{middle}" stroke="{colour}" '
                'stroke-width="2" stroke-dasharray="5 4"/>'
            )
        parts += [
            f'<rect x="{r.x}" y="{self.y}" width="{r.width}" height="{self.height}" fill="{r.fill}"/>'
            for r in self.rects
        ]
        if self.cap:
            parts.append(f'<path d="{self.cap}" stroke="{colour}" stroke-width="3"/>')
        if self.arrow:
            parts.append(
                f'<path d="{self.arrow}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
            )
        fill = colour if self.filled else "#fff"
        if self.glyph == "diamond":
            parts.append(
                f'<path d="{self.glyph_path}" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
            )
        elif self.glyph == "circle":
            parts.append(
                f'<circle cx="{self.cx}" cy="{middle}" r="6" fill="{fill}" stroke="{colour}" '
                'stroke-width="2"/>'
            )
        return mark_safe("".join(parts))  # numbers and our own colours only


def _steps(left: float, width: float, tints: list[str]) -> list[Rect]:
    step = width / len(tints)
    # Each step overlaps the next by a little, so no hairline gaps show between them.
    return [Rect(_n(left + i * step), _n(step + 0.4), tint) for i, tint in enumerate(tints)]


def draw(mark: Mark, *, left: float, width: float, middle: float) -> Drawn:
    def x(fraction):
        return _n(left + fraction * width)

    colour = COLOURS[mark.tone]
    thickness = 6 if mark.is_point else 12
    start, end = mark.start, mark.end
    rects = []
    if mark.start_is != OPEN:
        solid_from = start + mark.fade_start
        solid_to = end - (0 if mark.is_point else mark.fade_end)
        tints = TINTS[mark.tone]
        if mark.fade_start:
            rects += _steps(x(start), mark.fade_start * width, tints)
        if not mark.is_point and mark.fade_end:
            rects += _steps(x(solid_to), mark.fade_end * width, tints[::-1])
        if solid_to > solid_from:
            # A one-day activity is a day wide: at least MIN_BAR, so it shows at any scale.
            rects.append(
                Rect(x(solid_from), max(_n((solid_to - solid_from) * width), MIN_BAR), colour)
            )
    cx = x(end) if mark.is_point else None
    glyph_path = None
    if mark.glyph == "diamond":
        glyph_path = f"M{cx} {middle - 7}L{cx + 7} {middle}L{cx} {middle + 7}L{cx - 7} {middle}Z"
    arrow = cap = None
    if mark.end_is == OPEN:  # past the axis' edge: it goes on after what is drawn
        edge = x(1)
        arrow = f"M{edge + 2} {middle - 6}L{edge + 9} {middle}L{edge + 2} {middle + 6}"
    if mark.start_is == OPEN and not mark.is_point:  # a bar with only its end: mark the end
        cap = f"M{x(end)} {middle - 7}V{middle + 7}"
    return Drawn(
        rects=rects,
        y=middle - thickness / 2,
        height=thickness,
        colour=colour,
        dashed=(x(0), x(end) if not mark.is_point else cx - 7) if mark.start_is == OPEN else None,
        arrow=arrow,
        cap=cap,
        glyph=mark.glyph,
        glyph_path=glyph_path,
        cx=cx,
        middle=middle,
        filled=mark.end_is == EXACT,
    )
