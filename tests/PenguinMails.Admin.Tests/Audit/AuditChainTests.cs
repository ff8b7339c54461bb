using System.Text.Json;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Tests.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEvent> Chain(int count)
    {
        var events = new List<AuditEvent>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var draft = new AuditEvent($"e{i}", "2026-11-25", i, new DateTimeOffset(2026, 11, 25, 10, 0, i, TimeSpan.Zero), "actor", "a@x.test",
                "staff.create", "staff", $"t{i}", null, JsonSerializer.SerializeToElement(new { n = i }), "why", "success", "10.0.0.1", "ua", "c", previous, "");
            var e = draft with { Hash = AuditChain.ComputeHash(draft) };
            events.Add(e);
            previous = e.Hash;
        }
        return events;
    }

    [Fact]
    public void AnIntactChain_Verifies() => Assert.Null(AuditChain.FindFirstBroken(Chain(5)));

    [Fact]
    public void EditingAnyField_BreaksTheChainAtThatEvent()
    {
        var events = Chain(5);
        events[2] = events[2] with { Reason = "edited" };
        Assert.Equal("e3", AuditChain.FindFirstBroken(events));
    }

    [Fact]
    public void RemovingAnEvent_BreaksTheChainAtTheNextOne()
    {
        var events = Chain(5);
        events.RemoveAt(1);
        Assert.Equal("e3", AuditChain.FindFirstBroken(events));
    }

    [Fact]
    public void SwappingTwoEvents_BreaksTheChain()
    {
        var events = Chain(5);
        (events[1], events[2]) = (events[2], events[1]);
        Assert.Equal("e3", AuditChain.FindFirstBroken(events));
    }

    [Fact]
    public void RecomputingAHashAfterAnEdit_StillBreaksTheSuccessor()
    {
        var events = Chain(5);
        var edited = events[1] with { After = JsonSerializer.SerializeToElement(new { n = 99 }) };
        events[1] = edited with { Hash = AuditChain.ComputeHash(edited) };
        Assert.Equal("e3", AuditChain.FindFirstBroken(events));
    }

    [Fact]
    public void NullAndEmptyReasons_HashDifferently()
    {
        var e = Chain(1)[0];
        Assert.NotEqual(AuditChain.ComputeHash(e with { Reason = null }), AuditChain.ComputeHash(e with { Reason = "" }));
    }
}
