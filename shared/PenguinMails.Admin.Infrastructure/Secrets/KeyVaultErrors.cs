using Azure;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>
/// Maps Key Vault failures (after the SDK's retries) to the API's problems. Details never carry the service's
/// message, which may quote request data.
/// </summary>
internal static class KeyVaultErrors
{
    public static async Task<T> GuardAsync<T>(string name, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException e)
        {
            throw Map(e, name);
        }
    }

    public static AdminException Map(RequestFailedException e, string name) => e.Status switch
    {
        404 => AdminException.NotFound("Secret", name),
        409 when IsDeletedButRecoverable(e) => AdminException.Conflict(
            $"Secret '{name}' is deleted but recoverable: recover it, or wait until it is purged, to use the name again.", "secret_deleted"),
        409 => AdminException.Conflict($"Key Vault reported a conflict on secret '{name}'; retry."),
        403 when e.Message.Contains("disabled", StringComparison.OrdinalIgnoreCase) =>
            AdminException.Conflict($"The requested version of secret '{name}' is disabled.", "secret_disabled"),
        401 or 403 => AdminException.Unavailable("vault_access_denied", "The app's identity may not use the Key Vault; check its role assignment."),
        429 => AdminException.RateLimited(RetryAfter(e), "Key Vault is throttling requests; retry later."),
        _ => AdminException.Unavailable("vault_unavailable", "Key Vault did not answer successfully; retry later."),
    };

    private static bool IsDeletedButRecoverable(RequestFailedException e) =>
        e.ErrorCode == "ObjectIsDeletedButRecoverable" || e.Message.Contains("ObjectIsDeletedButRecoverable", StringComparison.Ordinal)
        || e.Message.Contains("deleted but recoverable", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan RetryAfter(RequestFailedException e)
    {
        var header = e.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true ? value : null;
        return int.TryParse(header, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(10);
    }
}
