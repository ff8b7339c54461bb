using System.IO.Pipelines;

namespace PenguinMails.Functions.Http;

/// <summary>The connection's transport with its output replaced by a <see cref="KestrelRejectionWriter"/>.</summary>
public sealed record KestrelRejectionPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
