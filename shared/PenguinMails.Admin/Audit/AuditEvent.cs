using System.Text.Json;

namespace PenguinMails.Admin.Audit;

/// <summary>One stored, hash-chained audit event. <see cref="Hash"/> covers every field and <see cref="PreviousHash"/>.</summary>
public sealed record AuditEvent(
    string Id,
    string Partition,
    long Sequence,
    DateTimeOffset Time,
    string ActorId,
    string ActorEmail,
    string Action,
    string TargetType,
    string TargetId,
    JsonElement? Before,
    JsonElement? After,
    string? Reason,
    string Outcome,
    string? IpAddress,
    string? UserAgent,
    string? CorrelationId,
    string PreviousHash,
    string Hash);
