using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>What the refund and dispute tests do over the API: request a refund, follow it, read its tickets.</summary>
public static class FinanceSteps
{
    public static async Task<(string WorkflowId, HttpResponseMessage Response)> RequestRefundAsync(HttpClient client, string tenantId, string invoiceId,
        string reason = "Customer charged twice")
    {
        var response = await client.PostAsJsonAsync("/api/finance/refunds", new { tenantId, invoiceId, reason });
        var accepted = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        return (accepted.GetProperty("workflowId").GetString()!, response);
    }

    public static async Task<JsonElement> WaitForRefundAsync(HttpClient client, string id, string status)
    {
        JsonElement body = default;
        await Eventually.TrueAsync(async () =>
        {
            body = await (await client.GetAsync($"/api/finance/refunds/{id}")).ReadJsonAsync();
            return body.GetProperty("status").GetString() == status;
        }, BillingTestExtensions.Patience, because: $"refund {id} did not become {status}");
        return body;
    }

    public static async Task<JsonElement> TicketAsync(HttpClient client, string id) => await (await client.GetAsync($"/api/tickets/{id}")).ReadJsonAsync();

    /// <summary>The finance queue's ticket that a workflow opened, as GET /api/tickets?queue=finance lists it.</summary>
    public static async Task<JsonElement> FinanceTicketOfAsync(HttpClient client, string workflowId)
    {
        JsonElement? found = null;
        await Eventually.TrueAsync(async () =>
        {
            var page = await (await client.GetAsync("/api/tickets?queue=finance&pageSize=500")).ReadJsonAsync();
            found = page.GetProperty("items").EnumerateArray().Cast<JsonElement?>()
                .FirstOrDefault(t => t!.Value.GetProperty("workflowId").GetString() == workflowId);
            return found is not null;
        }, BillingTestExtensions.Patience, because: $"no finance ticket for workflow {workflowId}");
        return found!.Value;
    }

    public static IEnumerable<string> Comments(JsonElement ticket) =>
        ticket.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()!);
}
