using PenguinMails.Admin.Monitoring;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Monitoring;

/// <summary>Counts every timer and queue invocation, with the sanitized error of failures, for GET /monitoring/jobs.</summary>
public sealed class JobRunRecorder(JobRunAggregator aggregator, TimeProvider time) : ITriggerObserver
{
    public void OnCompleted(FunctionRegistration function, TimeSpan elapsed, Exception? failure) =>
        aggregator.Record(function.Name, failure is null, failure is null ? null : ErrorText.Describe(failure), time.GetUtcNow());
}
