using System;
using System.Buffers.Binary;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class SeededRandomTests
{
    private static ulong[] Draw(SeededRandom random, int count) => Enumerable.Range(0, count).Select(_ => random.NextUInt64()).ToArray();

    [Fact]
    public void The_reference_oracle_reproduces_the_published_SplitMix64_test_vector()
    {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64": seed 1234567.
        SplitMix64Reference.Sequence(1234567, 5).Should().Equal(
            6457827717110365317UL,
            3203168211198807973UL,
            9817491932198370423UL,
            4593380528125082431UL,
            16408922859458223821UL);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1234567UL)]
    [InlineData(0xDEADBEEFCAFEBABEUL)]
    [InlineData(ulong.MaxValue)]
    public void Draws_follow_the_SplitMix64_sequence_of_the_seed(ulong seed)
    {
        Draw(new SeededRandom(seed), 64).Should().Equal(SplitMix64Reference.Sequence(seed, 64));
    }

    [Fact]
    public void A_key_seeds_the_generator_with_the_first_eight_bytes_of_its_SHA256_read_little_endian()
    {
        const string key = "FaqBot.Evals.ReturnsEvals.ReturnWindow/laptop/formal/typos";
        ulong seed = BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

        Draw(SeededRandom.FromKey(key), 16).Should().Equal(SplitMix64Reference.Sequence(seed, 16));
    }

    [Fact]
    public void The_same_key_gives_the_same_sequence()
    {
        Draw(SeededRandom.FromKey("row-1"), 32).Should().Equal(Draw(SeededRandom.FromKey("row-1"), 32));
    }

    [Fact]
    public void Different_keys_give_different_sequences()
    {
        var firstDraws = Enumerable.Range(0, 100).Select(i => SeededRandom.FromKey("row-" + i).NextUInt64()).ToHashSet();

        firstDraws.Should().HaveCount(100);
    }

    [Fact]
    public void NextDouble_stays_in_the_unit_interval_and_averages_one_half()
    {
        var random = new SeededRandom(42);
        double[] values = Enumerable.Range(0, 20_000).Select(_ => random.NextDouble()).ToArray();

        values.Should().OnlyContain(v => v >= 0.0 && v < 1.0);
        values.Average().Should().BeApproximately(0.5, 0.01);
    }

    [Fact]
    public void NextSingle_stays_in_the_unit_interval()
    {
        var random = new SeededRandom(7);

        Enumerable.Range(0, 10_000).Select(_ => random.NextSingle()).Should().OnlyContain(v => v >= 0f && v < 1f);
    }

    [Fact]
    public void Next_with_a_bound_stays_below_it_and_reaches_every_value()
    {
        var random = new SeededRandom(3);
        int[] values = Enumerable.Range(0, 600).Select(_ => random.Next(6)).ToArray();

        values.Should().OnlyContain(v => v >= 0 && v < 6);
        values.Distinct().Should().HaveCount(6);
    }

    [Fact]
    public void Next_with_a_range_stays_inside_it_and_reaches_both_ends()
    {
        var random = new SeededRandom(11);
        int[] values = Enumerable.Range(0, 1000).Select(_ => random.Next(-3, 4)).ToArray();

        values.Should().OnlyContain(v => v >= -3 && v < 4);
        values.Should().Contain(-3).And.Contain(3);
    }

    [Fact]
    public void Next_with_an_empty_range_returns_its_lower_bound()
    {
        new SeededRandom(5).Next(9, 9).Should().Be(9);
    }

    [Fact]
    public void Next_rejects_a_negative_bound()
    {
        Action draw = () => new SeededRandom(1).Next(-1);

        draw.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Next_rejects_a_lower_bound_above_the_upper_bound()
    {
        Action draw = () => new SeededRandom(1).Next(5, 4);

        draw.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Next_never_returns_int_MaxValue_as_System_Random_promises()
    {
        // System.Random.Next(): "greater than or equal to 0 and less than Int32.MaxValue".
        // The seed is chosen so that the first raw draw is all ones, the largest value the generator can produce.
        ulong seed = SplitMix64Reference.SeedProducing(ulong.MaxValue);
        SplitMix64Reference.Sequence(seed, 1)[0].Should().Be(ulong.MaxValue, "the oracle must invert its own finaliser");

        new SeededRandom(seed).Next().Should().BeLessThan(int.MaxValue);
    }

    [Fact]
    public void NextInt64_never_returns_long_MaxValue_as_System_Random_promises()
    {
        // System.Random.NextInt64(): "greater than or equal to 0 and less than Int64.MaxValue".
        ulong seed = SplitMix64Reference.SeedProducing(ulong.MaxValue);

        new SeededRandom(seed).NextInt64().Should().BeLessThan(long.MaxValue);
    }

    [Fact]
    public void NextBytes_fills_the_whole_buffer_reproducibly()
    {
        var first = new byte[37];
        var second = new byte[37];

        new SeededRandom(99).NextBytes(first);
        new SeededRandom(99).NextBytes(second);

        first.Should().Equal(second);
        first.Count(b => b != 0).Should().BeGreaterThan(30);
    }
}
