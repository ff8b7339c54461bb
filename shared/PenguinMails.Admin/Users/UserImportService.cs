using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Users;

/// <summary>
/// Creates the users of a file in one tenant. Every row is checked (email, display name, role, a repeated email, an
/// email already used in the tenant) and a bad row fails alone, with each reason. A dry run checks and writes nothing.
/// Each created user is audited as <c>users.create</c>, as a single create is, and the import as a whole as <c>users.import</c>.
/// </summary>
public sealed class UserImportService(IPlatformUserStore users, PlatformUserService single, IAuditLog audit, TimeProvider time)
{
    public const int MaxRows = BulkUserCommand.MaxUsers;

    public async Task<UserImportReport> ImportAsync(Actor actor, string tenantId, IReadOnlyList<UserImportRow> rows, string? reason, bool dryRun,
        CancellationToken cancellationToken = default)
    {
        var why = Reason.Optional(reason);
        await single.EnsureOpenTenantAsync(tenantId, "tenantId", cancellationToken);
        var results = new UserImportResult[rows.Count];
        var candidates = new List<(int Index, PlatformUser User)>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var email = row.Email?.Trim().ToLowerInvariant() ?? "";
            var errors = Check(row, email);
            if (email.Length > 0 && firstLine.TryGetValue(email, out var first))
            {
                errors.Add(new ImportFieldError("email", $"Duplicate of line {first}."));
            }
            else if (email.Length > 0)
            {
                firstLine[email] = row.Line;
            }
            if (errors.Count > 0)
            {
                results[i] = new UserImportResult(row.Line, row.Email, ImportOutcome.Failed, null, errors);
                continue;
            }
            candidates.Add((i, new PlatformUser(PlatformUserIds.New(), tenantId, email, row.DisplayName!.Trim(), row.Role!.Trim(), PlatformUserStatus.Active,
                now, null, null)));
        }
        if (dryRun)
        {
            await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (c, ct) =>
                results[c.Index] = await users.IsEmailTakenAsync(tenantId, c.User.Email, c.User.Id, ct)
                    ? Failed(rows[c.Index], Taken(tenantId))
                    : new UserImportResult(rows[c.Index].Line, rows[c.Index].Email, ImportOutcome.WouldCreate, null, []));
        }
        else
        {
            var written = await users.CreateManyAsync(candidates.Select(c => c.User).ToList(), cancellationToken);
            foreach (var (c, w) in candidates.Zip(written))
            {
                results[c.Index] = w.Committed ? new UserImportResult(rows[c.Index].Line, c.User.Email, ImportOutcome.Created, c.User.Id, [])
                    : Failed(rows[c.Index], w.Error!.StartsWith("conflict", StringComparison.Ordinal) ? Taken(tenantId) : w.Error);
            }
            var created = candidates.Zip(written).Where(p => p.Second.Committed).Select(p => p.First.User).ToList();
            await audit.AppendManyAsync(created.Select(u => new AuditEntry(actor, AuditActions.UsersCreate, "user", u.Id, After: AuditEntry.Snapshot(u), Reason: why)).ToList(),
                cancellationToken);
        }
        var report = new UserImportReport(dryRun, results, results.Length, results.Count(r => r.Outcome != ImportOutcome.Failed),
            results.Count(r => r.Outcome == ImportOutcome.Failed));
        if (!dryRun)
        {
            await audit.AppendAsync(new AuditEntry(actor, AuditActions.UsersImport, "tenant", tenantId,
                After: AuditEntry.Snapshot(new { report.Total, report.Created, report.Failed }), Reason: why,
                Outcome: report.Failed == 0 ? "success" : "partial"), cancellationToken);
        }
        return report;
    }

    private static List<ImportFieldError> Check(UserImportRow row, string email)
    {
        var errors = new List<ImportFieldError>();
        if (email.Length == 0 || email.Length > 254 || !Validator.IsEmail(email))
        {
            errors.Add(new ImportFieldError("email", email.Length == 0 ? "The email is empty." : "Not an email address."));
        }
        if (string.IsNullOrWhiteSpace(row.DisplayName) || row.DisplayName.Trim().Length > SearchText.MaxLength)
        {
            errors.Add(new ImportFieldError("displayName", string.IsNullOrWhiteSpace(row.DisplayName) ? "The display name is empty."
                : $"At most {SearchText.MaxLength} characters."));
        }
        if (!PlatformUserRoles.Exists(row.Role?.Trim()))
        {
            errors.Add(new ImportFieldError("role", $"The role must be one of: {PlatformUserRoles.Describe()}."));
        }
        return errors;
    }

    private static string Taken(string tenantId) => $"Already a user of tenant '{tenantId}'.";

    private static UserImportResult Failed(UserImportRow row, string reason) =>
        new(row.Line, row.Email, ImportOutcome.Failed, null, [new ImportFieldError(reason.StartsWith("storage_error", StringComparison.Ordinal) ? "row" : "email", reason)]);
}
