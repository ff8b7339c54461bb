namespace PenguinMails.Admin.Secrets;

/// <summary>What a new version of a secret is made of: the value and the metadata stored with it.</summary>
public sealed record SecretVersionInput(string Value, string? ContentType, IReadOnlyDictionary<string, string> Tags, DateTimeOffset? ExpiresOn)
{
    /// <summary>Never prints the value, so a logged or formatted input can't leak it.</summary>
    public override string ToString() => $"SecretVersionInput {{ ContentType = {ContentType}, Tags = {Tags.Count}, ExpiresOn = {ExpiresOn} }}";
}
