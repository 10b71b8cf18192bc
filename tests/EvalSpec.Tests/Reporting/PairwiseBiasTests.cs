using System.Text.Json;
using EvalSpec.Judging;
using EvalSpec.Reporting;
using EvalSpec.Reporting.Reports;
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

        RunSummaryFile.PairwiseSection bias = RunSummaryWriter.PairwiseBias(comparisons)!;

        bias.Comparisons.Should().Be(4);
        bias.PositionConsistency.Should().Be(0.3333, "1 of the 3 comparisons where both orders answered (the unreadable one is left out)");
        bias.PreferredFirstShown.Should().Be(4 / 5.0);
        bias.PreferredLonger.Should().Be(3 / 5.0);
    }

    [Fact]
    public void Equal_lengths_do_not_count_toward_the_verbosity_probe()
    {
        RunSummaryFile.PairwiseSection bias = RunSummaryWriter.PairwiseBias(new[] { new PairwiseComparison(PairwiseChoice.Candidate, PairwiseChoice.Candidate, 7, 7) })!;

        bias.PreferredLonger.Should().BeNull();
        bias.PreferredFirstShown.Should().Be(0.5);
    }

    [Fact]
    public void A_run_without_pairwise_judges_has_no_bias_section()
    {
        RunSummaryWriter.PairwiseBias(System.Array.Empty<PairwiseComparison>()).Should().BeNull();
    }
}
