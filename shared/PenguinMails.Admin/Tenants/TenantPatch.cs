namespace PenguinMails.Admin.Tenants;

/// <summary>The fields PATCH /tenants/{id} may change; null means "leave as is".</summary>
public sealed record TenantPatch(string? Name, string? PrimaryDomain, string? Plan, string? OwnerEmail, TenantStatus? Status);
