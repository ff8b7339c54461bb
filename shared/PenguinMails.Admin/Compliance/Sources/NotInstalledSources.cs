using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// The defaults until the features that own the data are installed: every section says it is not available,
/// and offboarding from a review answers 503. Registered only if nothing else implements the ports.
/// </summary>
public sealed class NotInstalledSources : ISecretExpirySource, IOffboardingRequestSource, IOffboardingStarter
{
    public const string SecretsFeature = "the secrets vault";
    public const string WorkflowsFeature = "the workflows feature";

    public bool IsAvailable => false;

    public Task<SourceResult<IReadOnlyList<SecretExpiry>>> GetExpiringAsync(DateTimeOffset asOf, TimeSpan horizon, CancellationToken cancellationToken = default) =>
        Task.FromResult(SourceResult<IReadOnlyList<SecretExpiry>>.NotInstalled(SecretsFeature));

    public Task<SourceResult<IReadOnlyList<OffboardingRequest>>> GetRequestsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        Task.FromResult(SourceResult<IReadOnlyList<OffboardingRequest>>.NotInstalled(WorkflowsFeature));

    public Task<string> StartAsync(Actor actor, string staffId, string reason, CancellationToken cancellationToken = default) =>
        throw AdminException.Unavailable("offboarding_unavailable",
            $"Offboarding is not available: {WorkflowsFeature} is not installed. Choose removal 'roles' instead.");
}
