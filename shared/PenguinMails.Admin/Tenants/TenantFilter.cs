namespace PenguinMails.Admin.Tenants;

/// <summary>List filter: status, and a case-insensitive prefix of the name or the primary domain.</summary>
public sealed record TenantFilter(TenantStatus? Status, string? Query);
