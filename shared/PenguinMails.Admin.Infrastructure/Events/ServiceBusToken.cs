namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>A token for the CBS put-token call: its CBS type (<c>jwt</c> or the SAS type), value and expiry.</summary>
public sealed record ServiceBusToken(string Type, string Value, DateTimeOffset ExpiresAt)
{
    public const string JwtType = "jwt";
    public const string SasType = "servicebus.windows.net:sastoken";
}
