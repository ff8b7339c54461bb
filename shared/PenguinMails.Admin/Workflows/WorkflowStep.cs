namespace PenguinMails.Admin.Workflows;

/// <summary>One step of a workflow definition: an <see cref="ActivityStep"/>, a <see cref="TimerStep"/> or a <see cref="WaitForEventStep"/>.</summary>
public abstract record WorkflowStep(string Name);
