namespace PenguinMails.Admin.Billing;

public enum TransactionKind
{
    Invoice,
    Charge,
}
