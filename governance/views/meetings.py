"""Meetings (sammanträden): the list across bodies, a meeting with its agenda, the notice and
protocol extracts as PDF, a body's calendar feed, the committee member's page, and the forms
the register administrators keep meetings and agendas with."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import LoginRequired, require_permission
from core.calendar import calendar_response
from core.editing import edit_form, form_page, posted
from core.exports import export_response, invalid_filter
from core.history import history_page
from core.pdf import pdf_response
from core.revisions import EditConflict
from governance.calendar import body_events
from governance.exports import meeting_columns
from governance.filters import MeetingFilter
from governance.forms import AgendaDecisionForm, AgendaItemForm, MeetingForm
from governance.models import AgendaItem
from governance.pdf import meeting_notice_pdf, protocol_extract_pdf
from governance.queries import meetings as queries
from governance.services import meetings as services


def meeting_list(request):
    meetings = MeetingFilter(
        request.GET, queryset=queries.meetings_visible_to(request.user), request=request
    )
    valid = meetings.is_valid()
    upcoming, past = queries.upcoming_and_past(
        meetings.qs if valid else meetings.queryset.none(), today=timezone.localdate()
    )
    return render(
        request,
        "governance/meeting_list.html",
        {
            "filter": meetings,
            "upcoming": upcoming,
            "past": past,
            "calendar_bodies": queries.bodies_with_calendars(),
            "can_create": request.user.has_perm("governance.add_meeting"),
            "section": "meetings",
        },
        status=200 if valid else 400,
    )


def meeting_export(request, export_format):
    """The meetings list as Excel or CSV, with the same filters as the page."""
    meetings = MeetingFilter(
        request.GET, queryset=queries.meetings_visible_to(request.user), request=request
    )
    if not meetings.is_valid():
        return invalid_filter(meetings.form)
    return export_response(
        export_format,
        meeting_columns(request.build_absolute_uri),
        queries.meeting_rows(meetings.qs),
        title=str(_("Sammanträden")),
        filename="sammantraden",
    )


def meeting_detail(request, pk):
    return _detail_page(request, queries.meeting_get_for_view(user=request.user, pk=pk))


def _detail_page(request, meeting, *, status=200):
    can_edit = request.user.has_perm("governance.change_meeting")
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "can_edit": can_edit,
            "can_publish": can_edit and not meeting.is_published,
            "section": "meetings",
        },
        status=status,
    )


def meeting_history(request, pk):
    meeting = queries.meeting_get_for_view(user=request.user, pk=pk)
    return history_page(request, meeting, section="meetings")


def meeting_notice(request, pk):
    meeting = queries.meeting_get_for_view(user=request.user, pk=pk)
    content = meeting_notice_pdf(meeting, base_url=request.build_absolute_uri("/"))
    return pdf_response(content, filename=_("kallelse-%(meeting)s") % {"meeting": meeting})


def protocol_extract(request, pk, item_pk):
    item = queries.agenda_item_get_for_view(user=request.user, meeting_pk=pk, pk=item_pk)
    if not item.is_decided:
        raise Http404(_("Inget beslut är antecknat under punkten ännu."))
    content = protocol_extract_pdf(item.meeting, item, base_url=request.build_absolute_uri("/"))
    return pdf_response(
        content,
        filename=_("protokollsutdrag-%(meeting)s-%(number)s")
        % {
            "meeting": item.meeting,
            "number": item.number,
        },
    )


def body_calendar(request, slug):
    """A body's published meetings, and what plans date for it, as an iCalendar feed."""
    body, meetings = queries.body_calendar(slug=slug)
    events = body_events(
        body, meetings, link=request.build_absolute_uri, today=timezone.localdate()
    )
    return calendar_response(
        request, events, name=body.name, feed=f"body-{body.pk}", filename=body.slug
    )


def my_meetings(request):
    """The committee member's page: the next meetings of their bodies with the reports to read,
    and what each body decided at its last meeting."""
    if not request.user.is_authenticated:
        raise LoginRequired
    page = queries.member_page(user=request.user, today=timezone.localdate())
    return render(request, "governance/my_meetings.html", {"page": page, "section": "meetings"})


# --- editing ------------------------------------------------------------------------


