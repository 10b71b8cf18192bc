using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using EvalSpec.Execution;
using EvalSpec.Prompts;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// Shards (EVALSPEC_SHARD=k/N): every row in exactly one shard, every stratum's rows spread evenly over the shards, and
/// the same shards whatever order the population is listed in. A failure prints a CsCheck seed; set the environment
/// variable <c>CsCheck_Seed</c> to it to replay the case.
/// </summary>
public sealed class RowShardTests
{
    /// <summary>A population: strata of random sizes (0 to 12 rows), random row ids.</summary>
    private static readonly Gen<PopulationRow[]> Populations =
        Gen.Select(Gen.Int[1, 6], Gen.Int[0, 12].Array[1, 8], Gen.String[Gen.Char.AlphaNumeric, 1, 8])
            .Select((methods, sizes, salt) => sizes
                .SelectMany((size, stratum) => Enumerable.Range(0, size).Select(i =>
                    new PopulationRow($"Suite.M{stratum % methods}/{salt}{i}/v{stratum}/identity", $"Suite.M{stratum % methods}|v{stratum}|identity")))
                .ToArray());

    [Fact]
    public void Every_row_lands_in_exactly_one_shard_and_each_stratum_is_spread_evenly()
    {
        Gen.Select(Populations, Gen.Int[1, 9]).Sample((rows, count) =>
        {
            RowPopulation population = RowPopulation.From(rows);
            RowShard[] shards = Enumerable.Range(1, count).Select(k => RowShard.Select(population, k, count)).ToArray();

            foreach (PopulationRow row in rows)
            {
                shards.Count(s => s.Includes(row.RowId)).Should().Be(1, $"{row.RowId} must be in exactly one of {count} shards");
            }

            shards.Sum(s => s.Rows).Should().Be(population.Rows.Count);
            foreach (IGrouping<string, PopulationRow> stratum in rows.GroupBy(r => r.Stratum))
            {
                // Round-robin: each shard holds floor(n/N) or ceil(n/N) of the stratum, so a shard sees every stratum with N rows or more.
                int[] perShard = shards.Select(s => stratum.Count(r => s.Includes(r.RowId))).ToArray();
                (perShard.Max() - perShard.Min()).Should().BeLessThanOrEqualTo(1);
            }
        });
    }

    [Fact]
    public void The_shards_do_not_depend_on_the_order_the_rows_are_listed_in()
    {
        Gen.Select(Populations, Gen.Int[1, 5], Gen.Int).Sample((rows, count, seed) =>
        {
            PopulationRow[] shuffled = rows.OrderBy(_ => Random.Shared.Next()).ToArray();
            for (int k = 1; k <= count; k++)
            {
                RowShard a = RowShard.Select(RowPopulation.From(rows), k, count);
                RowShard b = RowShard.Select(RowPopulation.From(shuffled), k, count);
                rows.Where(r => a.Includes(r.RowId)).Should().Equal(rows.Where(r => b.Includes(r.RowId)));
            }
        });
    }

    [Fact]
    public void A_row_the_population_does_not_know_is_in_no_shard()
    {
        RowShard shard = RowShard.Select(RowPopulation.From([new PopulationRow("S.M/a/p/identity", "S.M|p|identity")]), 1, 1);

        shard.Includes("S.M/a/p/identity").Should().BeTrue();
        shard.Includes("S.M/b/p/identity").Should().BeFalse();
    }

    [Fact]
    public void The_population_of_descriptors_holds_every_case_variant_and_relation_and_its_fingerprint_follows_its_rows()
    {
        EvalMethodDescriptor method = Method("Answer", ["a", "b", "c"], ["formal", "casual"]);
        RowPopulation population = RowPopulation.Of([method, method]);

        population.Rows.Should().HaveCount(6);
        population.Rows.Select(r => r.Stratum).Distinct().Should().HaveCount(2);
        RowPopulation.Of([Method("Answer", ["a", "b", "c"], ["formal", "casual"])]).Fingerprint.Should().Be(population.Fingerprint);
        RowPopulation.Of([Method("Answer", ["a", "b", "d"], ["formal", "casual"])]).Fingerprint.Should().NotBe(population.Fingerprint);
        population.Fingerprint.Should().MatchRegex("^[0-9a-f]{16}$");
    }

