namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>Port for the monthly report's secrets section, implemented by the secrets vault feature.</summary>
public interface ISecretExpirySource
{
    /// <summary>Secrets expired at <paramref name="asOf"/> or expiring within <paramref name="horizon"/> of it.</summary>
    Task<SourceResult<IReadOnlyList<SecretExpiry>>> GetExpiringAsync(DateTimeOffset asOf, TimeSpan horizon, CancellationToken cancellationToken = default);
}
