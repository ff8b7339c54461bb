namespace PenguinMails.Admin.Common;

/// <summary>The contract's "(reason)" rule: some actions need a written justification for the audit log.</summary>
public static class Reason
{
    public const int MaxLength = 1000;

    public static string Required(string? reason)
    {
        new Validator().Require("reason", reason, MaxLength).ThrowIfInvalid();
        return reason!.Trim();
    }

    public static string? Optional(string? reason)
    {
        new Validator().Optional("reason", reason, MaxLength).ThrowIfInvalid();
        return string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}