    [Fact]
    public void Every_method_runs_in_every_shard_when_its_strata_have_enough_rows()
    {
        RowPopulation population = RowPopulation.Of([Method("One", ["a", "b", "c", "d"], ["p"]), Method("Two", ["a", "b", "c", "d", "e"], ["p"])]);

        for (int k = 1; k <= 4; k++)
        {
            RowShard shard = RowShard.Select(population, k, 4);
            population.Rows.Where(r => shard.Includes(r.RowId)).Select(r => r.RowId.Split('/')[0]).Distinct().Should().HaveCount(2);
        }
    }

    [Theory]
    [InlineData("1/4", 1, 4)]
    [InlineData(" 4 / 4 ", 4, 4)]
    [InlineData("1/1", 1, 1)]
    public void A_shard_setting_is_k_of_n(string value, int index, int count)
    {
        RowShard.Parse(value).Should().Be((index, count));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_shard_setting_runs_every_row(string? value)
    {
        RowShard.Parse(value).Should().BeNull();
    }

    [Theory]
    [InlineData("0/4", "between 1 and 4")]
    [InlineData("5/4", "between 1 and 4")]
    [InlineData("1/0", "N must be at least 1")]
    [InlineData("x", "not a shard")]
    [InlineData("1/4/2", "not a shard")]
    [InlineData("-1/4", "not a shard")]
    [InlineData("1.5/4", "not a shard")]
    [InlineData("١/٤", "not a shard")]
    public void A_bad_shard_setting_fails_naming_the_variable(string value, string why)
    {
        FluentActions.Invoking(() => RowShard.Parse(value)).Should().Throw<EvalConfigurationException>()
            .Which.Message.Should().Contain("EVALSPEC_SHARD").And.Contain(why).And.Contain("'" + value + "'");
    }

    [Fact]
    public void Options_validation_refuses_a_bad_shard()
    {
        var options = new EvalOptions { Shard = "5/4" };

        FluentActions.Invoking(options.Validate).Should().Throw<EvalConfigurationException>().WithMessage("*EVALSPEC_SHARD*");
    }

    [Fact]
    public void A_run_cuts_its_shard_from_every_row_of_the_assembly_and_draws_a_sample_within_the_shard()
    {
        string root = System.IO.Directory.CreateTempSubdirectory("evalspec-shard-").FullName;
        using EvalRunHost host = EvalRunHost.Create(new EvalRunSettings(typeof(RowShardTests).Assembly)
        {
            Options = new Dictionary<string, string?> { ["ResultsDirectory"] = root, ["Baseline"] = "ignore", ["Shard"] = "1/2", ["Sample"] = "1", ["RecordingsDirectory"] = System.IO.Path.Combine(root, "recordings") },
            Environment = new Dictionary<string, string>(),
        });
        RowPopulation population = RowPopulation.Of(typeof(RowShardTests).Assembly);
        PopulationRow[] inShard = population.Rows.Where(r => host.Shard!.Includes(r.RowId)).ToArray();

        // The test runner was given only some rows (a --filter): the shard is still cut from all of them.
        host.SelectSample(population.Rows.Take(population.Rows.Count / 2 + 1).Select(r => (r.RowId, r.Stratum)));

        host.Shard!.Name.Should().Be("1/2");
        host.Shard.Population.Fingerprint.Should().Be(population.Fingerprint);
        inShard.Should().NotBeEmpty();
        host.Sample!.PopulationRowIds.Should().OnlyContain(id => host.Shard.Includes(id), "the sample is drawn from the shard's rows the runner was given");
    }

    private static EvalMethodDescriptor Method(string name, string[] cases, string[] variants) => new(
        typeof(RowShardTests), name, null, 0.5, 0, Array.Empty<string>(),
        variants.Select(v => new PromptVariant(v, "Hello")).ToArray(),
        cases.Select(c => new EvalCaseDescriptor(c, Array.Empty<object?>(), null)).ToArray(),
        Array.Empty<RelationDescriptor>(),
        static (_, _, _) => new ValueTask<object?>((object?)null));
}
