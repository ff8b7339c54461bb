namespace PenguinMails.Admin.Secrets;

/// <summary>A secret that has expired, or will within the alert horizon.</summary>
public sealed record SecretExpiry(SecretProperties Secret, SecretExpiryState State);

public enum SecretExpiryState
{
    Expiring,
    Expired,
}
