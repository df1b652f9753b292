"""The governance pages, one module per concept; governance/urls.py names each view."""
