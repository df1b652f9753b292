"""Access decisions shared by every app."""


class LoginRequired(Exception):
    """The content exists but needs a login (a draft). Raised by the apps' permission-aware
    fetchers; portal.middleware turns it into a redirect to the login page."""
