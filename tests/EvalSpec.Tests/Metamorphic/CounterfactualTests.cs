using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class CounterfactualTests
{
    private const string Policy = "Laptops can be returned within 30 days of delivery. Refunds take 5 business days.";

    private readonly Counterfactual _counterfactual = new();

    private static RelationObservation Observation(string followUpOutput, string fact = "30 days -> 45 days") =>
        new("counterfactual", Policy, Policy.Replace("30", "45", StringComparison.Ordinal), "You have 30 days.", followUpOutput,
            new Dictionary<string, string> { ["edited fact"] = fact });

    /// <summary>The values an edit of <paramref name="value"/> may give: times 1.5, 2 or 3 (rounded), else plus 1 to 9.</summary>
    private static IEnumerable<decimal> PlausibleEdits(decimal value, int decimals) =>
        new[] { 1.5m, 2m, 3m }.Select(f => Math.Round(value * f, decimals, MidpointRounding.AwayFromZero)).Where(v => v != value)
            .Concat(Enumerable.Range(1, 9).Select(n => value + n));

    [Fact]
    public void The_first_number_with_its_unit_gets_another_plausible_value()
    {
        foreach (RelationRun run in RelationRun.ForEachRow(_counterfactual, Policy))
        {
            Match edited = Regex.Match(run.Output, @"^Laptops can be returned within (\d+) days of delivery\. Refunds take 5 business days\.$");
            edited.Success.Should().BeTrue(run.Output);
            decimal value = decimal.Parse(edited.Groups[1].Value, CultureInfo.InvariantCulture);
            PlausibleEdits(30m, 0).Should().Contain(value);
            run.Notes["edited fact"].Should().Be($"30 days -> {edited.Groups[1].Value} days");
        }
    }

    [Fact]
    public void The_same_row_always_gets_the_same_edit()
    {
        foreach (string rowId in RowIdSet.Fifty)
        {
            _counterfactual.Transform(Policy, RowIdSet.Context(rowId)).Should().Be(_counterfactual.Transform(Policy, RowIdSet.Context(rowId)));
        }
    }

    [Fact]
    public void Different_rows_get_different_values()
    {
        RowIdSet.TransformForEachRow(_counterfactual, Policy).Distinct().Should().HaveCount(3, "30 becomes 45, 60 or 90");
    }

    [Theory]
    [InlineData("It costs $49 today.", @"^It costs \$(\d+) today\.$", "49")]
    [InlineData("It costs €49.99 today.", @"^It costs €(\d+\.\d\d) today\.$", "49.99")]
    [InlineData("We stock 1,200 items.", @"^We stock (\d{1,3}(?:,\d{3})*) items\.$", "1,200")]
    [InlineData("Save 15% now.", @"^Save (\d+)% now\.$", "15")]
    [InlineData("Refunds take 5 business days.", @"^Refunds take (\d+) business days\.$", "5")]
    public void Currency_decimals_separators_percent_and_units_are_kept(string input, string pattern, string original)
    {
        foreach (string output in RowIdSet.TransformForEachRow(_counterfactual, input))
        {
            Match edited = Regex.Match(output, pattern);
            edited.Success.Should().BeTrue(output);
            edited.Groups[1].Value.Should().NotBe(original);
        }
    }

    [Fact]
    public void The_unit_follows_the_new_value_into_the_plural()
    {
        RowIdSet.TransformForEachRow(_counterfactual, "The warranty lasts 1 year.").Should().OnlyContain(output => Regex.IsMatch(output, @"^The warranty lasts ([2-9]|10) years\.$"));
    }

    [Fact]
    public void The_unit_follows_the_new_value_into_the_singular()
    {
        RowIdSet.TransformForEachRow(_counterfactual, "The fee is 0 dollars.").Should().Contain("The fee is 1 dollar.");
    }

    [Fact]
    public void The_edited_value_is_always_larger()
    {
        foreach (string input in new[] { "Within 30 days.", "Costs $49.99.", "Only 1 item.", "Fee: 0 dollars.", "Save 15%.", "We stock 1,200 items." })
        {
            foreach (RelationRun run in RelationRun.ForEachRow(_counterfactual, input))
            {
                string[] sides = run.Notes["edited fact"].Split(" -> ");
                decimal before = decimal.Parse(Regex.Match(sides[0], @"[\d,.]*\d").Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                decimal after = decimal.Parse(Regex.Match(sides[1], @"[\d,.]*\d").Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                after.Should().BeGreaterThan(before, run.Notes["edited fact"]);
            }
        }
    }

    [Fact]
    public void A_multi_word_unit_follows_the_new_value_and_keeps_its_case()
    {
        RowIdSet.TransformForEachRow(_counterfactual, "Refunds take 1 Working Day.").Should().OnlyContain(output => Regex.IsMatch(output, @"^Refunds take ([2-9]|10) Working Days\.$"));
    }

    [Fact]
    public void An_identifier_is_not_taken_for_a_fact_to_edit_and_an_attributive_unit_stays_singular()
    {
        foreach (RelationRun run in RelationRun.ForEachRow(_counterfactual, "Order number 12345 has a 30 day window."))
        {
            run.Output.Should().MatchRegex(@"^Order number 12345 has a \d+ day window\.$");
            run.Notes["edited fact"].Should().StartWith("30 day -> ");
        }
    }

    [Fact]
    public void A_year_is_not_taken_for_a_fact_to_edit()
    {
        foreach (string output in RowIdSet.TransformForEachRow(_counterfactual, "Since 2019 we offer 30 days."))
        {
            output.Should().StartWith("Since 2019 we offer ").And.NotBe("Since 2019 we offer 30 days.");
        }
    }

    [Theory]
    [InlineData("Returns are accepted within thirty days.")]
    [InlineData("See order #123, code A4, on 2024-01-03 at 3:30.")]
    [InlineData("No numbers here")]
    [InlineData("Founded in 1999.")]
    public void Text_without_an_editable_number_is_returned_unchanged_without_a_note(string input)
    {
        RelationRun run = RelationRun.Of(_counterfactual, input);

        run.Output.Should().Be(input);
        run.Notes.Should().BeEmpty();
    }

    [Fact]
    public void The_check_passes_when_the_answer_follows_the_edited_fact()
    {
        Verdict verdict = _counterfactual.Check(Observation("You can return it within 45 days of delivery."));

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Judge.Should().Be("counterfactual");
        verdict.Score.Should().Be(1.0);
    }

    [Theory]
    [InlineData("You have 45.00 days.")]
    [InlineData("There is a 45-day window.")]
    public void The_check_compares_numbers_by_value(string output)
    {
        _counterfactual.Check(Observation(output)).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public void The_check_reads_thousands_separators_either_way()
    {
        _counterfactual.Check(Observation("The limit is 1500 items.", "1,000 items -> 1,500 items")).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public void The_check_fails_when_the_answer_still_states_the_old_value()
    {
        Verdict verdict = _counterfactual.Check(Observation("You have 30 days to return it."));

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("30 days").And.Contain("45 days").And.Contain("original");
    }

    [Fact]
    public void The_check_fails_when_the_answer_states_both_values()
    {
        _counterfactual.Check(Observation("It used to be 30 days, now it is 45 days.")).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public void The_check_fails_when_the_answer_does_not_state_the_new_value()
    {
        Verdict verdict = _counterfactual.Check(Observation("You have a month."));

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().Contain("does not state the edited value \"45 days\"");
    }

    [Fact]
    public void The_check_counts_small_numbers_written_as_words()
    {
        _counterfactual.Check(Observation("Refunds take seven days.", "5 days -> 7 days")).Outcome.Should().Be(VerdictOutcome.Pass);
        _counterfactual.Check(Observation("Refunds take five days.", "5 days -> 7 days")).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public void The_check_is_inconclusive_without_an_edited_fact()
    {
        var observation = new RelationObservation("counterfactual", Policy, Policy, "a", "b", new Dictionary<string, string>());

        _counterfactual.Check(observation).Outcome.Should().Be(VerdictOutcome.Inconclusive);
    }

    [Fact]
    public void The_check_reads_the_note_its_own_transformation_leaves()
    {
        RelationRun run = RelationRun.Of(_counterfactual, Policy);
        string newValue = Regex.Match(run.Output, @"within (\d+) days").Groups[1].Value;
        var observation = new RelationObservation("counterfactual", Policy, run.Output, "30 days.", $"Within {newValue} days.", run.Notes);

        _counterfactual.Check(observation).Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public void Empty_input_stays_empty()
    {
        _counterfactual.Transform(string.Empty, RowIdSet.Context("row")).Should().BeEmpty();
    }

    [Fact]
    public void Whitespace_only_input_is_returned_unchanged()
    {
        _counterfactual.Transform(" \t\n ", RowIdSet.Context("row")).Should().Be(" \t\n ");
    }

    [Fact]
    public void Non_ASCII_text_is_kept_around_the_edit()
    {
        _counterfactual.Transform("Ångström café 東京", RowIdSet.Context("row")).Should().Be("Ångström café 東京");
        RowIdSet.TransformForEachRow(_counterfactual, "東京: 30 days, café").Should().OnlyContain(output => Regex.IsMatch(output, @"^東京: \d+ days, café$") && output != "東京: 30 days, café");
    }

    [Fact]
    public void A_very_long_input_gets_one_edit_quickly()
    {
        string input = RowIdSet.LongText() + "Returns within 30 days.";

        RelationRun run = RelationRun.Of(_counterfactual, input);

        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        run.Output.Should().StartWith(RowIdSet.LongText()).And.NotEndWith("30 days.");
        run.Notes["edited fact"].Should().StartWith("30 days -> ");
    }

    [Fact]
    public void A_huge_number_is_skipped_without_overflowing()
    {
        RelationRun run = RelationRun.Of(_counterfactual, new string('9', 40) + " days, or 3 weeks");

        run.Output.Should().EndWith(" days, or " + Regex.Match(run.Notes["edited fact"], @"-> (.*)$").Groups[1].Value);
        run.Notes["edited fact"].Should().StartWith("3 weeks -> ");
    }
}
