namespace PenguinMails.Admin.Monitoring;

/// <summary>Runs every component health check (storage, bus, vault, Stripe, tickets: whichever are registered).</summary>
public interface IComponentHealthSource
{
    Task<IReadOnlyList<ComponentHealth>> CheckAsync(CancellationToken cancellationToken = default);
}
