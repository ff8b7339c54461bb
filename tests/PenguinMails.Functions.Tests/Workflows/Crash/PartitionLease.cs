namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>One control-queue partition's row in DTFx's partition table: who holds it, since when, and whether it is being handed over.</summary>
public sealed record PartitionLease(string Partition, string Owner, bool Draining, DateTimeOffset? OwnedSince);
