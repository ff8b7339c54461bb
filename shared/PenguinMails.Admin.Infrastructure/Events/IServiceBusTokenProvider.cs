namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>Issues the token that authorizes one entity (the audience is <c>amqp://{host}/{entity}</c>).</summary>
public interface IServiceBusTokenProvider
{
    Task<ServiceBusToken> GetTokenAsync(string audience, CancellationToken cancellationToken);
}
