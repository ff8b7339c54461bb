using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Tenants;

/// <summary>Tenants, with ETag concurrency and a primary domain that belongs to one tenant only.</summary>
public interface ITenantStore
{
    Task<Versioned<Tenant>?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates the tenant; 409 when another tenant already holds the primary domain.</summary>
    Task<Versioned<Tenant>> CreateAsync(Tenant tenant, CancellationToken cancellationToken = default);

    /// <summary>Replaces the tenant if <paramref name="etag"/> still matches (412 otherwise); moves the domain claim when it changed.</summary>
    Task<Versioned<Tenant>> UpdateAsync(Tenant before, Tenant after, string etag, CancellationToken cancellationToken = default);

    Task<Page<Tenant>> ListAsync(TenantFilter filter, PageRequest page, CancellationToken cancellationToken = default);
}
