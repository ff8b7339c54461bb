namespace PenguinMails.Admin.Compliance.Reviews;

public enum ReviewOutcome
{
    Keep,
    Remove,
}
