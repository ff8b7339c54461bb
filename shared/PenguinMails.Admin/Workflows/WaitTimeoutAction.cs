namespace PenguinMails.Admin.Workflows;

/// <summary>What a <see cref="WaitForEventStep"/> does when its timeout passes without the event.</summary>
public enum WaitTimeoutAction
{
    Fail,
    Continue,
}
