namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>The IP addresses and user agents of someone's earlier successful sign-ins.</summary>
public sealed record KnownOrigins(int SignIns, IReadOnlySet<string> IpAddresses, IReadOnlySet<string> UserAgents);
