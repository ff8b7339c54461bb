namespace PenguinMails.Admin.Monitoring;

/// <summary>One instance's runs and failures of one timer or queue function in one minute or hour.</summary>
public sealed record JobBucket(DateTimeOffset Start, JobBucketSize Size, string Function, string Instance, long Runs, long Failures);
