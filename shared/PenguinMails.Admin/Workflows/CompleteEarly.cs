namespace PenguinMails.Admin.Workflows;

/// <summary>
/// What an activity returns to end its instance after this step: the instance completes at once, with
/// <see cref="Output"/> as the step's output and <see cref="CustomStatus"/> shown instead of "Completed". For
/// outcomes that are not failures but leave nothing more to do (a refund request with no duplicate charge is
/// rejected, not failed: a failure would raise an alert).
/// </summary>
public sealed record CompleteEarly(object? Output, string CustomStatus);
