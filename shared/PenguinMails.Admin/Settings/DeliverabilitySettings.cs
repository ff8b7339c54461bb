using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Settings;

/// <summary>The <c>deliverability</c> section: daily sending limits, IP and domain warm-up, and bounce and complaint thresholds.</summary>
public sealed record DeliverabilitySettings(DailyLimits DailyLimits, WarmUp WarmUp, decimal BounceRateThresholdPercent, decimal ComplaintRateThresholdPercent)
    : ISettingsValues
{
    public static DeliverabilitySettings Default { get; } = new(new DailyLimits(500, 10_000, 1_000_000), new WarmUp(true, 50, 20, 30), 5m, 0.1m);

    public void Validate(Validator validator) => validator
        .When(DailyLimits.NewTenant < 0 || DailyLimits.NewTenant > DailyLimits.Standard, "values.dailyLimits.newTenant", "Must be between 0 and the standard limit.")
        .When(DailyLimits.Standard > DailyLimits.Maximum, "values.dailyLimits.standard", "Must not exceed the maximum.")
        .When(DailyLimits.Maximum is < 1 or > 100_000_000, "values.dailyLimits.maximum", "Must be between 1 and 100,000,000.")
        .When(WarmUp.StartDailyVolume < 1, "values.warmUp.startDailyVolume", "Must be at least 1.")
        .When(WarmUp.DailyIncreasePercent is < 1 or > 100, "values.warmUp.dailyIncreasePercent", "Must be between 1 and 100.")
        .When(WarmUp.Days is < 1 or > 90, "values.warmUp.days", "Must be between 1 and 90.")
        .When(BounceRateThresholdPercent is <= 0 or > 100, "values.bounceRateThresholdPercent", "Must be above 0 and at most 100.")
        .When(ComplaintRateThresholdPercent is <= 0 or > 100, "values.complaintRateThresholdPercent", "Must be above 0 and at most 100.");
}

/// <summary>Messages per day: for tenants still in their first weeks, for established tenants, and the hard ceiling.</summary>
public sealed record DailyLimits(int NewTenant, int Standard, int Maximum);

/// <summary>How a new sending domain ramps up: start volume, daily increase, and how many days the ramp lasts.</summary>
public sealed record WarmUp(bool Enabled, int StartDailyVolume, int DailyIncreasePercent, int Days);
