"""Reading a plan's tree from the lines of a Word document, as seeds 003 and 004 write it:

- a title (after "DATUM" and its date, when the document starts so);
- what comes before the first area or phase is the preamble;
- an area "1. Personcentrerat …" (or "Område 1: …", "1) …", a numbered heading), a phase
  "FAS 1: UTBILDNING"; numbers rise, and a long sentence ending in a full stop is a list
  item of the preamble (004's "Stegvis utveckling"), not an area;
- an initiative "a) …" (or "a. …", "1 a) …"), lettered in order within its area;
- blocks "Aktivitet(er)", "Tidplan", "Uppföljning", "Ansvar" as paragraphs or tables, each
  paragraph or list item an item; a plain paragraph after an activity's list item is that
  activity's note; a time plan's or follow-up's time words are found by core.periods;
- a project plan's dated rows (phase | date | activity) are activities of the phase.

`parse` is pure (no database): the bodies it may name as responsible are given to it."""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from plans.imports.reading import Line, block_of, read_docx
from plans.imports.tree import ItemDraft, NodeDraft, PlanDraft, Problem
from plans.imports.words import find_period
from plans.models import Plan

SECTION = re.compile(
    r"^(?:(?P<word>fas|område|omr\.)\s*)?(?P<number>\d{1,2})\s*(?:[.:)]|\s[-–]|\s)\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)
INITIATIVE = re.compile(
    r"^\(?(?:(?P<number>\d{1,2})\s*)?(?P<letter>[a-zåäö])\s*[).]\s+(?P<title>\S.*)$"
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEADING_MAX = 150


def _title_case(text: str) -> str:
    """'MEDBORGAR- DIALOG' -> 'Medborgardialog': capitals and line-break hyphens undone."""
    if not text.isupper():
        return text
    return re.sub(r"(\w)- (\w)", r"\1\2", text).capitalize()


def _next_letter(node: NodeDraft) -> str:
    return chr(ord(node.initiatives[-1].letter) + 1) if node.initiatives else "a"


class _Reader:
    def __init__(self, bodies):
        self.plan = PlanDraft()
        self.section: NodeDraft | None = None
        self.initiative: NodeDraft | None = None
        self.block: str | None = None
        self.block_has_list = False
        self.expect_date = False
        self.bodies = bodies

    @property
    def node(self) -> NodeDraft | None:
        return self.initiative or self.section

    def problem(self, line: Line, reason: str) -> None:
        self.plan.problems.append(Problem(line.place, line.text or line.label, reason))

    def read(self, line: Line) -> None:
        if not self.plan.title:
            self.read_title(line)
        elif line.kind == "unknown":
            self.problem(line, _("Tabellraden passar inget mönster för en plan."))
        elif line.kind == "label" or (line.kind != "field" and block_of(line.text)):
            self.open_block(line)
        elif self.read_section(line) or self.read_initiative(line):
            self.block = None
        elif line.kind == "dated":
            self.read_dated(line)
        elif line.kind == "field":
            self.read_field(line)
        elif self.section is None:
            if self.block == "milestones" and not self.plan.period_text:
                self.plan.period_text = find_period(line.text)  # a project plan's "Tidplan"
            self.plan.preamble.append(_markdown(line))
        elif self.block is None:
            self.node.text.append(_markdown(line))
        else:
            self.read_item(line)

    def read_title(self, line: Line) -> None:
        if line.text.strip().upper() in ("DATUM", "DATUM:"):
            self.expect_date = True
        elif self.expect_date and ISO_DATE.match(line.text):
            self.plan.document_date = date.fromisoformat(line.text)
            self.expect_date = False
        else:
            self.plan.title = line.text
            self.plan.period_text = find_period(line.text)

    def read_section(self, line: Line) -> bool:
        last = self.plan.sections[-1].number if self.plan.sections else 0
        match = SECTION.match(line.text)
        if match and int(match["number"]) > last and line.kind in ("heading", "text", "list"):
            short = len(line.text) <= HEADING_MAX and not line.text.endswith(".")
            if not (line.kind == "heading" or short):
                return False
            number, title, word = int(match["number"]), match["title"], match["word"]
        elif line.kind == "heading" and line.numbered:
            number, title, word = last + 1, line.text, None
        else:
            return False
        label = f"{word.upper()} {number}" if word and word.lower() == "fas" else str(number)
        if word and word.lower() == "fas":
            self.plan.kind = Plan.Kind.PROJECT_PLAN
        self.section = NodeDraft(
            label=label, title=_title_case(title.strip(" :")), place=line.place, number=number
        )
        self.plan.sections.append(self.section)
        self.initiative = None
        return True

    def read_initiative(self, line: Line) -> bool:
        if self.section is None or line.kind not in ("heading", "text", "list"):
            return False
        match = INITIATIVE.match(line.text)
        if not match or match["letter"] != _next_letter(self.section):
            return False
        if match["number"] and int(match["number"]) != self.section.number:
            return False
        self.initiative = NodeDraft(
            label=f"{match['letter']})",
            title=match["title"].strip(),
            place=line.place,
            letter=match["letter"],
        )
        self.section.initiatives.append(self.initiative)
        return True

    def open_block(self, line: Line) -> None:
        label, _sep, rest = line.text.partition(":")
        self.block = block_of(label)
        self.block_has_list = False
        if self.section is None:
            # A project plan's "Aktiviteter" row before its phases: part of the preamble.
            self.plan.preamble.append(f"### {label.strip()}")
        if rest.strip():
            self.read(Line(rest.strip(), line.place))

    def read_field(self, line: Line) -> None:
        """A two-column row "Bakgrund | …" of a project plan's table."""
        if self.plan.sections:
            self.problem(line, _("Raden står bland faserna men är ingen aktivitet."))
            return
        if block_of(line.label) == "milestones" and not self.plan.period_text:
            self.plan.period_text = find_period(line.text)
        self.plan.preamble.append(
            f"### {line.label}\n\n{line.text}" if line.text else f"### {line.label}"
        )

    def read_dated(self, line: Line) -> None:
        if self.section is None:
            self.problem(line, _("En daterad rad före den första fasen."))
            return
        self.section.activities.append(ItemDraft(line.text, line.place, line.period, line.note))

    def read_item(self, line: Line) -> None:
        node = self.node
        if self.block == "responsibility":
            node.responsibility.append(line.text)
            return
        items = getattr(node, self.block)
        if self.block == "activities":
            if line.kind == "list" or not self.block_has_list or not items:
                items.append(ItemDraft(line.text, line.place))
            else:
                items[-1].note = "\n\n".join(filter(None, [items[-1].note, line.text]))
            self.block_has_list = self.block_has_list or line.kind == "list"
            return
        period = find_period(line.text)
        items.append(ItemDraft(line.text, line.place, period))
        if not period:
            self.problem(line, _("Ingen tid som portalen förstår; punkten sparas utan tid."))


def _markdown(line: Line) -> str:
    if line.kind == "heading":
        return f"### {line.text}"
    if line.kind == "list":
        return f"- {line.text}"
    return line.text


def _kind(plan: PlanDraft) -> str:
    title = plan.title.lower()
    if plan.kind or "projektplan" in title:
        return Plan.Kind.PROJECT_PLAN
    if "handlingsplan" in title and "tidplan" not in title:
        return Plan.Kind.ACTION_PLAN
    return Plan.Kind.ACTIVITY_AND_TIME_PLAN


def _responsible(node: NodeDraft, bodies, plan: PlanDraft) -> None:
    """The bodies the Ansvar text names by name, each when only one body has that name."""
    text = node.responsibility_text.lower()
    by_name: dict[str, list] = {}
    for body in bodies:
        by_name.setdefault(body.name.lower(), []).append(body)
    for name, named in by_name.items():
        if name in text:
            if len(named) == 1:
                node.bodies.append(named[0])
            else:
                plan.problems.append(
                    Problem(
                        node.place,
                        named[0].name,
                        _("Flera organ har det namnet; välj det ansvariga organet efter importen."),
                    )
                )


def parse(data: bytes, *, bodies=()) -> PlanDraft:
    """The plan a .docx would make; ValidationError when it holds no plan."""
    reader = _Reader(bodies)
    for line in read_docx(data):
        reader.read(line)
    plan = reader.plan
    if not plan.sections:
        raise ValidationError(
            _(
                "Dokumentet har inga numrerade områden eller faser (”1. …”, ”FAS 1: …”) och kan inte läsas som en plan."
            ),
            code="no_sections",
        )
    plan.kind = _kind(plan)
    for section in plan.sections:
        for node in (section, *section.initiatives):
            if node.responsibility:
                _responsible(node, bodies, plan)
    return plan
