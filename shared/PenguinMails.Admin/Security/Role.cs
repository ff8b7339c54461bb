namespace PenguinMails.Admin.Security;

public sealed record Role(string Name, string Description, IReadOnlySet<string> Permissions);
