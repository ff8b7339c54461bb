namespace PenguinMails.Admin.Users;

/// <summary>The fields PATCH /users/{id} may change; null means "leave as is". Tenant and status have their own operations.</summary>
public sealed record UserPatch(string? DisplayName, string? Role, string? Email);
