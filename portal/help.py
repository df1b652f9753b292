"""Help in the portal: the contacts every page may show, and the glossary of the domain's
words for readers (docs/glossary.md is the developers' version, with the names in code)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


def contacts(request):
    """Template context: whom to write to about the register and about accessibility."""
    return {
        "contacts": {
            "register_name": settings.CONTACT_REGISTER_NAME,
            "register_email": settings.CONTACT_REGISTER_EMAIL,
            "accessibility_email": settings.CONTACT_ACCESSIBILITY_EMAIL,
        }
    }


@dataclass(frozen=True)
class Term:
    """A word as the documents write it (Swedish, kept in English pages too, since the
    documents use it), its usual English rendering, and what it means here."""

    word: str
    english: str
    meaning: Promise

    @property
    def anchor(self) -> str:
        return "ord-" + slugify(self.word)


GLOSSARY = (
    Term(
        "Överenskommelse (ÖK)",
        "agreement",
        _(
            "En skriftlig överenskommelse mellan region och kommuner om hur de samverkar, till "
            "exempel om hemsjukvård eller samordnad individuell plan. Har ett registernummer "
            "(STY-02292) och en version, fastställs av parternas organ och ses över senast ett "
            "visst datum."
        ),
    ),
    Term(
        "Ramverk",
        "framework",
        _(
            "Ett övergripande dokument som samlar och ersätter flera överenskommelser, och "
            "anger vad som gäller för dem alla."
        ),
    ),
    Term(
        "Huvudman",
        "principal",
        _(
            "En region, en kommun eller ett kommunalförbund: den som bär ansvaret för vården "
            "eller omsorgen."
        ),
    ),
    Term(
        "Förvaltning",
        "administration",
        _("Tjänstepersonernas organisation inom en huvudman, till exempel socialförvaltningen."),
    ),
    Term(
        "Organ",
        "body",
        _(
            "En nämnd, styrelse eller ett fullmäktige hos en huvudman, eller ett gemensamt "
            "samverkansorgan, en beredning eller arbetsgrupp."
        ),
    ),
    Term(
        "Ärendenummer (diarienummer)",
        "case number",
        _(
            "Organets beteckning för ett ärende, till exempel ”HSN 2020/247”: organets "
            "förkortning, året och ett löpnummer. Du kan skriva det med eller utan mellanslag "
            "och ”Dnr”."
        ),
    ),
    Term(
        "Beslut, rekommendation",
        "decision, recommendation",
        _(
            "Ett samverkansorgan rekommenderar ofta parterna att anta något; varje part "
            "beslutar sedan i sitt eget organ. Portalen visar vilka parter som har beslutat och "
            "vilka som inväntar beslut."
        ),
    ),
    Term(
        "Fastställd",
        "adopted",
        _("Beslutad av det organ som äger dokumentet; det som gäller."),
    ),
    Term(
        "Handlingsplan, aktivitets- och tidplan",
        "action plan, activity and time plan",
        _(
            "Planen för det gemensamma arbetet: områden (eller faser), insatser med bokstav, "
            "aktiviteter, tidplan, uppföljning och ansvar."
        ),
    ),
    Term(
        "Insats",
        "initiative",
        _("En del av ett område i planen, med bokstav: 1a), 1b) …"),
    ),
    Term(
        "Tidplan",
        "schedule (milestone)",
        _(
            "Vad som ska vara klart och när, med tiden skriven som i dokumenten: ”Q2 2022”, "
            "”hösten 2022”, ”vid utgången av 2025”."
        ),
    ),
    Term(
        "Uppföljning, uppföljningsomgång",
        "follow-up, follow-up round",
        _(
            "Hur och när en insats följs upp. I en uppföljningsomgång (till exempel per tertial) "
            "rapporterar planens redaktörer läget för varje punkt."
        ),
    ),
    Term(
        "Förfallen",
        "overdue",
        _(
            "En punkt vars tid har gått ut utan att den rapporterats klar eller struken. Räknas "
            "fram, sätts aldrig för hand."
        ),
    ),
    Term(
        "Bevakning",
        "watch list (what is due)",
        _(
            "Sidan som samlar det som har förfallit och det som förfaller de närmaste "
            "månaderna, i alla planer du kan läsa."
        ),
    ),
    Term(
        "Tidslinje",
        "timeline",
        _("Planens tidplan och uppföljning ritad per kvartal, med samma innehåll som tabell."),
    ),
    Term(
        "Tjänsteskrivelse",
        "board report (officer's report)",
        _(
            "Förvaltningens underlag till ett organ inför beslut: förslag till beslut, "
            "sammanfattning, ärendebeskrivning och bedömning. Expedieras som ett arkivbeständigt "
            "PDF-dokument som aldrig ändras."
        ),
    ),
    Term(
        "Expediera",
        "issue",
        _(
            "Att skicka ut en tjänsteskrivelse: den blir offentlig och fryses. En rättelse blir "
            "en ny skrivelse som hänvisar till den gamla."
        ),
    ),
    Term(
        "Sammanträde",
        "meeting",
        _("Ett organs möte, med kallelse, föredragningslista och protokoll."),
    ),
    Term(
        "Föredragningslista, punkt (§)",
        "agenda, agenda item",
        _("Ärendena som ska behandlas vid sammanträdet, numrerade med §."),
    ),
    Term(
        "Underlag",
        "supporting papers",
        _("Det som ledamöterna läser inför en punkt, oftast tjänsteskrivelser."),
    ),
    Term(
        "Kallelse, protokollsutdrag",
        "notice, extract of the minutes",
        _(
            "Kallelsen bjuder in till sammanträdet med föredragningslistan; protokollsutdraget "
            "återger beslutet under en paragraf."
        ),
    ),
)
