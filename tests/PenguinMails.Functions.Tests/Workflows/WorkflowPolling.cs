using System.Text.Json;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>Follows a workflow over the status API until it reaches a runtime status.</summary>
public static class WorkflowPolling
{
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string workflowId, string runtimeStatus, TimeSpan? timeout = null)
    {
        JsonElement last = default;
        await Eventually.TrueAsync(async () =>
        {
            last = await (await client.GetAsync($"/api/workflows/{Uri.EscapeDataString(workflowId)}")).ReadJsonAsync();
            var status = last.GetProperty("runtimeStatus").GetString();
            if (status is "Failed" or "Terminated" && status != runtimeStatus)
            {
                Assert.Fail($"Workflow {workflowId} is {status}: {last}");
            }
            return status == runtimeStatus;
        }, timeout ?? TimeSpan.FromSeconds(60), $"Workflow {workflowId} did not reach {runtimeStatus}.");
        return last;
    }

    public static IEnumerable<JsonElement> History(JsonElement workflow, string eventType) =>
        workflow.GetProperty("history").EnumerateArray().Where(e => e.GetProperty("eventType").GetString() == eventType);
}
