using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Infrastructure.Staff;

/// <summary>
/// Staff in one partition (the staff list is small), plus one "email" row per address that makes emails unique.
/// </summary>
public sealed class TableStaffStore(StorageClients storage, CursorCodec cursors) : IStaffStore
{
    public const string TableName = "Staff";
    private const string MemberPartition = "member";
    private const string EmailPartition = "email";
    private TableClient Table => storage.Table(TableName);

    public async Task<Versioned<StaffMember>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(MemberPartition, id, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<StaffMember>(ToMember(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<StaffMember?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(EmailPartition, email.ToLowerInvariant(), cancellationToken: cancellationToken);
        return row.HasValue ? (await GetAsync(row.Value!.GetString("StaffId"), cancellationToken))?.Value : null;
    }

    public async Task<Versioned<StaffMember>> CreateAsync(StaffMember member, CancellationToken cancellationToken = default)
    {
        await TableErrors.GuardAsync(() => Table.AddEntityAsync(ToEmailEntity(member), cancellationToken),
            $"A staff member with email '{member.Email}' already exists.");
        var response = await Table.AddEntityAsync(ToEntity(member), cancellationToken);
        return new Versioned<StaffMember>(member, response.Headers.ETag.ToString()!);
    }

    public async Task<Versioned<StaffMember>> UpdateAsync(StaffMember member, string etag, CancellationToken cancellationToken = default)
    {
        var response = await TableErrors.GuardAsync(() => Table.UpdateEntityAsync(ToEntity(member), new Azure.ETag(etag), TableUpdateMode.Replace, cancellationToken));
        return new Versioned<StaffMember>(member, response.Headers.ETag.ToString()!);
    }

    public async Task<Page<StaffMember>> ListAsync(StaffFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var scope = $"staff|{filter.Status}|{filter.Role}|{filter.Query}";
        var after = page.Cursor is null ? null : cursors.Decode(scope, page.Cursor);
        var matches = new List<StaffMember>();
        await foreach (var member in AllAsync(cancellationToken))
        {
            if (Matches(member, filter) && (after is null || string.CompareOrdinal(member.Email, after) > 0))
            {
                matches.Add(member);
            }
        }
        var items = matches.OrderBy(m => m.Email, StringComparer.Ordinal).Take(page.PageSize + 1).ToList();
        var next = items.Count > page.PageSize ? cursors.Encode(scope, items[page.PageSize - 1].Email) : null;
        return new Page<StaffMember>(items.Take(page.PageSize).ToList(), next);
    }

    public async IAsyncEnumerable<StaffMember> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == MemberPartition, cancellationToken: cancellationToken))
        {
            yield return ToMember(row);
        }
    }

    private static bool Matches(StaffMember member, StaffFilter filter) =>
        (filter.Status is null || member.Status == filter.Status)
        && (filter.Role is null || member.Roles.Contains(filter.Role))
        && (filter.Query is null || member.Email.Contains(filter.Query, StringComparison.OrdinalIgnoreCase)
            || member.DisplayName.Contains(filter.Query, StringComparison.OrdinalIgnoreCase));

    /// <summary>The row that makes <paramref name="m"/>'s email unique (internal for the load runners' batch seeding).</summary>
    internal static TableEntity ToEmailEntity(StaffMember m) => new(EmailPartition, m.Email) { ["StaffId"] = m.Id };

    internal static TableEntity ToEntity(StaffMember m) => new(MemberPartition, m.Id)
    {
        ["Email"] = m.Email,
        ["DisplayName"] = m.DisplayName,
        ["Roles"] = JsonSerializer.Serialize(m.Roles),
        ["Status"] = m.Status.ToString(),
        ["SecurityStamp"] = m.SecurityStamp,
        ["CreatedAt"] = m.CreatedAt,
        ["LastLoginAt"] = m.LastLoginAt,
    };

    private static StaffMember ToMember(TableEntity e) => new(
        e.RowKey,
        e.GetString("Email"),
        e.GetString("DisplayName"),
        JsonSerializer.Deserialize<List<string>>(e.GetString("Roles")) ?? [],
        Enum.Parse<StaffStatus>(e.GetString("Status")),
        e.GetString("SecurityStamp"),
        e.GetDateTimeOffset("CreatedAt")!.Value,
        e.GetDateTimeOffset("LastLoginAt"));
}
