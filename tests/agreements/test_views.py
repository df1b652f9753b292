"""The register and agreement pages: what each role sees, bad input, and fixed query cost."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Attachment, Status
from governance.services import decision_record
from tests import factories
from tests.query_count import count_queries

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def register():
    region, hsn = factories.gotland()
    son = factories.BodyFactory(name="Socialnämnden", short_code="SON", organisations=[region])
    in_force = factories.AgreementFactory(
        register_id="STY-05564", title="Läkarmedverkan", parties=[region]
    )
    decision_record(user=None, body=hsn, case_number="HSN 2022/652", subjects=[in_force])
    decision_record(user=None, body=son, case_number="SON 2022/380", subjects=[in_force])
    draft = factories.DraftAgreementFactory(register_id="STY-77777", title="Hemligt utkast")
    return {"region": region, "hsn": hsn, "son": son, "in_force": in_force, "draft": draft}


def test_register_lists_agreements_in_force_with_their_adoptions(client, register):
    response = client.get(reverse("agreements:agreement_list"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "STY-05564" in content
    assert "HSN 2022/652" in content and "SON 2022/380" in content


def test_register_hides_drafts_from_the_public(client, register):
    response = client.get(reverse("agreements:agreement_list"))
    assert "STY-77777" not in response.content.decode()


@pytest.mark.parametrize("role", ["reader", "strategist", "register_admin"])
def test_register_shows_drafts_to_logged_in_roles(client, register, role, request):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("agreements:agreement_list"))
    assert "STY-77777" in response.content.decode()


def test_register_filters_by_adopting_body_and_text(client, register):
    other = factories.AgreementFactory(register_id="STY-11006", title="SUV")
    response = client.get(
        reverse("agreements:agreement_list"), {"adopted_by": register["son"].pk, "q": "läkar"}
    )
    content = response.content.decode()
    assert "STY-05564" in content
    assert other.register_id not in content


def test_register_filters_by_review_due_and_marks_overdue(client, register):
    overdue = factories.AgreementFactory(register_id="STY-00001", review_by="2020-01-01")
    response = client.get(reverse("agreements:agreement_list"), {"review_before": "2021-01-01"})
    content = response.content.decode()
    assert overdue.register_id in content
    assert "STY-05564" not in content
    assert "Försenad" in content


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bogus"},
        {"review_before": "31/31/2020"},
        {"party": "999999"},
        {"sort": "password"},
    ],
    ids=["unknown-status", "malformed-date", "unknown-party", "unknown-sort"],
)
def test_malformed_filter_answers_400_with_a_swedish_message(client, register, params):
    response = client.get(reverse("agreements:agreement_list"), params)
    assert response.status_code == 400
    assert "Filtret innehåller fel" in response.content.decode()


def test_out_of_range_page_number_shows_the_last_page(client, register):
    response = client.get(reverse("agreements:agreement_list"), {"sida": "9999"})
    assert response.status_code == 200


def test_register_page_costs_the_same_queries_for_5_and_50_agreements(client, db):
    region = factories.RegionFactory()
    body = factories.BodyFactory(organisations=[region])
    topic = factories.TopicFactory()

    factories.adopted_agreements(5, body=body, parties=[region], topics=[topic])
    five = count_queries(client, reverse("agreements:agreement_list"))
    factories.adopted_agreements(45, body=body, parties=[region], topics=[topic])
    fifty = count_queries(client, reverse("agreements:agreement_list"))
    assert five == fifty
    assert fifty <= 12


def test_agreement_page_shows_adoptions_and_version(client, register):
    agreement = factories.AgreementFactory(
        register_id="STY-05567", version_label="9.0", title="Anbörigstöd"
    )
    response = client.get(agreement.get_absolute_url())
    assert response.status_code == 200
    assert "version 9.0" in response.content.decode()
    response = client.get(register["in_force"].get_absolute_url())
    content = response.content.decode()
    assert "Socialnämnden" in content and "SON 2022/380" in content


def test_agreement_url_is_readable_swedish():
    assert (
        reverse("agreements:agreement_detail", args=["STY-02292"]) == "/overenskommelser/STY-02292/"
    )


def test_unknown_register_id_answers_404_in_swedish(client, db):
    response = client.get("/overenskommelser/STY-NOPE/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_draft_agreement_sends_anonymous_visitors_to_login(client, register):
    response = client.get(register["draft"].get_absolute_url())
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_draft_agreement_is_readable_for_a_reader(client, register, reader):
    client.force_login(reader)
    assert client.get(register["draft"].get_absolute_url()).status_code == 200


def test_logged_in_user_without_a_role_cannot_read_drafts(client, register):
    client.force_login(factories.UserFactory())
    assert client.get(register["draft"].get_absolute_url()).status_code == 403


def test_agreement_history_lists_changes_with_their_author(client, register, register_admin):
    agreement = register["in_force"]
    agreement.title = "Läkarmedverkan i hemsjukvården"
    agreement._history_user = register_admin
    agreement.save()
    response = client.get(reverse("agreements:agreement_history", args=[agreement.register_id]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Läkarmedverkan i hemsjukvården" in content
    assert register_admin.get_full_name() in content


def test_replaced_agreement_links_to_what_replaced_it(client, register):
    framework = factories.FrameworkFactory(title="Gemensamt ramverk")
    agreement = register["in_force"]
    agreement.replaced_by_framework = framework
    agreement.status = Status.REPLACED
    agreement.save()
    content = client.get(agreement.get_absolute_url()).content.decode()
    assert "Ersatt av" in content and framework.get_absolute_url() in content
    content = client.get(framework.get_absolute_url()).content.decode()
    assert agreement.register_id in content


def test_draft_framework_is_hidden_from_the_public_list(client, db):
    factories.DraftFrameworkFactory(title="Ramverk under arbete")
    assert (
        "Ramverk under arbete"
        not in client.get(reverse("agreements:framework_list")).content.decode()
    )


@pytest.mark.usefixtures("media")
class TestAttachmentUpload:
    def upload(self, client, agreement, name="bilaga.pdf", data=PDF_BYTES, **extra):
        return client.post(
            reverse("agreements:attachment_upload", args=[agreement.register_id]),
            {"title": "Bilaga 1", "file": SimpleUploadedFile(name, data), **extra},
        )

    def test_register_admin_uploads_a_pdf_and_anyone_downloads_the_same_bytes(
        self, client, register, register_admin
    ):
        client.force_login(register_admin)
        response = self.upload(client, register["in_force"])
        assert response.status_code == 302
        attachment = Attachment.objects.get()
        client.logout()
        download = client.get(attachment.get_absolute_url())
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == PDF_BYTES
        assert download["X-Content-SHA256"] == attachment.sha256

    @pytest.mark.parametrize("role", ["reader", "strategist"])
    def test_only_register_admins_may_upload(self, client, register, role, request):
        client.force_login(request.getfixturevalue(role))
        response = self.upload(client, register["in_force"])
        assert response.status_code == 403
        assert not Attachment.objects.exists()

    def test_a_strangers_upload_is_refused_before_it_is_read(self, client, register):
        response = self.upload(client, register["in_force"])
        assert response.status_code == 413
        assert not Attachment.objects.exists()

    @pytest.mark.parametrize(
        ("name", "data", "message"),
        [
            ("virus.exe", b"MZ....", "Filtypen är inte tillåten"),
            ("falsk.pdf", b"<html>not a pdf</html>", "stämmer inte med filtypen"),
            ("tom.pdf", b"", "tom"),
        ],
        ids=["wrong-type", "forged-content", "empty"],
    )
    def test_bad_files_are_refused_with_a_swedish_message(
        self, client, register, register_admin, name, data, message
    ):
        client.force_login(register_admin)
        response = self.upload(client, register["in_force"], name=name, data=data)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not Attachment.objects.exists()

    def test_oversized_file_is_refused(self, client, register, register_admin, settings):
        settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
        client.force_login(register_admin)
        response = self.upload(client, register["in_force"], data=PDF_BYTES + b"0" * (1024 * 1024))
        assert response.status_code == 400
        assert "för stor" in response.content.decode()
        assert not Attachment.objects.exists()

    def test_upload_without_csrf_token_is_refused(self, register, register_admin):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(register_admin)
        response = self.upload(client, register["in_force"])
        assert response.status_code == 403
        assert "säkerhetskod" in response.content.decode()
        assert not Attachment.objects.exists()

    def test_get_on_upload_url_is_not_allowed(self, client, register, register_admin):
        client.force_login(register_admin)
        url = reverse("agreements:attachment_upload", args=[register["in_force"].register_id])
        assert client.get(url).status_code == 405
