namespace PenguinMails.Admin.Billing;

/// <summary>"View in Stripe" links. Test-mode objects live under /test/ in the dashboard.</summary>
public static class StripeDashboardLinks
{
    public const string Base = "https://dashboard.stripe.com/";

    public static string Customer(string id, bool testMode) => Link("customers", id, testMode);

    public static string Subscription(string id, bool testMode) => Link("subscriptions", id, testMode);

    public static string Invoice(string id, bool testMode) => Link("invoices", id, testMode);

    public static string Payment(string chargeId, bool testMode) => Link("payments", chargeId, testMode);

    public static string Dispute(string id, bool testMode) => Link("disputes", id, testMode);

    /// <summary>The link for a mirrored transaction, by the kind of object it is.</summary>
    public static string For(TransactionKind kind, string id, bool testMode) =>
        kind == TransactionKind.Invoice ? Invoice(id, testMode) : Payment(id, testMode);

    private static string Link(string kind, string id, bool testMode) =>
        Base + (testMode ? "test/" : "") + kind + "/" + Uri.EscapeDataString(id);
}
