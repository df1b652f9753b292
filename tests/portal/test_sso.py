"""Single sign-on against a real OpenID Connect provider: django-oauth-toolkit with OIDC on,
started by the suite as a Django process of its own on a loopback port (tests/oidc_provider/,
its own SQLite database in a scratch folder). A person goes through the whole authorization-code
flow as a browser does (requests.Session following redirects): the portal's login page, the
provider's login and consent, and back to the portal logged in with the role their groups give.
Nothing stands in for the provider."""

from html.parser import HTMLParser
from urllib.parse import urljoin

import requests
from django.contrib.auth import get_user_model
from django.core.checks import run_checks
from django.urls import reverse

from portal import roles, sso
from portal.models import SingleSignOnIdentity
from portal.services import sso_user_sign_in
from tests import factories
from tests.loopback import free_port
from tests.oidc_provider.server import CLIENT_ID, PASSWORD, PROVIDER_NAME


class Forms(HTMLParser):
    """The forms of a page: action and the values their inputs would send."""

    def __init__(self, html):
        super().__init__()
        self.forms = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": {}})
        elif tag == "input" and self.forms and attrs.get("name") and attrs.get("type") != "submit":
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""


def submit(session, response, where="", **values):
    """Post the page's form (the first whose action or fields name `where`) as a browser does,
    following the redirects that answer it."""
    form = next(
        form
        for form in Forms(response.text).forms
        if where in form["action"] or where in form["fields"]
    )
    return session.post(urljoin(response.url, form["action"]), data={**form["fields"], **values})


def sso_login(portal, username, *, session=None, consent=True, next_path="/"):
    """Portal → provider login → consent → portal. The session is the browser."""
    session = session or requests.Session()
    page = session.get(f"{portal}/oidc/authenticate/", params={"next": next_path})
    if "id_password" in page.text:  # the provider asks who this is
        page = submit(session, page, "password", username=username, password=PASSWORD)
    if "authorizationForm" in page.text:  # and whether the portal may know it
        page = submit(session, page, "client_id", **({"allow": "Authorize"} if consent else {}))
    return session, page


def test_a_person_logs_in_at_the_provider_with_the_role_of_their_group_and_logs_out_of_both(
    live_server, sso_settings, oidc_provider
):
    login_page = requests.get(f"{live_server.url}/konto/logga-in/")
    assert f"Logga in med {PROVIDER_NAME}" in login_page.text
    assert 'name="password"' in login_page.text  # local accounts still log in

    _session, page = sso_login(live_server.url, "anna", next_path="/sok/")
    assert page.status_code == 200 and page.url == f"{live_server.url}/sok/"
    assert "Logga ut" in page.text

    anna = get_user_model().objects.get(
        sso_identity__subject__isnull=False, email="anna.berg@region.example"
    )
    assert (anna.username, anna.first_name, anna.last_name) == ("anna", "Anna", "Berg")
    assert list(anna.groups.values_list("name", flat=True)) == [roles.STRATEGIST]
    assert not anna.is_staff and not anna.has_usable_password()
    identity = anna.sso_identity
    assert identity.issuer == f"{sso_settings.OIDC_OP_DISCOVERY_URL.rsplit('/.well-known', 1)[0]}"

    # Logging in again is the same account, not a new one.
    session, page = sso_login(live_server.url, "anna")
    assert SingleSignOnIdentity.objects.count() == 1

    # Logging out goes through the provider's end-session endpoint, back to the start page.
    after = submit(session, page, "logga-ut")
    assert any(r.url.startswith(f"{oidc_provider['base']}/o/logout/") for r in after.history)
    assert after.url == f"{live_server.url}/" and "Logga ut" not in after.text
    # The provider asks who this is again: its session ended too.
    again = session.get(f"{live_server.url}/oidc/authenticate/")
    assert "id_password" in again.text