def _form_page(request, form, *, heading, meeting=None, save, done: str, submit=None):
    """Every meeting and agenda form (core.editing.form_page)."""
    context = {"heading": heading, "meeting": meeting, "submit": submit, "section": "meetings"}
    return form_page(
        request,
        form,
        template="governance/meeting_form.html",
        context=context,
        save=save,
        done=done,
    )


def meeting_create(request):
    require_permission(request.user, "governance.add_meeting", queries.WRITE_DENIED)
    form = MeetingForm(posted(request))
    return _form_page(
        request,
        form,
        heading=_("Nytt sammanträde"),
        save=lambda: services.meeting_create(user=request.user, **form.content()),
        done=_("Sammanträdet är skapat som utkast."),
    )


def meeting_edit(request, pk):
    meeting, form = edit_form(request, MeetingForm, queries.meeting_get_for_edit, pk=pk)
    return _form_page(
        request,
        form,
        heading=_("Redigera sammanträde"),
        meeting=meeting,
        save=lambda: services.meeting_update(
            user=request.user,
            meeting=meeting,
            expected_revision=form.cleaned_data["revision"],
            **form.content(),
        ),
        done=_("Sammanträdet är sparat."),
    )


@require_POST
def meeting_publish(request, pk):
    meeting = queries.meeting_get_for_edit(user=request.user, pk=pk)
    services.meeting_publish(user=request.user, meeting=meeting, published_at=timezone.now())
    messages.success(request, _("Sammanträdet är publicerat och syns för alla."))
    return redirect(meeting.get_absolute_url())


def _on_agenda(item) -> str:
    return f"{item.meeting.get_absolute_url()}#punkt-{item.number}"


def _agenda_item_save(request, form, item, service):
    """The save of a form changing an agenda item: over the revision the form started from,
    back to the agenda at the item."""
    return lambda: _on_agenda(
        service(
            user=request.user,
            item=item,
            expected_revision=form.cleaned_data["revision"],
            **form.content(),
        )
    )


def agenda_item_add(request, pk):
    meeting = queries.meeting_get_for_edit(user=request.user, pk=pk)
    form = AgendaItemForm(posted(request), instance=AgendaItem(meeting=meeting), meeting=meeting)
    return _form_page(
        request,
        form,
        heading=_("Ny punkt på föredragningslistan"),
        meeting=meeting,
        save=lambda: _on_agenda(
            services.agenda_item_add(user=request.user, meeting=meeting, **form.content())
        ),
        done=_("Punkten är tillagd."),
    )


def agenda_item_edit(request, pk, item_pk):
    item = queries.agenda_item_get_for_edit(user=request.user, meeting_pk=pk, pk=item_pk)
    form = AgendaItemForm(posted(request), instance=item, meeting=item.meeting)
    return _form_page(
        request,
        form,
        heading=_("Redigera § %(number)s") % {"number": item.number},
        meeting=item.meeting,
        save=_agenda_item_save(request, form, item, services.agenda_item_update),
        done=_("Punkten är sparad."),
    )


def agenda_item_decision(request, pk, item_pk):
    item = queries.agenda_item_get_for_edit(user=request.user, meeting_pk=pk, pk=item_pk)
    form = AgendaDecisionForm(posted(request), instance=item)
    return _form_page(
        request,
        form,
        heading=_("Beslut under § %(number)s %(title)s")
        % {"number": item.number, "title": item.title},
        meeting=item.meeting,
        save=_agenda_item_save(request, form, item, services.agenda_item_record_decision),
        done=_("Beslutet är antecknat."),
        submit=_("Spara beslutet"),
    )


@require_POST
def agenda_item_remove(request, pk, item_pk):
    item = queries.agenda_item_get_for_edit(user=request.user, meeting_pk=pk, pk=item_pk)
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        return HttpResponse(_("Formuläret saknar revision."), status=400)
    try:
        services.agenda_item_remove(user=request.user, item=item, expected_revision=revision)
    except EditConflict:
        messages.error(
            request, _("Punkten har ändrats sedan sidan laddades. Se efter och försök igen.")
        )
        return _detail_page(
            request, queries.meeting_get_for_view(user=request.user, pk=pk), status=409
        )
    messages.success(request, _("Punkten är borttagen."))
    return redirect(item.meeting.get_absolute_url() + "#foredragningslista")
