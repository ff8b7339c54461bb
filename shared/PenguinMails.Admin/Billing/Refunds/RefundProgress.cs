using System.Text.Json;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>What a refund request's steps have recorded so far, read from its workflow's step outputs (this execution's).</summary>
public sealed record RefundProgress(
    RefundVerification? Verification,
    RefundTicket? Ticket,
    bool Confirmed,
    RefundConfirmation? Confirmation,
    CustomerNotification? Notification)
{
    public static RefundProgress Of(WorkflowInstance instance)
    {
        JsonElement? Output(string step) => instance.StepOutputs.TryGetValue(step, out var output) ? output : null;
        return new RefundProgress(Read<RefundVerification>(Output(nameof(VerifyDuplicateCharge))), Read<RefundTicket>(Output(nameof(OpenRefundTicket))),
            ConfirmedStep(Output) is not null, ConfirmationFrom(Output), Read<CustomerNotification>(Output(nameof(NotifyCustomer))));
    }

    /// <summary>The ticket and the verified duplicate, which every step after the ticket needs.</summary>
    public static (RefundTicket Ticket, RefundVerification Verification) Require(WorkflowActivityContext context)
    {
        var ticket = context.GetOutput<RefundTicket>(nameof(OpenRefundTicket));
        var verified = context.GetOutput<RefundVerification>(nameof(VerifyDuplicateCharge));
        return ticket is not null && verified is not null
            ? (ticket, verified)
            : throw new InvalidOperationException($"Refund {context.InstanceId} has no ticket or verification to work with.");
    }

    /// <summary>The confirmation payload of whichever wait step received it; null when it carried none (raised by hand).</summary>
    public static RefundConfirmation? ConfirmationOf(WorkflowActivityContext context) =>
        ConfirmationFrom(step => context.HasOutput(step) ? context.GetOutput<JsonElement>(step) : null);

    private static RefundConfirmation? ConfirmationFrom(Func<string, JsonElement?> output) =>
        ConfirmedStep(output) is { } step ? Read<RefundConfirmation>(output(step)) : null;

    private static string? ConfirmedStep(Func<string, JsonElement?> output) =>
        RefundWorkflow.WaitSteps.FirstOrDefault(step => output(step) is { } value && !IsTimeout(value));

    private static bool IsTimeout(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("timedOut", out var timedOut) && timedOut.ValueKind == JsonValueKind.True;

    /// <summary>Tolerant: an event raised by hand may carry any JSON, which then reads as nothing.</summary>
    private static T? Read<T>(JsonElement? value) where T : class
    {
        if (value is not { ValueKind: JsonValueKind.Object } json)
        {
            return null;
        }
        try
        {
            return json.Deserialize<T>(JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
