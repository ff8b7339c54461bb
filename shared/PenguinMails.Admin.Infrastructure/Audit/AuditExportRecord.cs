using System.Text.Json;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// One line of an audit export (the API's CSV and JSONL, and the nightly file for the OLAP <c>admin_audit_log</c> table).
/// It carries the chain fields too, and before and after as their exact stored JSON text (<c>beforeRaw</c>,
/// <c>afterRaw</c>), so an export can be re-hashed and verified offline (scripts/verify_audit_export.py).
/// </summary>
public sealed record AuditExportRecord(string Id, DateTimeOffset Time, string ActorId, string ActorEmail, string Action, string TargetType,
    string TargetId, JsonElement? Before, JsonElement? After, string? Reason, string Outcome, string? IpAddress, string? UserAgent,
    string? CorrelationId, string Partition, long Sequence, string PreviousHash, string Hash, string? BeforeRaw, string? AfterRaw)
{
    public static AuditExportRecord From(AuditEvent e) => new(e.Id, e.Time, e.ActorId, e.ActorEmail, e.Action, e.TargetType, e.TargetId, e.Before,
        e.After, e.Reason, e.Outcome, e.IpAddress, e.UserAgent, e.CorrelationId, e.Partition, e.Sequence, e.PreviousHash, e.Hash,
        e.Before?.GetRawText(), e.After?.GetRawText());
}
