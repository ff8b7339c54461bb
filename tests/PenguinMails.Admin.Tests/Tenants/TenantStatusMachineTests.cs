using PenguinMails.Admin.Common;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Tests.Tenants;

public sealed class TenantStatusMachineTests
{
    [Theory]
    [InlineData(TenantStatus.Pending, TenantStatus.Active, TenantStatusTrigger.Approve)]
    [InlineData(TenantStatus.Pending, TenantStatus.Rejected, TenantStatusTrigger.Reject)]
    [InlineData(TenantStatus.Active, TenantStatus.Paused, TenantStatusTrigger.Billing)]
    [InlineData(TenantStatus.Paused, TenantStatus.Active, TenantStatusTrigger.Billing)]
    [InlineData(TenantStatus.Active, TenantStatus.Suspended, TenantStatusTrigger.Staff)]
    [InlineData(TenantStatus.Suspended, TenantStatus.Active, TenantStatusTrigger.Staff)]
    [InlineData(TenantStatus.Suspended, TenantStatus.Closed, TenantStatusTrigger.Billing)]
    public void AllowedMoves_AreAllowed(TenantStatus from, TenantStatus to, TenantStatusTrigger trigger) =>
        Assert.True(TenantStatusMachine.IsAllowed(from, to, trigger));

    [Theory]
    [InlineData(TenantStatus.Active, TenantStatus.Active, TenantStatusTrigger.Approve)]
    [InlineData(TenantStatus.Pending, TenantStatus.Active, TenantStatusTrigger.Staff)]
    [InlineData(TenantStatus.Suspended, TenantStatus.Active, TenantStatusTrigger.Billing)]
    [InlineData(TenantStatus.Pending, TenantStatus.Paused, TenantStatusTrigger.Billing)]
    [InlineData(TenantStatus.Closed, TenantStatus.Active, TenantStatusTrigger.Staff)]
    [InlineData(TenantStatus.Rejected, TenantStatus.Active, TenantStatusTrigger.Approve)]
    public void ForbiddenMoves_AreInvalidTransitions(TenantStatus from, TenantStatus to, TenantStatusTrigger trigger)
    {
        var error = Assert.Throws<AdminException>(() => TenantStatusMachine.Ensure(from, to, trigger));
        Assert.Equal(409, error.Status);
        Assert.Equal("invalid_transition", error.Code);
    }

    [Fact]
    public void RejectedAndClosed_AreFinal()
    {
        foreach (var final in new[] { TenantStatus.Rejected, TenantStatus.Closed })
        {
            foreach (var to in Enum.GetValues<TenantStatus>())
            {
                foreach (var trigger in Enum.GetValues<TenantStatusTrigger>())
                {
                    Assert.False(TenantStatusMachine.IsAllowed(final, to, trigger));
                }
            }
        }
    }
}
