using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// The app with low alert thresholds, where listing the audit log fails (fault injection: queries throw, appends
/// still reach the real table), so GET /api/audit produces a burst of 500s.
/// </summary>
public sealed class ErrorBurstApp : AdminAppFactory
{
    public ErrorBurstApp()
        : base(new Dictionary<string, string?> { ["Monitoring:MinimumRequests"] = "5", ["Monitoring:ErrorRatePercent"] = "50",
            ["Monitoring:P95LatencyMs"] = "600000" }) =>
        WithServices(services => services.AddSingleton<IAuditLog>(sp => new QueriesFail(sp.GetRequiredService<TableAuditLog>())));

    private sealed class QueriesFail(IAuditLog inner) : IAuditLog
    {
        public Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) => inner.AppendAsync(entry, cancellationToken);

        public Task<IReadOnlyList<AuditEvent>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
            inner.AppendManyAsync(entries, cancellationToken);

        public Task<Page<AuditEvent>> QueryAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The audit index is unavailable.");

        public IAsyncEnumerable<AuditEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(from, to, cancellationToken);

        public Task<AuditVerification> VerifyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            inner.VerifyAsync(from, to, cancellationToken);
    }
}
