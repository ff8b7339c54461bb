namespace PenguinMails.Admin.Billing;

public enum FinanceTicketStatus
{
    Open,
    InProgress,
    Done,
}
