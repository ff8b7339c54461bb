namespace PenguinMails.Admin.Billing;

/// <summary>One entry of a refund request's history: a step that ran, when, and what it found.</summary>
public sealed record RefundStep(string Name, DateTimeOffset At, string Detail);
