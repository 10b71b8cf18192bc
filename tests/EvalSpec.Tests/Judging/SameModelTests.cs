using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging;

public sealed class SameModelTests
{
    [Theory]
    [InlineData("gpt-4o", "gpt-4o", true)]
    [InlineData("GPT-4o", "gpt-4o", true)]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o", true)]
    [InlineData("gpt-4o", "gpt-4o-2024-08-06", true)]
    [InlineData("gpt-4o-mini", "gpt-4o", false)]
    [InlineData("gpt-4o", "gpt-4o-mini", false)]
    [InlineData("gpt-4o-", "gpt-4o", false)]
    [InlineData("gpt-4o", "gpt-4o-", false)]
    [InlineData("llama3.1", "qwen2.5", false)]
    public void Ignores_case_and_dated_snapshots_only(string judge, string systemUnderTest, bool same) =>
        SelfPreferenceGuard.SameModel(judge, systemUnderTest).Should().Be(same);
}
