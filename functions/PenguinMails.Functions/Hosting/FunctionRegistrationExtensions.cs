using NCrontab;

namespace PenguinMails.Functions.Hosting;

public static class FunctionRegistrationExtensions
{
    /// <summary>Registers a timer function with a 6-field NCRONTAB schedule ("sec min hour day month weekday").</summary>
    public static IServiceCollection AddTimerFunction<T>(this IServiceCollection services, string name, string schedule)
        where T : class, ITriggeredFunction
    {
        CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return services.AddFunction<T>(new FunctionRegistration(name, FunctionKind.Timer, schedule, typeof(T)));
    }

    /// <summary>Registers a storage-queue-triggered function on a logical queue name.</summary>
    public static IServiceCollection AddQueueFunction<T>(this IServiceCollection services, string name, string queue)
        where T : class, ITriggeredFunction =>
        services.AddFunction<T>(new FunctionRegistration(name, FunctionKind.Queue, queue, typeof(T)));

    /// <summary>Registers a Service Bus queue-triggered function.</summary>
    public static IServiceCollection AddServiceBusFunction<T>(this IServiceCollection services, string name, string queue)
        where T : class, ITriggeredFunction =>
        services.AddFunction<T>(new FunctionRegistration(name, FunctionKind.ServiceBus, queue, typeof(T)));

    private static IServiceCollection AddFunction<T>(this IServiceCollection services, FunctionRegistration registration)
        where T : class, ITriggeredFunction
    {
        services.AddSingleton(registration);
        services.AddScoped<T>();
        return services;
    }
}
