using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff.Offboarding;
using PenguinMails.Functions.Security;
using PenguinMails.Functions.Workflows;

namespace PenguinMails.Functions.Staff;

/// <summary>Offboarding and emergency revocation (Journey 5): both answer 202 with the workflow to follow.</summary>
public static class StaffOffboardingApi
{
    public static void MapStaffOffboardingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff").WithTags("Staff");
        group.MapPost("/{id}/offboard", Offboard).WithName("OffboardStaff").RequirePermission(Permissions.StaffOffboard);
        group.MapPost("/{id}/emergency-revoke", EmergencyRevoke).WithName("EmergencyRevokeStaff").RequirePermission(Permissions.StaffOffboard);
    }

    private static async Task<Accepted<WorkflowAcceptedResponse>> Offboard(string id, ReasonRequest request, StaffOffboardingService offboarding,
        Actor actor, CancellationToken cancellationToken) =>
        WorkflowAccepted.For(await offboarding.StartOffboardingAsync(actor, id, request.Reason, cancellationToken));

    private static async Task<Accepted<WorkflowAcceptedResponse>> EmergencyRevoke(string id, ReasonRequest request,
        StaffOffboardingService offboarding, Actor actor, CancellationToken cancellationToken) =>
        WorkflowAccepted.For(await offboarding.EmergencyRevokeAsync(actor, id, request.Reason, cancellationToken));
}
