using Azure.Data.Tables;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// A closed segment's seal, written with the next segment's first event: its last sequence and hash, and the hour
/// the lane moved on to. Retention keeps the seal when it deletes the segment's events, and names the archive.
/// </summary>
internal sealed record AuditSealRow(string Lane, string Hour, long LastSequence, string LastHash, string Next, string? Archive)
{
    public string Segment => AuditLanes.Segment(Hour, Lane);

    public static TableEntity Create(string lane, string hour, TableEntity head, string next) => new(lane, AuditLanes.SealRowKey(hour))
    {
        ["LastSequence"] = head.GetInt64("Sequence") ?? 0,
        ["LastHash"] = head.GetString("Hash"),
        ["Count"] = head.GetInt64("Sequence") ?? 0,
        ["Next"] = next,
        ["Archived"] = false,
    };

    public static AuditSealRow From(TableEntity row) => new(row.PartitionKey, row.RowKey[AuditLanes.SealPrefix.Length..], row.GetInt64("LastSequence") ?? 0,
        row.GetString("LastHash") ?? "", row.GetString("Next") ?? "", row.GetString("Archive"));
}
