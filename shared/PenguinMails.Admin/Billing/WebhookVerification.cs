namespace PenguinMails.Admin.Billing;

/// <summary>The result of checking a webhook's signature and reading its envelope.</summary>
public sealed record WebhookVerification(StripeWebhookEvent? Event, string? FailureCode, string? FailureDetail, bool ApiVersionMatches)
{
    public static WebhookVerification Failed(string code, string detail) => new(null, code, detail, false);
}
