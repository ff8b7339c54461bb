using System.Text.Json;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Tests.Settings;

public sealed class SettingsSectionsTests
{
    [Theory]
    [InlineData(SettingsSections.EmailDomains)]
    [InlineData(SettingsSections.Deliverability)]
    [InlineData(SettingsSections.Monitoring)]
    [InlineData(SettingsSections.SecurityAlerts)]
    public void Defaults_PassTheirOwnValidation(string section) =>
        Assert.Equal(SettingsSections.DefaultValues(section).GetRawText(), SettingsSections.Validate(section, SettingsSections.DefaultValues(section)).GetRawText());

    [Fact]
    public void DeliverabilityLimits_MustBeOrdered()
    {
        var values = JsonDocument.Parse("""
            {"dailyLimits":{"newTenant":5000,"standard":1000,"maximum":500},"warmUp":{"enabled":true,"startDailyVolume":10,"dailyIncreasePercent":10,"days":10},
             "bounceRateThresholdPercent":5,"complaintRateThresholdPercent":0.1}
            """).RootElement;
        var error = Assert.Throws<AdminException>(() => SettingsSections.Validate(SettingsSections.Deliverability, values));
        Assert.Contains("values.dailyLimits.newTenant", error.Errors!.Keys);
        Assert.Contains("values.dailyLimits.standard", error.Errors!.Keys);
    }

    [Fact]
    public void WrongTypes_NameTheField()
    {
        var values = JsonDocument.Parse("""{"errorRatePercent":"high","queueBacklog":1,"p95LatencyMs":1,"failedJobsPerHour":1,"alertEmails":[]}""").RootElement;
        var error = Assert.Throws<AdminException>(() => SettingsSections.Validate(SettingsSections.Monitoring, values));
        Assert.Contains("values.errorRatePercent", error.Errors!.Keys);
    }

    [Fact]
    public void MonitoringThresholdsAddedLater_AreOptional_AndValidatedWhenGiven()
    {
        var saved = JsonDocument.Parse("""{"errorRatePercent":5,"queueBacklog":1000,"p95LatencyMs":2000,"failedJobsPerHour":10,"alertEmails":[]}""").RootElement;
        var read = SettingsSections.Read<MonitoringSettings>(SettingsSections.Validate(SettingsSections.Monitoring, saved));
        Assert.Null(read.FailedWorkflowsPerHour);
        Assert.Null(read.PoisonMessages);

        var tight = JsonDocument.Parse("""
            {"errorRatePercent":5,"queueBacklog":1000,"p95LatencyMs":2000,"failedJobsPerHour":10,"alertEmails":[],
             "poisonMessages":2,"oldestMessageAgeSeconds":60,"failedWorkflowsPerHour":1,"minimumRequests":5,"renotifyAfterMinutes":30}
            """).RootElement;
        Assert.Equal(60, SettingsSections.Read<MonitoringSettings>(SettingsSections.Validate(SettingsSections.Monitoring, tight)).OldestMessageAgeSeconds);

        var bad = JsonDocument.Parse("""
            {"errorRatePercent":5,"queueBacklog":1000,"p95LatencyMs":2000,"failedJobsPerHour":10,"alertEmails":[],"oldestMessageAgeSeconds":604801}
            """).RootElement;
        var error = Assert.Throws<AdminException>(() => SettingsSections.Validate(SettingsSections.Monitoring, bad));
        Assert.Equal(["values.oldestMessageAgeSeconds"], error.Errors!.Keys);
    }

    [Fact]
    public void SecurityAlertRules_AreAllOptional_AndEachIsCheckedWhenGiven()
    {
        var empty = SettingsSections.Read<SecurityAlertSettings>(SettingsSections.Validate(SettingsSections.SecurityAlerts, JsonDocument.Parse("{}").RootElement));
        Assert.Equal(SecurityAlertSettings.Default, empty);

        var tuned = JsonDocument.Parse("""{"failuresPerIdentity":3,"burstActions":["secrets","users.bulk-edit"],"newOriginForPrivileged":false}""").RootElement;
        var read = SettingsSections.Read<SecurityAlertSettings>(SettingsSections.Validate(SettingsSections.SecurityAlerts, tuned));
        Assert.Equal(3, read.FailuresPerIdentity);
        Assert.Equal(["secrets", "users.bulk-edit"], read.BurstActions!);
        Assert.Null(read.FailuresPerIp);

        var bad = JsonDocument.Parse("""
            {"failuresPerIdentity":0,"failuresPerIp":100001,"failureWindowMinutes":0,"originHistoryDays":367,"burstActions":["Secrets Reveal",""],
             "burstCount":-1,"burstWindowMinutes":1441}
            """).RootElement;
        var error = Assert.Throws<AdminException>(() => SettingsSections.Validate(SettingsSections.SecurityAlerts, bad));
        Assert.Equal(
            ["values.burstActions[0]", "values.burstActions[1]", "values.burstCount", "values.burstWindowMinutes", "values.failureWindowMinutes",
                "values.failuresPerIdentity", "values.failuresPerIp", "values.originHistoryDays"],
            error.Errors!.Keys.Order(StringComparer.Ordinal));

        var repeated = JsonDocument.Parse("""{"burstActions":["secrets","secrets"]}""").RootElement;
        Assert.Equal(["values.burstActions"], Assert.Throws<AdminException>(() => SettingsSections.Validate(SettingsSections.SecurityAlerts, repeated)).Errors!.Keys);
        var none = JsonDocument.Parse("""{"burstActions":[]}""").RootElement;
        Assert.Equal(["values.burstActions"], Assert.Throws<AdminException>(() => SettingsSections.Validate(SettingsSections.SecurityAlerts, none)).Errors!.Keys);
    }
}
