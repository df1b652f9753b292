"""/api/v1/: the root lists the collections by name; the OpenAPI schema and its Swagger UI
beside them; any other path under /api/ answers a JSON 404."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from portal.api import agreements, governance, plans
from portal.api.policy import not_found

# Each collection's views are named by its model, DRF's name when none is given
# (`boardreport-detail`): its objects' `url` is found by it (portal.api.base.PublicSerializer).
router = DefaultRouter()
router.register("organisations", governance.OrganisationViewSet)
router.register("bodies", governance.BodyViewSet)
router.register("memberships", governance.MembershipViewSet)
router.register("agreements", agreements.AgreementViewSet)
router.register("frameworks", agreements.FrameworkViewSet)
router.register("plans", plans.PlanViewSet)
router.register("decisions", governance.DecisionViewSet)
router.register("meetings", governance.MeetingViewSet)
router.register("board-reports", governance.BoardReportViewSet)

app_name = "api"

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("v1/", include(router.urls)),
    re_path(r"^.*$", not_found),
]
