namespace PenguinMails.Admin.Billing.Refunds;

/// <summary>One entry of a refund request's history: a step of its workflow that ran, when, and what it found.</summary>
public sealed record RefundStep(string Name, DateTimeOffset At, string? Detail);
