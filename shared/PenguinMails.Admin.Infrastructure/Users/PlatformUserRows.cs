using Azure.Data.Tables;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// The user row: one per user, the single source of truth. Rows are spread over 16 partitions by the first hex
/// digit of the id, so a bulk write can put up to 100 users in one entity-group transaction.
/// </summary>
internal static class PlatformUserRows
{
    public const string TableName = "PlatformUsers";

    public static string PartitionOf(string userId) => "s" + userId[0];

    public static TableEntity ToEntity(PlatformUser u) => new(PartitionOf(u.Id), u.Id)
    {
        ["TenantId"] = u.TenantId,
        ["Email"] = u.Email,
        ["DisplayName"] = u.DisplayName,
        ["Role"] = u.Role,
        ["Status"] = u.Status.ToString(),
        ["CreatedAt"] = u.CreatedAt,
        ["LastLoginAt"] = u.LastLoginAt,
        ["BannedAt"] = u.BannedAt,
        ["LastBulkBatch"] = u.LastBulkBatch,
    };

    public static PlatformUser ToUser(TableEntity e) => new(
        e.RowKey,
        e.GetString("TenantId"),
        e.GetString("Email"),
        e.GetString("DisplayName"),
        e.GetString("Role"),
        Enum.Parse<PlatformUserStatus>(e.GetString("Status")),
        e.GetDateTimeOffset("CreatedAt")!.Value,
        e.GetDateTimeOffset("LastLoginAt"),
        e.GetDateTimeOffset("BannedAt"),
        e.GetString("LastBulkBatch"));
}
