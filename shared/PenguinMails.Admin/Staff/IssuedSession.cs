namespace PenguinMails.Admin.Staff;

/// <summary>A new session: the token (shown once), the stored session, and the member as committed at sign-in.</summary>
public sealed record IssuedSession(string Token, StaffSession Session, StaffMember Member)
{
    public void Deconstruct(out string token, out StaffSession session) => (token, session) = (Token, Session);
}
