using PenguinMails.Admin.Alerts;

namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>What one monitor run read (audit events in (From, To]) and raised.</summary>
public sealed record MonitorRun(DateTimeOffset From, DateTimeOffset To, int EventsRead, IReadOnlyList<SecurityAlert> Raised);
