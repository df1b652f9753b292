"""/api/v1/: the root lists the collections by name; the OpenAPI schema and its Swagger UI
beside them; any other path under /api/ answers a JSON 404."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from portal.api import agreements, governance, plans
from portal.api.policy import not_found

router = DefaultRouter()
router.register("organisations", governance.OrganisationViewSet, basename="organisation")
router.register("bodies", governance.BodyViewSet, basename="body")
router.register("memberships", governance.MembershipViewSet, basename="membership")
router.register("agreements", agreements.AgreementViewSet, basename="agreement")
router.register("frameworks", agreements.FrameworkViewSet, basename="framework")
router.register("plans", plans.PlanViewSet, basename="plan")
router.register("decisions", governance.DecisionViewSet, basename="decision")
router.register("meetings", governance.MeetingViewSet, basename="meeting")
router.register("board-reports", governance.BoardReportViewSet, basename="board-report")

app_name = "api"

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/", include(router.urls)),
    re_path(r"^.*$", not_found),
]
