"""The plan import's pages: upload a Word document, see the tree, create the draft; who may."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import PendingUpload
from plans.models import Plan
from tests import factories
from tests.plans.plan_documents import jamtland_docx, skane_docx
from tests.uploads import LIMIT, assert_refused, bad_files
from tests.worker import after_worker

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _upload(client, data, name="plan.docx"):
    return client.post(
        reverse("plans:plan_import"), {"file": SimpleUploadedFile(name, data, content_type=DOCX)}
    )


def test_strategist_uploads_previews_and_creates_a_draft(client, strategist):
    client.force_login(strategist)

    response = _upload(client, jamtland_docx(), "jamtland.docx")
    upload = PendingUpload.objects.get()
    url = reverse("plans:plan_import_preview", args=[upload.pk])
    assert response.status_code == 302 and response.url == url

    page = client.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert "FAS 3. Medborgardialog" in text
    assert "2021-06-01 – 2021-08-31" in text
    assert "Allt i dokumentet kunde tolkas." in text
    assert not Plan.objects.exists()

    response = client.post(url)
    assert not Plan.objects.exists()  # the worker creates it, not the request
    done = after_worker(client, response)
    plan = Plan.objects.get()
    assert done.status_code == 302 and done.url == plan.get_absolute_url()
    assert (plan.kind, plan.status) == (Plan.Kind.PROJECT_PLAN, Plan.Status.DRAFT)
    assert {h.history_user for h in plan.history.all()} == {strategist}
    assert not PendingUpload.objects.exists()
    assert "Planen är importerad som utkast" in client.get(done.url).content.decode()


def test_preview_lists_what_was_not_understood(client, strategist):
    client.force_login(strategist)
    _upload(client, skane_docx(tables="rows"))

    page = client.get(reverse("plans:plan_import_preview", args=[PendingUpload.objects.get().pk]))

    text = page.content.decode()
    assert "Det som inte kunde tolkas" in text
    assert "Ingen tid som portalen förstår" in text
    assert "Inkludering fler kommuner och verksamheter pågår kontinuerligt." in text


@bad_files(
    ".docx",
    pytest.param("plan.docx", b"PK\x03\x04 not a document", 400, "Word-dokument", id="broken-docx"),
    pytest.param("plan.docx", b"plain text", 400, "stämmer inte med filtypen", id="not-zip"),
)  # fmt: skip
def test_bad_files_are_refused(client, strategist, settings, name, data, status, message):
    settings.IMPORT_MAX_BYTES = LIMIT
    client.force_login(strategist)

    assert_refused(_upload(client, data, name), status=status, message=message)


@pytest.mark.parametrize("url_name", ["plan_import", "plan_import_preview"])
def test_only_those_who_may_create_plans_may_import(any_role_client, url_name):
    owner = factories.StrategistFactory()
    upload = PendingUpload.objects.create(
        user=owner, purpose="plan-word", name="plan.docx", data=jamtland_docx()
    )
    if any_role_client.role in ("strategist", "register_admin") and url_name != "plan_import":
        any_role_client.force_login(
            owner if any_role_client.role == "strategist" else factories.RegisterAdminFactory()
        )
    args = [upload.pk] if url_name == "plan_import_preview" else []
    url = reverse(f"plans:{url_name}", args=args)

    response = any_role_client.get(url)

    expected = {
        "anonymous": 302,
        "reader": 403,
        "strategist": 200,
        # May create plans, but the upload is another user's own.
        "register_admin": 200 if url_name == "plan_import" else 404,
    }[any_role_client.role]
    assert response.status_code == expected
    if any_role_client.role in ("anonymous", "reader"):
        assert any_role_client.post(url).status_code in (302, 403)
        assert not Plan.objects.exists()


def test_plan_list_links_to_the_import_for_plan_creators(any_role_client):
    page = any_role_client.get(reverse("plans:plan_list")).content.decode()

    assert (reverse("plans:plan_import") in page) == (
        any_role_client.role in ("strategist", "register_admin")
    )
