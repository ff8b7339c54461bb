namespace PenguinMails.Functions.Hosting;

public enum FunctionKind
{
    Http,
    Timer,
    Queue,
    ServiceBus,
}
