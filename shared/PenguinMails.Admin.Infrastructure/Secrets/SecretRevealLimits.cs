namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>How many reveals one staff member may make per window: <c>Secrets__RevealLimit</c> (default 10) per <c>Secrets__RevealWindow</c> (default 1 hour).</summary>
public sealed class SecretRevealLimits
{
    public int RevealLimit { get; set; } = 10;

    public TimeSpan RevealWindow { get; set; } = TimeSpan.FromHours(1);
}
