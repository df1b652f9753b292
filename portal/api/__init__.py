"""The open-data API (/api/v1/): what the public reads in the portal, read-only, as JSON, on
Django REST framework with an OpenAPI schema (drf-spectacular). One module per app whose
content it serves (governance, agreements, plans); base holds what every collection shares."""
