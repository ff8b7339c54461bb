namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>The output of <see cref="VerifyDuplicateCharge"/>: the charge to refund, or why there is none.</summary>
public sealed record RefundVerification(
    bool Duplicate,
    string Explanation,
    string? DuplicateChargeId = null,
    string? OriginalChargeId = null,
    long? Amount = null,
    string? Currency = null);
