using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.SignIns;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// Sign-in attempts straight from the audit log's index rows (each carries the whole event): the time range is a
/// row-key range, and the other filters run in the table service, so nothing outside the range is read.
/// </summary>
public sealed class TableSignInActivity(StorageClients storage, TablePaging paging) : ISignInActivity
{
    private TableClient Index => storage.Table(TableAuditLog.IndexTable);

    public async Task<Page<SignInAttempt>> QueryAsync(SignInQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var filters = new List<string>
        {
            "PartitionKey eq 'all'", AuditEntityMapper.IndexTimeRange(query.From, query.To), $"Action eq '{SignInService.Action}'",
        };
        if (query.Succeeded is { } succeeded)
        {
            filters.Add(succeeded ? "Outcome eq 'success'" : "Outcome ne 'success'");
        }
        if (query.Identity is { } identity)
        {
            var value = Escape(identity.Trim().ToLowerInvariant());
            filters.Add($"(ActorEmail eq '{value}' or ActorId eq '{Escape(identity.Trim())}')");
        }
        if (query.IpAddress is { } ip)
        {
            filters.Add($"IpAddress eq '{Escape(ip.Trim())}'");
        }
        var result = await paging.QueryAsync<TableEntity>(Index, string.Join(" and ", filters), page, "sign-ins", cancellationToken);
        return result.Map(row => SignInAttempt.From(AuditEntityMapper.ToEvent(row)));
    }

    public async Task<KnownOrigins> KnownOriginsAsync(string staffId, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var filter = $"PartitionKey eq '{Escape("actor|" + staffId)}' and {AuditEntityMapper.IndexTimeRange(from, before)} "
            + $"and Action eq '{SignInService.Action}' and Outcome eq 'success'";
        var ips = new HashSet<string>(StringComparer.Ordinal);
        var agents = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        await foreach (var row in Index.QueryAsync<TableEntity>(filter, select: ["Time", "IpAddress", "UserAgent"], cancellationToken: cancellationToken))
        {
            if (row.GetDateTimeOffset("Time") >= before)
            {
                continue;
            }
            count++;
            if (row.GetString("IpAddress") is { } ip)
            {
                ips.Add(ip);
            }
            if (row.GetString("UserAgent") is { } agent)
            {
                agents.Add(agent);
            }
        }
        return new KnownOrigins(count, ips, agents);
    }

    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
