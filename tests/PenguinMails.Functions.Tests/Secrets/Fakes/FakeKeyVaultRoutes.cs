using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static PenguinMails.Functions.Tests.Secrets.Fakes.FakeKeyVaultJson;

namespace PenguinMails.Functions.Tests.Secrets.Fakes;

/// <summary>
/// The fake's operations: set, get (latest or a version), update properties, list properties, list versions,
/// soft delete, list and get deleted, recover, and purge. State is in memory, guarded by one lock.
/// </summary>
public sealed class FakeKeyVaultRoutes(FakeKeyVault vault)
{
    public const int MaxPageSize = 25;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeKeyVaultSecret> _secrets = new(StringComparer.OrdinalIgnoreCase);

    private string Base => vault.Uri.ToString();

    /// <summary>The stored value of the latest version, for tests that check what reached the vault.</summary>
    public string? LatestValue(string name)
    {
        lock (_lock)
        {
            return _secrets.TryGetValue(name, out var s) ? s.Latest.Value : null;
        }
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPut("/secrets/{name}", Set);
        app.MapGet("/secrets", (HttpRequest r) => Locked(() => ListPage(r, "secrets", _secrets.Values.Where(s => s.DeletedDate is null)
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Item(Base, s, s.Latest, withVersion: false)).ToList())));
        app.MapGet("/secrets/{name}/versions", (string name, HttpRequest r) => Locked(() => Live(name) is { } s
            ? ListPage(r, $"secrets/{s.Name}/versions", s.Versions.Select(v => Item(Base, s, v, withVersion: true)).ToList())
            : NotFound(name)));
        app.MapGet("/secrets/{name}/{version?}", Get);
        app.MapPatch("/secrets/{name}/{version?}", Update);
        app.MapDelete("/secrets/{name}", (string name) => Locked(() =>
        {
            if (Live(name) is not { } s)
            {
                return NotFound(name);
            }
            s.DeletedDate = Now();
            s.ScheduledPurgeDate = s.DeletedDate + RecoverableDays * 86400L;
            return FakeKeyVault.Json(Deleted(Base, s, Bundle(Base, s, s.Latest, withValue: false)));
        }));
        app.MapGet("/deletedsecrets", (HttpRequest r) => Locked(() => ListPage(r, "deletedsecrets", _secrets.Values.Where(s => s.DeletedDate is not null)
            .OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Deleted(Base, s, Item(Base, s, s.Latest, withVersion: false))).ToList())));
        app.MapGet("/deletedsecrets/{name}", (string name) => Locked(() =>
            DeletedOne(name) is { } s ? FakeKeyVault.Json(Deleted(Base, s, Bundle(Base, s, s.Latest, withValue: false))) : NotFound(name)));
        app.MapPost("/deletedsecrets/{name}/recover", (string name) => Locked(() =>
        {
            if (DeletedOne(name) is not { } s)
            {
                return NotFound(name);
            }
            (s.DeletedDate, s.ScheduledPurgeDate) = (null, null);
            return FakeKeyVault.Json(Bundle(Base, s, s.Latest, withValue: false));
        }));
        app.MapDelete("/deletedsecrets/{name}", (string name) => Locked(() =>
        {
            if (vault.PurgeProtection)
            {
                return FakeKeyVault.Json(Error("Forbidden", "Operation \"purge\" is not allowed because purge protection is enabled for this vault."), 403);
            }
            return DeletedOne(name) is { } s && _secrets.Remove(s.Name) ? Results.NoContent() : NotFound(name);
        }));
    }

    private async Task<IResult> Set(string name, HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        return Locked(() =>
        {
            if (_secrets.TryGetValue(name, out var existing) && existing.DeletedDate is not null)
            {
                return FakeKeyVault.Json(Error("Conflict",
                    $"Secret {name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.",
                    "ObjectIsDeletedButRecoverable"), 409);
            }
            var secret = existing ?? (_secrets[name] = new FakeKeyVaultSecret(name));
            var now = Now();
            var version = new FakeKeyVaultSecret.Version
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), Value = body["value"]!.GetValue<string>(), Created = now, Updated = now,
            };
            Apply(version, body);
            secret.Versions.Add(version);
            return FakeKeyVault.Json(Bundle(Base, secret, version, withValue: true));
        });
    }

    private IResult Get(string name, string? version) => Locked(() =>
    {
        if (Live(name) is not { } s || Find(s, version) is not { } v)
        {
            return NotFound(name);
        }
        return v.Enabled
            ? FakeKeyVault.Json(Bundle(Base, s, v, withValue: true))
            : FakeKeyVault.Json(Error("Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled"), 403);
    });

    private async Task<IResult> Update(string name, string? version, HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        return Locked(() =>
        {
            if (Live(name) is not { } s || Find(s, version) is not { } v)
            {
                return NotFound(name);
            }
            Apply(v, body);
            v.Updated = Now();
            return FakeKeyVault.Json(Bundle(Base, s, v, withValue: false));
        });
    }

    private static void Apply(FakeKeyVaultSecret.Version v, JsonObject body)
    {
        if (body.TryGetPropertyValue("contentType", out var contentType) && contentType is not null)
        {
            v.ContentType = contentType.GetValue<string>();
        }
        if (body.TryGetPropertyValue("tags", out var tags) && tags is JsonObject tagObject)
        {
            v.Tags = tagObject.ToDictionary(t => t.Key, t => t.Value!.GetValue<string>());
        }
        if (body["attributes"] is JsonObject attributes)
        {
            v.Enabled = attributes["enabled"]?.GetValue<bool>() ?? v.Enabled;
            v.Expires = attributes.ContainsKey("exp") ? attributes["exp"]?.GetValue<long>() : v.Expires;
        }
    }

    private IResult ListPage(HttpRequest request, string path, IReadOnlyList<JsonObject> all)
    {
        var size = Math.Min(int.TryParse(request.Query["maxresults"], out var requested) && requested > 0 ? requested : MaxPageSize, MaxPageSize);
        var skip = int.TryParse(request.Query["$skiptoken"], out var offset) ? offset : 0;
        var next = skip + size < all.Count ? $"{Base}{path}?api-version={request.Query["api-version"]}&maxresults={size}&$skiptoken={skip + size}" : null;
        return FakeKeyVault.Json(List(all.Skip(skip).Take(size), next));
    }

    private FakeKeyVaultSecret? Live(string name) => _secrets.TryGetValue(name, out var s) && s.DeletedDate is null ? s : null;

    private FakeKeyVaultSecret? DeletedOne(string name) => _secrets.TryGetValue(name, out var s) && s.DeletedDate is not null ? s : null;

    private static FakeKeyVaultSecret.Version? Find(FakeKeyVaultSecret s, string? version) =>
        string.IsNullOrEmpty(version) ? s.Latest : s.Versions.FirstOrDefault(v => v.Id == version);

    private static IResult NotFound(string name) =>
        FakeKeyVault.Json(Error("SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault."), 404);

    private IResult Locked(Func<IResult> action)
    {
        lock (_lock)
        {
            return action();
        }
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
