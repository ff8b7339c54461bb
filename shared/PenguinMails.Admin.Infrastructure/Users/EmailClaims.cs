using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Makes an email unique per tenant: one claim row per (tenant, email) naming the user who holds it. The user row
/// stays the truth: a claim whose user no longer has that tenant and email (a crash between the two writes) is
/// stale, and the next claimant takes it over, so a failure can never lock an address for good.
/// </summary>
internal sealed class EmailClaims(StorageClients storage)
{
    public const string TableName = "PlatformUserEmails";
    private TableClient Table => storage.Table(TableName);
    private TableClient Users => storage.Table(PlatformUserRows.TableName);

    /// <summary>Claims the address for the user; false when another user of the tenant holds it.</summary>
    public async Task<bool> ClaimAsync(string tenantId, string email, string userId, CancellationToken cancellationToken)
    {
        var claim = new TableEntity(tenantId, Key(email)) { ["Email"] = email, ["UserId"] = userId };
        // A claim released, reclaimed or added by someone else between our read and write: look again.
        return await OptimisticConcurrency.RetryAsync(async ct =>
        {
            var existing = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(email), cancellationToken: ct);
            if (!existing.HasValue)
            {
                await Table.AddEntityAsync(claim, ct);
                return true;
            }
            var holder = existing.Value!.GetString("UserId");
            if (holder == userId)
            {
                return true;
            }
            if (await HoldsAsync(holder, tenantId, email, ct))
            {
                return false;
            }
            await Table.UpdateEntityAsync(claim, existing.Value!.ETag, TableUpdateMode.Replace, ct);
            return true;
        }, e => e is RequestFailedException { Status: 404 or 409 or 412 }, "The address was claimed and released repeatedly meanwhile; try again.",
            cancellationToken);
    }

    /// <summary>Releases the claim if <paramref name="userId"/> still holds it.</summary>
    public async Task ReleaseAsync(string tenantId, string email, string userId, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(email), cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.GetString("UserId") == userId)
        {
            try
            {
                await Table.DeleteEntityAsync(tenantId, Key(email), existing.Value!.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Already released or taken over: either way it is no longer ours.
            }
        }
    }

    /// <summary>True when a user other than <paramref name="exceptUserId"/> really holds the address in the tenant.</summary>
    public async Task<bool> IsTakenAsync(string tenantId, string email, string exceptUserId, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(email), cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            return false;
        }
        var holder = existing.Value!.GetString("UserId");
        return holder != exceptUserId && await HoldsAsync(holder, tenantId, email, cancellationToken);
    }

    /// <summary>The user who really holds the address in the tenant (the claim checked against the user row), or null.</summary>
    public async Task<string?> HolderAsync(string tenantId, string email, CancellationToken cancellationToken)
    {
        var existing = await Table.GetEntityIfExistsAsync<TableEntity>(tenantId, Key(email), cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            return null;
        }
        var holder = existing.Value!.GetString("UserId");
        return await HoldsAsync(holder, tenantId, email, cancellationToken) ? holder : null;
    }

    private async Task<bool> HoldsAsync(string userId, string tenantId, string email, CancellationToken cancellationToken)
    {
        var row = await Users.GetEntityIfExistsAsync<TableEntity>(PlatformUserRows.PartitionOf(userId), userId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("TenantId") == tenantId && row.Value!.GetString("Email") == email;
    }

    /// <summary>Emails may hold characters Tables forbids in keys, so the key is a hash of the address.</summary>
    public static string Key(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)))[..32];
}
