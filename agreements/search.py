"""How agreements and frameworks show to the site search (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, Framework
from agreements.queries import DRAFT_PERMISSION
from core.search import SearchDocument, register_search


def agreement_documents(agreement: Agreement):
    yield SearchDocument(
        title=f"{agreement.register_id} {agreement.title}",
        text="\n".join(filter(None, [agreement.summary, agreement.text])),
        url=agreement.get_absolute_url(),
        public=agreement.is_public,
        status=str(agreement.get_status_display()),
        organisations=tuple(party.name for party in agreement.parties.all()),
        codes=(agreement.register_id,),
    )


def framework_documents(framework: Framework):
    yield SearchDocument(
        title=framework.title,
        text="\n".join(
            filter(
                None,
                [framework.summary, framework.goals, framework.principles, framework.guidelines],
            )
        ),
        url=framework.get_absolute_url(),
        public=framework.is_public,
        status=str(framework.get_status_display()),
        organisations=tuple(party.name for party in framework.parties.all()),
    )


def register():
    for model, key, label, documents in (
        (Agreement, "agreement", _("Överenskommelser"), agreement_documents),
        (Framework, "framework", _("Ramverk"), framework_documents),
    ):
        register_search(
            model,
            key=key,
            label=label,
            documents=documents,
            draft_permission=DRAFT_PERMISSION,
            queryset=lambda model=model: model.objects.prefetch_related("parties"),
            m2m=("parties",),
        )
