using System;
using System.IO;
using System.Linq;
using System.Text;
using EvalSpec.Bench.Answers;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Llm;

/// <summary>
/// The fuzzing entry point of bench/EvalSpec.Bench.JudgeAnswers on its seed corpus and a few chosen inputs, so the
/// harness that fuzz.sh runs for a bounded time is known to work (the fuzz run itself is not part of the suite).
/// </summary>
public sealed class JudgeAnswerFuzzTargetTests
{
    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fuzz-corpus")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_entry_point_reads_every_seed_of_the_corpus(string seed)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fuzz-corpus", seed));

        FluentActions.Invoking(() => JudgeAnswerTarget.Run(input)).Should().NotThrow();
    }

    [Fact]
    public void The_corpus_has_seeds_of_every_input_mode()
    {
        byte[][] seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fuzz-corpus")).Select(File.ReadAllBytes).ToArray();

        seeds.Should().Contain(s => s.Length > 0 && s[0] == JudgeAnswerTarget.Utf16Mode)
            .And.Contain(s => s.Length > 0 && s[0] == JudgeAnswerTarget.RepeatMode)
            .And.HaveCountGreaterThan(5);
    }

    [Fact]
    public void Utf16_mode_gives_lone_surrogates_to_the_reader()
    {
        byte[] input = { JudgeAnswerTarget.Utf16Mode, 0x00, 0xD8, (byte)'V', 0 };

        JudgeAnswerTarget.Decode(input).Should().Be("\uD800V");
        FluentActions.Invoking(() => JudgeAnswerTarget.Run(input)).Should().NotThrow();
    }

    [Fact]
    public void Repeat_mode_fills_the_answer_to_just_under_the_size_cap()
    {
        byte[] input = new[] { JudgeAnswerTarget.RepeatMode }.Concat(Encoding.UTF8.GetBytes("{\"a\":")).ToArray();

        string answer = JudgeAnswerTarget.Decode(input);

        answer.Length.Should().BeInRange(JudgeAnswers.MaxAnswerLength - 5, JudgeAnswers.MaxAnswerLength);
        FluentActions.Invoking(() => JudgeAnswerTarget.Run(input)).Should().NotThrow();
    }

    [Fact]
    public void Other_input_is_read_as_UTF8()
    {
        JudgeAnswerTarget.Decode(Encoding.UTF8.GetBytes("Verdict: p\u0430ss")).Should().Be("Verdict: p\u0430ss");
    }
}
