namespace EvalSpec.Tests.Metamorphic;

/// <summary>
/// SplitMix64 written from its published definition (Steele, Lea and Flood, "Fast splittable pseudorandom
/// number generators", OOPSLA 2014; Vigna's reference splitmix64.c), used as an independent oracle.
/// </summary>
internal static class SplitMix64Reference
{
    public const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;

    public static ulong[] Sequence(ulong seed, int count)
    {
        var values = new ulong[count];
        ulong x = seed;
        for (int i = 0; i < count; i++)
        {
            x = unchecked(x + GoldenGamma);
            values[i] = Mix(x);
        }

        return values;
    }

    /// <summary>The seed whose first output is <paramref name="output"/> (the finaliser is a bijection).</summary>
    public static ulong SeedProducing(ulong output) => unchecked(Unmix(output) - GoldenGamma);

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * Mix1;
            z = (z ^ (z >> 27)) * Mix2;
            return z ^ (z >> 31);
        }
    }

    private static ulong Unmix(ulong z)
    {
        unchecked
        {
            z = UndoXorShift(z, 31);
            z *= InverseOdd(Mix2);
            z = UndoXorShift(z, 27);
            z *= InverseOdd(Mix1);
            return UndoXorShift(z, 30);
        }
    }

    private static ulong UndoXorShift(ulong y, int shift)
    {
        ulong x = y;
        for (int i = 0; i < 64 / shift + 1; i++)
        {
            x = y ^ (x >> shift);
        }

        return x;
    }

    /// <summary>Inverse of an odd number modulo 2^64, by Newton's iteration.</summary>
    private static ulong InverseOdd(ulong a)
    {
        unchecked
        {
            ulong x = a;
            for (int i = 0; i < 6; i++)
            {
                x *= 2 - a * x;
            }

            return x;
        }
    }
}
