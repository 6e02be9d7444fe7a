"""Contributors' proposals (a byline or an entity for their article), approved or declined by editors."""
import reversion
from django.contrib import admin, messages

from ..editorial import proposals, workflow
from ..models import Proposal


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "entity_kind", "article", "proposed_by", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "article__title"]
    list_select_related = ["article", "proposed_by"]
    actions = ["approve_selected", "decline_selected"]

    # Editors decide; proposals are made from the article form, never added here.
    def has_view_permission(self, request, obj=None):
        return workflow.is_editor(request.user)

    def has_module_permission(self, request):
        return workflow.is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return workflow.is_editor(request.user)

    def has_decide_permission(self, request):
        return workflow.is_editor(request.user)

    @admin.action(description="Approve selected proposals (create and add them)", permissions=["decide"])
    def approve_selected(self, request, queryset):
        made = []
        for proposal in queryset.select_related("article", "proposed_by"):
            with reversion.create_revision():  # the article's history says where its new byline or tag came from
                reversion.set_user(request.user)
                who = proposal.proposed_by.get_username() if proposal.proposed_by else "a contributor"
                reversion.set_comment(f"Approved {proposal.get_kind_display().lower()} “{proposal.name}” "
                                      f"proposed by {who}.")
                article = proposal.article
                made.append(str(proposals.approve(proposal)))
                reversion.add_to_revision(article)
        self.message_user(request, f"Approved and added: {', '.join(made)}.", messages.SUCCESS)

    @admin.action(description="Decline selected proposals", permissions=["decide"])
    def decline_selected(self, request, queryset):
        count, _ = queryset.delete()
        self.message_user(request, f"Declined {count} proposal{'s' if count != 1 else ''}.", messages.SUCCESS)
