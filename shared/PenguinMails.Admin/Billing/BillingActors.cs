using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Billing;

/// <summary>Who the audit log names when Stripe, not a staff member, caused a change.</summary>
public static class BillingActors
{
    public static Actor Stripe(string? correlationId = null) =>
        new("stripe", "stripe", [], new HashSet<string>(), null, null, null, correlationId);
}
