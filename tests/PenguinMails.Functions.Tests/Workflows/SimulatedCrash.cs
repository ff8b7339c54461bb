namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>Thrown by fault injectors where the worker process "dies": nothing after it runs.</summary>
public sealed class SimulatedCrash(string where) : Exception($"Simulated crash {where}.");
