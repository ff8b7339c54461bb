using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// The app where listing the audit log waits until the request is cancelled (appends still reach the real table), so a
/// test can abandon GET /api/audit while it runs, as a browser leaving a screen does. It runs as in Azure (Production):
/// in Development the framework's exception page would answer the abandoned call itself, hiding what production sees.
/// </summary>
public sealed class HeldAuditQueryApp : AdminAppFactory
{
    public HeldAuditQueryApp() =>
        WithServices(services => services.AddSingleton<IAuditLog>(sp => new QueriesWait(sp.GetRequiredService<TableAuditLog>(), QueryStarted)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    /// <summary>Completes when a listing has started and is waiting.</summary>
    public TaskCompletionSource QueryStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class QueriesWait(IAuditLog inner, TaskCompletionSource started) : IAuditLog
    {
        public Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) => inner.AppendAsync(entry, cancellationToken);

        public Task<IReadOnlyList<AuditEvent>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default) =>
            inner.AppendManyAsync(entries, cancellationToken);

        public async Task<Page<AuditEvent>> QueryAsync(AuditQuery query, PageRequest page, CancellationToken cancellationToken = default)
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable: only cancellation ends the wait");
        }

        public IAsyncEnumerable<AuditEvent> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(from, to, cancellationToken);

        public Task<AuditVerification> VerifyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
            inner.VerifyAsync(from, to, cancellationToken);
    }
}
