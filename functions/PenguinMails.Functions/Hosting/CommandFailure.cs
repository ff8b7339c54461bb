using System.Net.Sockets;
using Azure;

namespace PenguinMails.Functions.Hosting;

/// <summary>
/// Turns the failures an operator can fix into one line: storage not configured, not reachable, or no credential to
/// reach it with. Anything else is
/// not recognised here and keeps its full report.
/// </summary>
public static class CommandFailure
{
    public const string StorageHint = "start `./dev.sh run` first, or set Storage";

    public static string? Describe(Exception exception) => exception switch
    {
        InvalidOperationException e when e.Message.StartsWith("Storage is not configured", StringComparison.Ordinal) =>
            $"Storage is not configured: {StorageHint} (a connection string, UseDevelopmentStorage=true locally).",
        Azure.Identity.AuthenticationFailedException =>
            "Storage credentials are not available: Storage__AccountName is set, so the app signs in with DefaultAzureCredential " +
            $"(sign in with `az login`, or run where a managed identity is assigned); locally, {StorageHint} to a connection string.",
        AggregateException e when e.InnerExceptions.Count > 0 => Describe(e.InnerExceptions[0]),
        RequestFailedException { Status: 0 } or HttpRequestException or SocketException or TimeoutException or TaskCanceledException =>
            $"Storage is not reachable: {StorageHint}.",
        RequestFailedException e => $"Storage refused the request ({e.Status} {e.ErrorCode}): check the Storage setting.",
        _ when exception.InnerException is { } inner => Describe(inner),
        _ => null,
    };
}
