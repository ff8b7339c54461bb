namespace PenguinMails.Functions.Security;

/// <summary>The permission an endpoint requires. Every /api endpoint carries this or AllowAnonymous.</summary>
public sealed record PermissionMetadata(string Permission);
