using System.Globalization;
using System.Text.Json;
using CsvHelper;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// Streams audit events as JSON Lines or CSV, one event at a time, flushing as it goes: an export of any size uses
/// constant memory. CSV cells that a spreadsheet would run as formulas are escaped.
/// </summary>
public static class AuditExportWriter
{
    private const int FlushEvery = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <summary>RFC 4180 with formula-looking text cells escaped (OWASP CSV injection).</summary>
    public static CsvWriterOptions CsvOptions { get; } = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static async Task<long> WriteJsonLinesAsync(IAsyncEnumerable<AuditEvent> events, Stream output, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            await output.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(AuditExportRecord.From(e), Json), cancellationToken);
            await output.WriteAsync(NewLine, cancellationToken);
            if (++count % FlushEvery == 0)
            {
                await output.FlushAsync(cancellationToken);
            }
        }
        await output.FlushAsync(cancellationToken);
        return count;
    }

    public static async Task<long> WriteCsvAsync(IAsyncEnumerable<AuditEvent> events, Stream output, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        await csv.WriteRecordAsync(Headers, cancellationToken);
        long count = 0;
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(Fields(e), cancellationToken);
            if (++count % FlushEvery == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }
        await csv.FlushAsync(cancellationToken);
        return count;
    }

    private static readonly string[] Headers =
    [
        "id", "time", "actorId", "actorEmail", "action", "targetType", "targetId", "before", "after", "reason", "outcome", "ipAddress", "userAgent",
        "correlationId", "partition", "sequence", "previousHash", "hash",
    ];

    private static string?[] Fields(AuditEvent e) =>
    [
        e.Id, e.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), e.ActorId, e.ActorEmail, e.Action, e.TargetType, e.TargetId,
        e.Before?.GetRawText(), e.After?.GetRawText(), e.Reason, e.Outcome, e.IpAddress, e.UserAgent, e.CorrelationId, e.Partition,
        e.Sequence.ToString(CultureInfo.InvariantCulture), e.PreviousHash, e.Hash,
    ];
}
