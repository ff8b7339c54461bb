using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Tests.Workflows;

public sealed class WorkflowDefinitionTests
{
    [Fact]
    public void ActivitySteps_AreNamedAfterTheirActivity()
    {
        var definition = WorkflowDefinition.Create("sample").Activity<NoOp>().Timer("Pause", TimeSpan.FromMinutes(1)).Build();

        Assert.Equal([nameof(NoOp), "Pause"], definition.Steps.Select(s => s.Name));
        Assert.Equal([typeof(NoOp)], definition.ActivityTypes);
        Assert.Equal(1, definition.IndexOf("Pause"));
    }

    [Fact]
    public void DuplicateStepNames_AreRejected() =>
        Assert.Throws<InvalidOperationException>(() => WorkflowDefinition.Create("sample").Activity<NoOp>().Activity<NoOp>());

    [Fact]
    public void ContinuingAtAStepThatDoesNotExist_IsRejected() =>
        Assert.Throws<InvalidOperationException>(() => WorkflowDefinition.Create("sample")
            .WaitForEvent("Wait", "Go", TimeSpan.FromHours(1), WaitTimeoutAction.Continue, continueAtOnTimeout: "Nowhere").Build());

    [Theory]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("")]
    public void InvalidTypeNames_AreRejected(string type) => Assert.Throws<ArgumentException>(() => WorkflowDefinition.Create(type));

    [Fact]
    public void InvalidEventNamesAndTimeouts_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => WorkflowDefinition.Create("sample").WaitForEvent("Wait", "no spaces", null));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowDefinition.Create("sample").WaitForEvent("Wait", "Go", TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowDefinition.Create("sample").Timer("Pause", TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void RequiredPermission_MustBeInTheCatalog()
    {
        Assert.Equal(Permissions.FinanceRead, WorkflowDefinition.Create("sample").RequirePermission(Permissions.FinanceRead).Activity<NoOp>().Build().Permission);
        Assert.Throws<ArgumentException>(() => WorkflowDefinition.Create("sample").RequirePermission("finance.everything"));
    }

    [Fact]
    public void Registry_RejectsTwoDefinitionsOfOneType()
    {
        var first = WorkflowDefinition.Create("sample").Activity<NoOp>().Build();
        var second = WorkflowDefinition.Create("sample").Activity<NoOp>().Build();
        Assert.Throws<InvalidOperationException>(() => new WorkflowRegistry([first, second]));
        Assert.Same(first, new WorkflowRegistry([first, first]).Get("sample"));
    }

    [Theory]
    [InlineData("offboarding-abc123", true)]
    [InlineData("refund:tenant-1:in_9.x", true)]
    [InlineData("has/slash", false)]
    [InlineData("has#hash", false)]
    [InlineData("", false)]
    public void InstanceIds_AreSafeAsTableKeysAndInUrls(string id, bool valid) => Assert.Equal(valid, WorkflowNames.IsValidInstanceId(id));

    private sealed class NoOp : IWorkflowActivity
    {
        public Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken) => Task.FromResult<object?>(null);
    }
}
