namespace PenguinMails.Admin.Billing;

/// <summary>
/// The local mirror of one Stripe invoice or charge, kept current by webhooks and force sync, and compared with
/// Stripe by reconciliation. Amounts are in the currency's minor unit.
/// </summary>
public sealed record Transaction(
    string TenantId,
    string Id,
    TransactionKind Kind,
    string CustomerId,
    long Amount,
    long AmountRefunded,
    string Currency,
    string Status,
    DateTimeOffset Created,
    bool Livemode)
{
    public static Transaction FromInvoice(string tenantId, StripeInvoice invoice) => new(tenantId, invoice.Id, TransactionKind.Invoice,
        invoice.CustomerId, invoice.Total, 0, invoice.Currency, invoice.Status, invoice.Created, invoice.Livemode);

    public static Transaction FromCharge(string tenantId, StripeCharge charge) => new(tenantId, charge.Id, TransactionKind.Charge,
        charge.CustomerId, charge.Amount, charge.AmountRefunded, charge.Currency, charge.Status, charge.Created, charge.Livemode);

    /// <summary>The fields reconciliation compares; names match the API's.</summary>
    public IReadOnlyList<(string Field, string Value)> ComparableFields() =>
    [
        ("amount", Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("amountRefunded", AmountRefunded.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("currency", Currency),
        ("status", Status),
    ];
}
