namespace PenguinMails.Admin.Billing;

/// <summary>Whether an invoice was charged twice, which charge to refund, and why (in words for the ticket or the rejection).</summary>
public sealed record DuplicateChargeCheck(bool Found, StripeCharge? Duplicate, string? OriginalChargeId, string Explanation)
{
    public static DuplicateChargeCheck None(string explanation) => new(false, null, null, explanation);
}
