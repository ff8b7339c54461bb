namespace PenguinMails.Admin.Billing;

/// <summary>What a force sync read from Stripe and how much of the mirror it changed.</summary>
public sealed record SyncResult(int Invoices, int Charges, int Changed, int Unchanged);
