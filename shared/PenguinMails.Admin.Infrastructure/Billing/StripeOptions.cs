namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>The <c>Stripe</c> settings. Without a secret key the finance API answers 503 <c>stripe_not_configured</c>.</summary>
public sealed class StripeOptions
{
    public string? SecretKey { get; set; }

    /// <summary>The endpoint's signing secret (<c>whsec_…</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Overrides https://api.stripe.com, e.g. to point at a fake in tests.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How old a signed webhook may be, in seconds (Stripe's default is 300).</summary>
    public long WebhookToleranceSeconds { get; set; } = 300;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);

    /// <summary>Test-mode keys (sk_test_, rk_test_) mean test-mode dashboard links.</summary>
    public bool IsTestMode => SecretKey?.Contains("_test_", StringComparison.Ordinal) ?? true;
}
