using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// Port the quarterly access review uses when a reviewer chooses to offboard someone instead of removing their roles.
/// Implemented by <see cref="WorkflowOffboardingStarter"/> (the staff offboarding workflow).
/// </summary>
public interface IOffboardingStarter
{
    /// <summary>Starts offboarding <paramref name="staffId"/> (or finds the one running) and returns the workflow instance id.</summary>
    Task<string> StartAsync(Actor actor, string staffId, string reason, CancellationToken cancellationToken = default);
}
