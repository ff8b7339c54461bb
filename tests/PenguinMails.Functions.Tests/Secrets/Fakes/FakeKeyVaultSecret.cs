namespace PenguinMails.Functions.Tests.Secrets.Fakes;

/// <summary>One secret in the fake vault: its versions (oldest first) and its soft-delete state.</summary>
public sealed class FakeKeyVaultSecret(string name)
{
    public string Name { get; } = name;
    public List<Version> Versions { get; } = [];
    public long? DeletedDate { get; set; }
    public long? ScheduledPurgeDate { get; set; }

    public Version Latest => Versions[^1];

    public sealed class Version
    {
        public required string Id { get; init; }
        public required string Value { get; init; }
        public string? ContentType { get; set; }
        public Dictionary<string, string> Tags { get; set; } = [];
        public bool Enabled { get; set; } = true;
        public long? Expires { get; set; }
        public long Created { get; init; }
        public long Updated { get; set; }
    }
}
