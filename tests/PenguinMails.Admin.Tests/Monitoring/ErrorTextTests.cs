using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Tests.Monitoring;

public sealed class ErrorTextTests
{
    [Theory]
    [InlineData("connect failed: AccountKey=abc123secret;EndpointSuffix=x", "abc123secret")]
    [InlineData("call with Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.payload.sig failed", "eyJhbGciOiJSUzI1NiJ9")]
    [InlineData("GET https://vault.example/secrets/x?sig=AbCdEf&se=2030 returned 403", "AbCdEf")]
    [InlineData("user alice.smith@example.com not found", "alice.smith")]
    [InlineData("hash 0123456789abcdef0123456789abcdef0123 mismatch", "0123456789abcdef0123456789abcdef")]
    [InlineData("password='hunter2' rejected", "hunter2")]
    public void Secrets_AreMasked(string message, string secret)
    {
        var text = ErrorText.Describe(new InvalidOperationException(message));
        Assert.DoesNotContain(secret, text);
        Assert.StartsWith("InvalidOperationException: ", text);
    }

    [Fact]
    public void OnlyTheFirstLine_AndAtMostMaxLength_AreKept()
    {
        var text = ErrorText.Describe(new InvalidOperationException("first line\n   at Some.Stack.Frame()\n" + new string('x', 10)));
        Assert.Equal("InvalidOperationException: first line", text);
        Assert.True(ErrorText.Describe(new InvalidOperationException(string.Join(' ', Enumerable.Repeat("word", 200)))).Length <= ErrorText.MaxLength);
    }

    [Fact]
    public void RecordedErrors_AreSummarizedTheSameWay()
    {
        var text = ErrorText.Summarize("conflict: user bob@example.com holds AccountKey=abc123secret\n   at Some.Stack.Frame()");
        Assert.Equal("conflict: user ***@example.com holds AccountKey=***", text);
        Assert.True(ErrorText.Summarize(string.Join(' ', Enumerable.Repeat("word", 200))).Length <= ErrorText.MaxLength);
    }
}