def test_without_an_allowed_group_the_person_is_refused_in_swedish_and_never_locked_out(
    live_server, sso_settings
):
    session, page = sso_login(live_server.url, "olle")
    assert page.status_code == 403
    assert "Ditt konto ger ingen behörighet i portalen" in page.text
    assert "ingen roll i Samverkansportalen" in page.text
    assert not get_user_model().objects.filter(email="olle@region.example").exists()
    assert "Logga ut" not in session.get(f"{live_server.url}/").text

    # Cancelling at the provider's consent page: refused too, with its own reason.
    _session, page = sso_login(live_server.url, "anna", consent=False)
    assert page.status_code == 403 and "Inloggningen avbröts" in page.text

    # Login lockouts: six refused SSO logins from one address count as no password guesses...
    for _ in range(5):
        _session, page = sso_login(live_server.url, "olle", session=session)
        assert page.status_code == 403, page.status_code
    # ...and the password form locked for the name "anna" from this address does not stop her SSO.
    for n in range(5):
        login_page = session.get(f"{live_server.url}/konto/logga-in/")
        locked = submit(session, login_page, "password", username="anna", password=f"gissning-{n}")
    assert locked.status_code == 429
    _session, page = sso_login(live_server.url, "anna")  # a browser of her own, same address
    assert page.status_code == 200 and "Logga ut" in page.text


def test_a_claimed_email_does_not_take_over_a_local_account_or_its_person(
    live_server, sso_settings
):
    lisa = factories.UserFactory(username="lisa", email="lisa@example.se")
    person = factories.PersonFactory(name="Lisa Lind", user=lisa)

    _session, page = sso_login(live_server.url, "lisa")
    assert page.status_code == 200 and "Logga ut" in page.text

    from_provider = SingleSignOnIdentity.objects.get().user
    assert from_provider != lisa and from_provider.username == "lisa-2"
    person.refresh_from_db()
    assert person.user == lisa  # the person's link is where the administrator put it
    assert "Mina sammanträden" not in page.text
    assert not lisa.groups.exists()


def test_without_configuration_there_is_no_single_sign_on(client, settings, db):
    settings.OIDC_RP_CLIENT_ID = ""
    assert "Logga in med" not in client.get(reverse("login")).content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404


def test_an_unreachable_provider_gives_a_page_not_an_error(client, settings, db):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_OP_DISCOVERY_URL = (
        f"http://127.0.0.1:{free_port()}/.well-known/openid-configuration"
    )
    response = client.get("/oidc/authenticate/")
    assert response.status_code == 503
    assert "Inloggningstjänsten svarar inte" in response.content.decode()
    # Passwords still work meanwhile.
    user = factories.UserFactory(username="karin")
    user.set_password(PASSWORD)
    user.save()
    settings.AUTHENTICATION_BACKENDS = [
        "portal.sso.SingleSignOnBackend",
        *settings.AUTHENTICATION_BACKENDS,
    ]
    response = client.post(reverse("login"), {"username": "karin", "password": PASSWORD})
    assert response.status_code == 302


def test_a_role_map_naming_no_role_of_the_portal_stops_the_start(settings):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_ROLE_MAP = "CN=Portal,OU=Grupper=strategist;portal-chef=chef"
    errors = [message for message in run_checks() if message.id == "portal.E001"]
    assert errors and "portal-chef=chef" in errors[0].msg
    settings.OIDC_ROLE_MAP = "CN=Portal,OU=Grupper=strategist"
    assert sso.roles_from_claims({"groups": ["CN=Portal,OU=Grupper", "annat"]}) == [
        roles.STRATEGIST
    ]
    assert sso.roles_from_claims({"groups": "CN=Portal,OU=Grupper"}) == [roles.STRATEGIST]


def test_each_login_sets_the_roles_the_provider_gives_now(role_groups):
    def sign_in(*role_names):
        return sso_user_sign_in(
            issuer="https://idp.region.example", subject="42", roles=list(role_names),
            username="rut", email="rut@region.example",
        )  # fmt: skip

    rut = sign_in(roles.REGISTER_ADMIN, roles.READER)
    # No role opens the admin: it is for superusers, made apart from any provider.
    assert not rut.is_staff and not rut.is_superuser
    assert {g.name for g in rut.groups.all()} == {
        roles.REGISTER_ADMIN,
        roles.READER,
    }
    rut = sign_in(roles.READER)
    assert [g.name for g in rut.groups.all()] == [roles.READER]
    assert get_user_model().objects.filter(username__startswith="rut").count() == 1

    # Deactivated in the portal: the account stays, its sessions end, logins are refused.
    rut.is_active = False
    rut.save()
    assert not sign_in(roles.READER).is_active
    assert sso.SingleSignOnBackend().get_user(rut.pk) is None


def test_the_deploy_checks_name_what_single_sign_on_lacks(settings, db):
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = ""
    settings.OIDC_OP_DISCOVERY_URL = ""
    ids = {message.id for message in run_checks()}
    assert {"portal.E002", "portal.E003"} <= ids
