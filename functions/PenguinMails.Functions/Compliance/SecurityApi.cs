using PenguinMails.Admin.Common;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Compliance.SignIns;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Compliance;

/// <summary>Sign-in activity and security alerts (Journey 3).</summary>
public static class SecurityApi
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public static void MapSecurityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/security").WithTags("Security");
        group.MapGet("/logins", ListLogins).WithName("ListLogins").RequirePermission(Permissions.SecurityRead);
        group.MapGet("/alerts", ListAlerts).WithName("ListSecurityAlerts").RequirePermission(Permissions.SecurityRead);
    }

    private static async Task<Ok<Page<LoginEventResponse>>> ListLogins(ISignInActivity signIns, TimeProvider time, string? outcome, string? identity,
        string? ip, DateTimeOffset? from, DateTimeOffset? to, int? pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var end = to ?? time.GetUtcNow();
        var start = from ?? end - DefaultWindow;
        bool? succeeded = outcome?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "succeeded" or "success" => true,
            "failed" or "failure" => false,
            _ => throw AdminException.Validation("outcome", "outcome must be succeeded or failed."),
        };
        new Validator().When(start > end, "from", "from must not be after to.").Optional("identity", identity, 254).Optional("ip", ip, 64)
            .ThrowIfInvalid();
        var query = new SignInQuery(succeeded, Blank(identity), Blank(ip), start, end);
        var page = await signIns.QueryAsync(query, PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(LoginEventResponse.From));
    }

    private static async Task<Ok<Page<SecurityAlertResponse>>> ListAlerts(AlertService alerts, string? type, string? severity, DateTimeOffset? from,
        DateTimeOffset? to, int? pageSize, string? cursor, CancellationToken cancellationToken)
    {
        new Validator().When(from > to, "from", "from must not be after to.").Optional("type", type, 100).ThrowIfInvalid();
        var query = new AlertQuery(from, to, Blank(type), Enums.ParseOptional<AlertSeverity>("severity", severity));
        var page = await alerts.ListAsync(query, PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(SecurityAlertResponse.From));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
