using System.Diagnostics;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// Where this process kills itself: <c>CrashTest__CrashAt=before-checkpoint:Charge</c> in the orchestration episode
/// that is about to schedule the step (DTFx has dequeued the message that woke it and not yet recorded the episode),
/// <c>before-activity:Charge</c> as the step's activity starts (DTFx has dequeued it, nothing of it has run),
/// <c>after-effect:Charge</c> once its effect is stored and before it returns (DTFx has not recorded its completion);
/// for the users-bulk journey, <c>before-results:batch-1</c> as batch 1 saves its results (<see cref="CrashingBulkResults"/>).
/// The kill is SIGKILL: no shutdown, no flush, as a crashed machine.
/// </summary>
public sealed class CrashPoint(string? boundary, string? step)
{
    public const string BeforeCheckpoint = "before-checkpoint";
    public const string BeforeActivity = "before-activity";
    public const string AfterEffect = "after-effect";
    public const string BeforeResults = "before-results";

    public static CrashPoint None { get; } = new(null, null);

    public static CrashPoint Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return None;
        }
        var parts = value.Split(':', 2);
        if (parts.Length != 2 || parts[0] is not (BeforeCheckpoint or BeforeActivity or AfterEffect or BeforeResults))
        {
            throw new InvalidOperationException(
                $"CrashTest__CrashAt '{value}': use '{BeforeCheckpoint}:<step>', '{BeforeActivity}:<step>' or '{AfterEffect}:<step>'.");
        }
        return new CrashPoint(parts[0], parts[1]);
    }

    /// <summary>Kills the process when this is the boundary, after saying so on stdout (the test checks where it died).</summary>
    public void At(string here, string stepName, string instanceId)
    {
        if (here != boundary || stepName != step)
        {
            return;
        }
        Console.Out.WriteLine($"crash {here} {stepName} {instanceId}");
        Console.Out.Flush();
        Process.GetCurrentProcess().Kill();
        Thread.Sleep(Timeout.Infinite); // the signal is asynchronous: nothing after this line may run
    }
}
