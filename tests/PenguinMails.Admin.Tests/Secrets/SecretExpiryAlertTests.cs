using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Tests.Secrets;

public sealed class SecretExpiryAlertTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly SecretProperties Secret = new("Stripe-Key", "v1", true, "text/plain",
        new Dictionary<string, string> { ["classification"] = "restricted" }, Created.AddDays(100), Created, Created);

    [Fact]
    public void AnExpiredSecret_IsAHighAlert_DatedAtItsExpiry()
    {
        var draft = SecretExpiryScanner.AlertFor(new SecretExpiry(Secret, SecretExpiryState.Expired));

        Assert.Equal(("secrets", "secret-expired", AlertSeverity.High), (draft.Source, draft.Type, draft.Severity));
        Assert.Equal(Secret.ExpiresOn, draft.OccurredAt);
        Assert.Equal("Secret 'Stripe-Key' expired on 2025-04-11 00:00 UTC", draft.Summary);
        Assert.Equal("Stripe-Key", draft.Subject);
        Assert.Equal(new Dictionary<string, string>
        {
            ["name"] = "Stripe-Key", ["version"] = "v1", ["expiresOn"] = "2025-04-11T00:00:00.0000000+00:00", ["classification"] = "restricted",
        }, draft.Details);
    }

    [Fact]
    public void AnExpiringSecret_IsAMediumAlert_DatedWhenItEnteredTheHorizon_ButNotBeforeTheVersionExisted()
    {
        var draft = SecretExpiryScanner.AlertFor(new SecretExpiry(Secret, SecretExpiryState.Expiring));
        var young = SecretExpiryScanner.AlertFor(new SecretExpiry(Secret with { ExpiresOn = Created.AddDays(10) }, SecretExpiryState.Expiring));

        Assert.Equal(("secret-expiring", AlertSeverity.Medium), (draft.Type, draft.Severity));
        Assert.Equal(Secret.ExpiresOn - SecretExpiryScanner.Horizon, draft.OccurredAt);
        Assert.StartsWith("Secret 'Stripe-Key' expires on ", draft.Summary, StringComparison.Ordinal);
        Assert.Equal(Created, young.OccurredAt);
    }

    [Fact]
    public void TheAlertId_IsStablePerVersionStateAndExpiry_AndIgnoresNameCase()
    {
        static string Id(SecretProperties s, SecretExpiryState state) => SecretExpiryScanner.AlertFor(new SecretExpiry(s, state)).AlertId;
        var id = Id(Secret, SecretExpiryState.Expiring);

        Assert.Equal(id, Id(Secret with { Name = "stripe-key", UpdatedOn = Created.AddDays(3) }, SecretExpiryState.Expiring));
        Assert.NotEqual(id, Id(Secret with { Version = "v2" }, SecretExpiryState.Expiring));
        Assert.NotEqual(id, Id(Secret, SecretExpiryState.Expired));
        Assert.NotEqual(id, Id(Secret with { ExpiresOn = Secret.ExpiresOn!.Value.AddDays(1) }, SecretExpiryState.Expiring));
    }
}
