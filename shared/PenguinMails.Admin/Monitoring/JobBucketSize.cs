namespace PenguinMails.Admin.Monitoring;

/// <summary>Job runs are counted per minute (for the last hour) and per hour (for the last day).</summary>
public enum JobBucketSize
{
    Minute,
    Hour,
}
