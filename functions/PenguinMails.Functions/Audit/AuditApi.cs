using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Audit;

/// <summary>Reading and verifying the audit log.</summary>
public static class AuditApi
{
    public static readonly TimeSpan DefaultVerifyWindow = TimeSpan.FromDays(31);

    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/", ListEvents).WithName("ListAuditEvents").RequirePermission(Permissions.AuditRead);
        group.MapGet("/verify", Verify).WithName("VerifyAuditLog").RequirePermission(Permissions.AuditRead);
    }

    public sealed record AuditEventResponse(string Id, DateTimeOffset Time, string ActorId, string ActorEmail, string Action, string TargetType,
        string TargetId, object? Before, object? After, string? Reason, string Outcome, string? IpAddress, string? UserAgent, string? CorrelationId,
        string Hash)
    {
        public static AuditEventResponse From(AuditEvent e) => new(e.Id, e.Time, e.ActorId, e.ActorEmail, e.Action, e.TargetType, e.TargetId,
            e.Before, e.After, e.Reason, e.Outcome, e.IpAddress, e.UserAgent, e.CorrelationId, e.Hash);
    }

    private static async Task<Ok<Page<AuditEventResponse>>> ListEvents(IAuditLog audit, string? actorId, string? targetId, string? action,
        DateTimeOffset? from, DateTimeOffset? to, int? pageSize, string? cursor, CancellationToken cancellationToken)
    {
        new Validator().When(from > to, "from", "from must not be after to.").ThrowIfInvalid();
        var page = await audit.QueryAsync(new AuditQuery(actorId, targetId, action, from, to), PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(AuditEventResponse.From));
    }

    private static async Task<Ok<AuditVerificationResponse>> Verify(IAuditLog audit, TimeProvider time, DateTimeOffset? from, DateTimeOffset? to,
        CancellationToken cancellationToken)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end - DefaultVerifyWindow;
        new Validator().When(start > end, "from", "from must not be after to.")
            .When(end - start > TimeSpan.FromDays(366), "from", "Verify at most one year at a time.").ThrowIfInvalid();
        return TypedResults.Ok(AuditVerificationResponse.From(await audit.VerifyAsync(start, end, cancellationToken), start, end));
    }
}
