using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Mvc;

namespace PenguinMails.Functions.Http;

/// <summary>
/// Recognises a dependency that is down or too slow (storage unreachable, a timeout, a 5xx from the service)
/// anywhere in an exception's chain, so the caller gets 503 with Retry-After instead of 500.
/// </summary>
public static class OutageProblems
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static ProblemDetails? TryCreate(HttpContext context, Exception exception)
    {
        var causes = Flatten(exception).ToList();
        if (causes.OfType<RequestFailedException>().Any(e => e.Status is 0 or >= 500))
        {
            return Problems.Create(context, 503, "storage_unavailable", "Service unavailable.",
                "Storage did not answer in time or is unreachable. Nothing was lost; retry after the given delay.");
        }
        if (causes.Any(e => e is HttpRequestException or SocketException or TimeoutException)
            || (causes.Any(e => e is TaskCanceledException) && !context.RequestAborted.IsCancellationRequested))
        {
            return Problems.Create(context, 503, "dependency_unavailable", "Service unavailable.",
                "A service this call needs did not answer in time. Retry after the given delay.");
        }
        return null;
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.Count > 0 && pending.Pop() is { } current)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
