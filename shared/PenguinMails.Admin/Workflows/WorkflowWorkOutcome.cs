namespace PenguinMails.Admin.Workflows;

/// <summary>What processing one work item did.</summary>
public enum WorkflowWorkOutcome
{
    /// <summary>The step ran and the instance moved on (or completed).</summary>
    Advanced,

    /// <summary>The activity failed and a retry is scheduled.</summary>
    Retrying,

    /// <summary>The instance failed; the failure was audited and alerted.</summary>
    Failed,

    /// <summary>An instance that finished earlier had its failure (if any) audited and alerted, and its run recorded.</summary>
    FinishRecorded,

    /// <summary>Not due yet (a chained timer was re-enqueued when this item was the current one).</summary>
    NotDue,

    /// <summary>The item was a duplicate or out of date, or the instance has nothing to do.</summary>
    Stale,

    /// <summary>Another worker holds the instance's lease.</summary>
    Busy,

    /// <summary>Another worker changed the instance first; this worker backed off.</summary>
    LostRace,

    /// <summary>The instance does not exist.</summary>
    Missing,
}
