namespace PenguinMails.Admin.Alerts;

/// <summary>
/// What <see cref="AlertService.RaiseAsync"/> did. <see cref="Created"/> is true only for the call that stored the
/// alert: raising it again (a later scan, a retry that finishes a missing step) is false, so detectors can count
/// what is new.
/// </summary>
public sealed record RaisedAlert(SecurityAlert Alert, bool Created);
