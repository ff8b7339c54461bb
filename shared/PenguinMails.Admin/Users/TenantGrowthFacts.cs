using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Users;

/// <summary>What growth figures know of one tenant: when it was created and its status now.</summary>
public readonly record struct TenantGrowthFacts(DateTimeOffset CreatedAt, TenantStatus Status);
