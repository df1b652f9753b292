"""How organisations and bodies show to the site search (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from core.search import SearchDocument, register_search
from governance.models import Body, Organisation

# Organisations and bodies are public facts: nobody holds them as drafts.
NO_DRAFTS = "governance.change_body"


def organisation_documents(organisation: Organisation):
    yield SearchDocument(
        title=organisation.name,
        text=str(organisation.get_kind_display()),
        url=organisation.get_absolute_url(),
        public=True,
        organisations=(organisation.name,),
        codes=tuple(filter(None, [organisation.organisation_number])),
    )


def body_documents(body: Body):
    yield SearchDocument(
        title=str(body),
        text="\n".join(filter(None, [body.get_kind_display(), body.mandate, body.composition])),
        url=body.get_absolute_url(),
        public=True,
        organisations=tuple(organisation.name for organisation in body.organisations.all()),
        codes=tuple(filter(None, [body.short_code])),
    )


def register():
    register_search(
        Organisation,
        key="organisation",
        label=_("Huvudmän"),
        documents=organisation_documents,
        draft_permission=NO_DRAFTS,
    )
    register_search(
        Body,
        key="body",
        label=_("Organ"),
        documents=body_documents,
        draft_permission=NO_DRAFTS,
        queryset=lambda: Body.objects.prefetch_related("organisations"),
        m2m=("organisations",),
    )
