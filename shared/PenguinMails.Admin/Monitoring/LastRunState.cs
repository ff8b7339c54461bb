namespace PenguinMails.Admin.Monitoring;

/// <summary>The latest success and failure of one function on this instance. Runs are rare enough for a lock.</summary>
internal sealed class LastRunState
{
    private readonly Lock _lock = new();
    private DateTimeOffset? _lastSuccessAt;
    private DateTimeOffset? _lastFailureAt;
    private string? _lastError;
    private long _version;

    public long FlushedVersion { get; set; }

    public void Record(bool succeeded, string? error, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (succeeded)
            {
                _lastSuccessAt = _lastSuccessAt > at ? _lastSuccessAt : at;
            }
            else if (!(_lastFailureAt > at))
            {
                _lastFailureAt = at;
                _lastError = error;
            }
            _version++;
        }
    }

    public (long Version, JobLastRun Row) Snapshot(string function, string machine)
    {
        lock (_lock)
        {
            return (_version, new JobLastRun(function, machine, _lastSuccessAt, _lastFailureAt, _lastError));
        }
    }
}
