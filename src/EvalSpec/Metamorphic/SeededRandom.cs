using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvalSpec.Metamorphic;

/// <summary>
/// A <see cref="Random"/> driven by SplitMix64, so seeded sequences are identical across .NET versions
/// (System.Random documents no such guarantee for its seeded algorithm).
/// </summary>
internal sealed class SeededRandom : Random
{
    private ulong _state;

    public SeededRandom(ulong seed)
    {
        _state = seed;
    }

    /// <summary>Seeds from the first 8 bytes (little-endian) of the SHA-256 of <paramref name="key"/> (UTF-8).</summary>
    public static SeededRandom FromKey(string key)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new SeededRandom(BinaryPrimitives.ReadUInt64LittleEndian(hash));
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // Like System.Random, Next() and NextInt64() never return the type's MaxValue.
    public override int Next() => (int)NextInt64(int.MaxValue);

    public override int Next(int maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue));
        }

        return (int)NextInt64(maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue));
        }

        return (int)(minValue + NextInt64((long)maxValue - minValue));
    }

    public override long NextInt64() => NextInt64(long.MaxValue);

    public override long NextInt64(long maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue));
        }

        return maxValue <= 1 ? 0 : (long)(NextUInt64() % (ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue));
        }

        ulong range = (ulong)(maxValue - minValue);
        return range <= 1 ? minValue : minValue + (long)(NextUInt64() % range);
    }

    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)NextUInt64();
        }
    }

    protected override double Sample() => NextDouble();
}
