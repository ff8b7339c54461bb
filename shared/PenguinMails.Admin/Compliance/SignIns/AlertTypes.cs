namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>The alert types the sign-in monitor raises, and its source name.</summary>
public static class AlertTypes
{
    public const string Source = "sign-in-monitor";
    public const string FailuresPerIdentity = "sign-in-failures-identity";
    public const string FailuresPerIp = "sign-in-failures-ip";
    public const string PrivilegedNewOrigin = "privileged-sign-in-new-origin";
    public const string SensitiveActionBurst = "sensitive-action-burst";
}
