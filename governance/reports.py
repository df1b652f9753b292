"""What a board report says about its subject. Each app owns how it summarises itself: it
registers a summariser for its models (in AppConfig.ready), and governance never imports it.

A summariser takes (subject, report, today) and returns (template name, context) for the report's
section about the subject, used alike by the HTML preview and the PDF.
"""

SUBJECT_SUMMARIES = {}


def register_subject_summary(model, summarise) -> None:
    SUBJECT_SUMMARIES[model] = summarise


def subject_section(report, *, today):
    subject = report.subject
    if subject is None:
        return None
    summarise = SUBJECT_SUMMARIES.get(type(subject))
    return summarise(subject, report, today=today) if summarise else None


def subject_choices():
    """(content type, objects) for every model that can be a report's subject."""
    from django.contrib.contenttypes.models import ContentType

    return [(ContentType.objects.get_for_model(model), model) for model in SUBJECT_SUMMARIES]
