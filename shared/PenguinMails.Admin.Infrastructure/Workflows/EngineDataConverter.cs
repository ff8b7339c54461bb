namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// DTFx's serializer port over the SDK's converter, so the client writes inputs and events exactly as the
/// orchestrators (run through the SDK's shims) read them: System.Text.Json, web defaults.
/// </summary>
public sealed class EngineDataConverter(Microsoft.DurableTask.DataConverter converter) : DurableTask.Core.Serializing.DataConverter
{
    public override string? Serialize(object value) => converter.Serialize(value);

    public override string? Serialize(object value, bool formatted) => converter.Serialize(value);

    public override object? Deserialize(string data, Type objectType) => converter.Deserialize(data, objectType);
}
