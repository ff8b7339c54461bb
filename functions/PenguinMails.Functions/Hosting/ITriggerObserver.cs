namespace PenguinMails.Functions.Hosting;

/// <summary>
/// Told about every finished timer, queue or Service Bus invocation, e.g. so monitoring can count runs and
/// failures. It runs on the trigger path: it must be quick, do no I/O and never throw.
/// </summary>
public interface ITriggerObserver
{
    /// <param name="failure">What the function threw; null when it succeeded.</param>
    void OnCompleted(FunctionRegistration function, TimeSpan elapsed, Exception? failure);
}
