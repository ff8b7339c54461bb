namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// The defaults until the features that own the data are installed: every section says it is not available.
/// Registered only if nothing else implements the ports.
/// </summary>
public sealed class NotInstalledSources : IUserGrowthSource, ISecretExpirySource
{
    public const string UsersFeature = "the users and tenants feature";
    public const string SecretsFeature = "the secrets vault";

    public Task<SourceResult<IReadOnlyList<GrowthWeek>>> GetWeeklyGrowthAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        Task.FromResult(SourceResult<IReadOnlyList<GrowthWeek>>.NotInstalled(UsersFeature));

    public Task<SourceResult<IReadOnlyList<SecretExpiry>>> GetExpiringAsync(DateTimeOffset asOf, TimeSpan horizon, CancellationToken cancellationToken = default) =>
        Task.FromResult(SourceResult<IReadOnlyList<SecretExpiry>>.NotInstalled(SecretsFeature));
}
