using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.FeatureFlags;

/// <summary>Feature flags, with ETag concurrency and a change stamp that moves on every write.</summary>
public interface IFeatureFlagStore
{
    Task<Versioned<FeatureFlag>?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Creates the flag; 409 when the key exists.</summary>
    Task<Versioned<FeatureFlag>> CreateAsync(FeatureFlag flag, CancellationToken cancellationToken = default);

    /// <summary>Replaces the flag if <paramref name="etag"/> still matches (412 otherwise).</summary>
    Task<Versioned<FeatureFlag>> UpdateAsync(FeatureFlag flag, string etag, CancellationToken cancellationToken = default);

    /// <summary>Deletes the flag if <paramref name="etag"/> still matches (412 otherwise).</summary>
    Task DeleteAsync(string key, string etag, CancellationToken cancellationToken = default);

    Task<Page<FeatureFlag>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Every flag, for the evaluation snapshot.</summary>
    Task<IReadOnlyList<FeatureFlag>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>A value that changes whenever any flag is written; one cheap read tells whether a snapshot is stale.</summary>
    Task<string?> GetChangeStampAsync(CancellationToken cancellationToken = default);
}
