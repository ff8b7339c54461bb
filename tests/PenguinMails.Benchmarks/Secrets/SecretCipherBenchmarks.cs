using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using PenguinMails.Admin.Infrastructure.Secrets;

namespace PenguinMails.Benchmarks.Secrets;

/// <summary>AES-256-GCM sealing and opening of one secret value, as the local store does per write and per reveal.</summary>
[MemoryDiagnoser]
public class SecretCipherBenchmarks
{
    private readonly SecretCipher _cipher = new(RandomNumberGenerator.GetBytes(SecretCipher.KeySize));
    private string _value = "";
    private EncryptedValue _sealed = null!;

    [Params(64, 4096)]
    public int ValueLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _value = new string('v', ValueLength);
        _sealed = _cipher.Encrypt(_value, "stripe-webhook-secret", "0123456789abcdef0123456789abcdef");
    }

    [Benchmark]
    public EncryptedValue Encrypt() => _cipher.Encrypt(_value, "stripe-webhook-secret", "0123456789abcdef0123456789abcdef");

    [Benchmark]
    public string Decrypt() => _cipher.Decrypt(_sealed, "stripe-webhook-secret", "0123456789abcdef0123456789abcdef");
}
