using System.Text.Json;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

/// <summary>The run summary's position and verbosity bias of pairwise judges.</summary>
public sealed class PairwiseBiasTests
{
    [Fact]
    public void Position_consistency_first_shown_and_longer_preferences_are_shares_of_readable_choices()
    {
        // Candidate longer (10 vs 5) in all four.
        PairwiseComparison[] comparisons =
        {
            new(PairwiseChoice.Candidate, PairwiseChoice.Candidate, 10, 5),   // consistent; first shown once; longer twice
            new(PairwiseChoice.Candidate, PairwiseChoice.Reference, 10, 5),   // inconsistent; first shown twice; longer once
            new(PairwiseChoice.Tie, PairwiseChoice.Reference, 10, 5),         // one readable order: first shown once; longer zero
            new(PairwiseChoice.None, PairwiseChoice.None, 10, 5),             // nothing readable
        };

        JsonElement bias = JsonSerializer.SerializeToElement(RunSummaryWriter.PairwiseBias(comparisons));

        bias.GetProperty("comparisons").GetInt32().Should().Be(4);
        bias.GetProperty("positionConsistency").GetDouble().Should().Be(0.3333, "1 of the 3 comparisons where both orders answered (the unreadable one is left out)");
        bias.GetProperty("preferredFirstShown").GetDouble().Should().Be(4 / 5.0);
        bias.GetProperty("preferredLonger").GetDouble().Should().Be(3 / 5.0);
    }

    [Fact]
    public void Equal_lengths_do_not_count_toward_the_verbosity_probe()
    {
        JsonElement bias = JsonSerializer.SerializeToElement(RunSummaryWriter.PairwiseBias(new[] { new PairwiseComparison(PairwiseChoice.Candidate, PairwiseChoice.Candidate, 7, 7) }));

        bias.GetProperty("preferredLonger").ValueKind.Should().Be(JsonValueKind.Null);
        bias.GetProperty("preferredFirstShown").GetDouble().Should().Be(0.5);
    }

    [Fact]
    public void A_run_without_pairwise_judges_has_no_bias_section()
    {
        RunSummaryWriter.PairwiseBias(System.Array.Empty<PairwiseComparison>()).Should().BeNull();
    }
}
