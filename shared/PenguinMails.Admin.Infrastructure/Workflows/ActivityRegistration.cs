namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>An activity class registered under its step name (see <c>AddActivity</c>).</summary>
public sealed record ActivityRegistration(string Name, Type ActivityType);
