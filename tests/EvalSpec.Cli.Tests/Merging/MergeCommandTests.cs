using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EvalSpec.Cli.Tests.Reporting;
using EvalSpec.Execution;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Merging;

/// <summary>
/// <c>evalspec merge</c> over shard folders written as a sharded run writes them (rows split by <see cref="RowShard"/>,
/// summary.json with its <c>shard</c> section): one run the gate reads as the unsharded run, and clear refusals.
/// </summary>
public sealed class MergeCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Project => _folder.Combine("Shop.Evals");

    private string Results => Path.Combine(Project, "TestResults", "evalspec");

    private static readonly RowPopulation Population = RowPopulation.From(
        RunFiles.Suite16().Select(r => new PopulationRow(r.RowId, RowSample.StratumOf(RunFiles.Suite + "." + r.Method, r.Variant, r.Relation))));

    /// <summary>Writes shard k of n of <paramref name="rows"/> as its own run folder.</summary>
    private string WriteShard(IReadOnlyList<ResultRow> rows, int k, int n, string? fingerprint = null, string assembly = "Shop.Evals", string? runId = null, JsonObject? identity = null)
    {
        RowShard shard = RowShard.Select(Population, k, n);
        ResultRow[] mine = rows.Where(r => shard.Includes(r.RowId)).ToArray();
        string folder = RunFiles.Write(Project, runId ?? $"shard-{k}-of-{n}", mine, withSummary: false);
        string summaryPath = Path.Combine(folder, "summary.json");

        // The sections a sharded run writes that the merge reads or adds up.
        var summary = new JsonObject
        {
            ["runId"] = Path.GetFileName(folder),
            ["wallTimeMs"] = 1000.0 * k,
            ["systemUnderTestCalls"] = mine.Length,
            ["judges"] = new JsonObject { ["llama"] = new JsonObject { ["pass"] = mine.Count(r => r.Outcome == "pass"), ["modelCalls"] = mine.Length } },
            ["multiPrompt"] = new JsonObject { [RunFiles.Suite + ".RefundWindow"] = new JsonObject { ["variants"] = new JsonArray("formal", "casual"), ["cases"] = 12 } },
        };
        summary["shard"] = new JsonObject
        {
            ["index"] = k,
            ["count"] = n,
            ["assembly"] = assembly,
            ["populationRows"] = Population.Rows.Count,
            ["populationFingerprint"] = fingerprint ?? Population.Fingerprint,
            ["shardRows"] = shard.Rows,
            ["skippedOutsideShard"] = Population.Rows.Count - shard.Rows,
        };
        if (identity is not null)
        {
            summary["shard"]!["identity"] = identity.DeepClone();
        }

        File.WriteAllText(summaryPath, summary.ToJsonString());
        return folder;
    }

    private string[] WriteShards(IReadOnlyList<ResultRow> rows, int n) => Enumerable.Range(1, n).Select(k => WriteShard(rows, k, n)).ToArray();

    [Fact]
    public async Task Merged_shards_hold_every_row_once_and_gate_like_the_unsharded_run()
    {
        List<ResultRow> baseline = RunFiles.Suite16();
        string baselineRun = RunFiles.Write(Project, "base", baseline);
        (await Cli.RunAsync("baseline", "update", "--run", baselineRun)).ExitCode.Should().Be(0);
        List<ResultRow> degraded = RunFiles.Failing(baseline, "fail", "c00", "c01", "c02", "c03", "c04", "c05");
        string unsharded = RunFiles.Write(Project, "unsharded", degraded);
        string[] shards = WriteShards(degraded, 4);
        string merged = Path.Combine(Results, "merged");

        CliResult merge = await Cli.RunAsync(["merge", .. shards, "--out", merged]);

        merge.ExitCode.Should().Be(0, merge.ToString());
        merge.Output.Should().Contain("24 rows");
        File.ReadAllLines(Path.Combine(merged, "results.jsonl")).Select(l => JsonNode.Parse(l)!["rowId"]!.GetValue<string>())
            .Should().Equal(degraded.Select(r => r.RowId).Order(StringComparer.Ordinal));
        new[] { "summary.json", "report.md", "report.html" }.Should().OnlyContain(f => File.Exists(Path.Combine(merged, f)));
        JsonObject summary = JsonNode.Parse(File.ReadAllText(Path.Combine(merged, "summary.json")))!.AsObject();
        summary["rows"]!["total"]!.GetValue<int>().Should().Be(24);
        summary["rows"]!["fail"]!.GetValue<int>().Should().Be(8);
        summary["merge"]!["shards"]!.AsArray().Should().HaveCount(4);
        summary["merge"]!["populationFingerprint"]!.GetValue<string>().Should().Be(Population.Fingerprint);
        summary["robustness"]![RunFiles.Suite + ".Warranty"]!["overall"]!["violated"]!.GetValue<int>().Should().Be(1);
        summary["multiPrompt"]![RunFiles.Suite + ".RefundWindow"]!["casesUsed"]!.GetValue<int>().Should().Be(4);
        summary["multiPrompt"]![RunFiles.Suite + ".RefundWindow"]!["variants"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("formal", "casual");
        summary["systemUnderTestCalls"]!.GetValue<int>().Should().Be(24);
        summary["judges"]!["llama"]!["modelCalls"]!.GetValue<int>().Should().Be(24);
        summary["wallTimeMs"]!.GetValue<double>().Should().Be(4000.0);

        CliResult gateMerged = await Cli.RunAsync("gate", "--run", merged);
        CliResult gateUnsharded = await Cli.RunAsync("gate", "--run", unsharded);
        gateMerged.ExitCode.Should().Be(1, gateMerged.ToString());
        gateMerged.ExitCode.Should().Be(gateUnsharded.ExitCode);
    }

    private static JsonObject Identity(string commit = "0123456789abcdef0123456789abcdef01234567", string options = "aaaa000011112222", string judges = "bbbb000011112222", string baseline = "none", string evals = "dddd000011112222") =>
        new() { ["commit"] = commit, ["options"] = options, ["judges"] = judges, ["baseline"] = baseline, ["evals"] = evals };

    [Theory]
    [InlineData("commit", "was built from commit", "one commit")]
    [InlineData("options", "other options that change verdicts", "EVALSPEC_ variables")]
    [InlineData("judges", "other judges", "same judges")]
    [InlineData("baseline", "another committed baseline", "evalspec.baseline.json")]
    [InlineData("evals", "other eval definitions", "an uncommitted change")]
    public async Task Shards_of_the_same_rows_decided_by_another_commit_options_judges_or_baseline_are_refused_naming_the_part(string part, string says, string todo)
    {
        JsonObject other = Identity();
        other[part] = part == "commit" ? "fedcba9876543210fedcba9876543210fedcba98" : "cccc000011112222";
        string first = WriteShard(RunFiles.Suite16(), 1, 2, identity: Identity());
        string second = WriteShard(RunFiles.Suite16(), 2, 2, identity: other);
        string merged = Path.Combine(Results, "merged");

        CliResult result = await Cli.RunAsync("merge", first, second, "--out", merged);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(first).And.Contain(second).And.Contain(says).And.Contain("shard.identity." + part).And.Contain(todo)
            .And.Contain(other[part]!.GetValue<string>());
        Directory.Exists(merged).Should().BeFalse();
    }

    [Fact]
    public async Task A_shard_written_before_the_evals_hash_existed_merges_with_one_that_has_it_compared_by_the_other_parts()
    {
        // Summaries of an EvalSpec before "evals" was recorded have the other four parts: those still decide.
        JsonObject older = Identity();
        older.Remove("evals");
        string first = WriteShard(RunFiles.Suite16(), 1, 2, identity: older);
        string second = WriteShard(RunFiles.Suite16(), 2, 2, identity: Identity());

        CliResult result = await Cli.RunAsync("merge", first, second, "--out", Path.Combine(Results, "merged"));

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Shards_of_one_identity_merge_and_an_unknown_commit_is_not_a_difference()
    {
        string first = WriteShard(RunFiles.Suite16(), 1, 2, identity: Identity());
        JsonObject noCommit = Identity();
        noCommit.Remove("commit");
        string second = WriteShard(RunFiles.Suite16(), 2, 2, identity: noCommit);

        CliResult result = await Cli.RunAsync("merge", first, second, "--out", Path.Combine(Results, "merged"));

        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Shards_of_two_commits_are_refused_when_the_first_shard_does_not_know_its_commit()
    {
        // Review: each shard was compared with the first only, so a first shard without a commit let two others of
        // different commits merge (null on one side is skipped).
        JsonObject noCommit = Identity();
        noCommit.Remove("commit");
        string first = WriteShard(RunFiles.Suite16(), 1, 3, identity: noCommit);
        string second = WriteShard(RunFiles.Suite16(), 2, 3, identity: Identity(commit: "1111111111111111111111111111111111111111"));
        string third = WriteShard(RunFiles.Suite16(), 3, 3, identity: Identity(commit: "2222222222222222222222222222222222222222"));
        string merged = Path.Combine(Results, "merged");

        CliResult result = await Cli.RunAsync("merge", first, second, third, "--out", merged);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("shard.identity.commit").And.Contain(second).And.Contain(third);
        Directory.Exists(merged).Should().BeFalse();
    }

    [Fact]
    public async Task A_shard_of_an_older_evalspec_without_identity_is_refused_beside_shards_with_one()
    {
        string first = WriteShard(RunFiles.Suite16(), 1, 2, identity: Identity());
        string older = WriteShard(RunFiles.Suite16(), 2, 2);

        CliResult result = await Cli.RunAsync("merge", first, older, "--out", Path.Combine(Results, "merged"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(older + " was written by an EvalSpec that did not record what decides its verdicts").And.Contain("Run " + older + " again");
    }

    [Fact]
    public async Task Merged_panel_agreement_and_pairwise_statistics_are_recomputed_from_the_rows_judgements()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 4);
        string[] order = RunFiles.Suite16().Select(r => r.RowId).Order(StringComparer.Ordinal).ToArray();
        foreach (string shard in shards)
        {
            // Each row as a run writes it now: the panel verdicts its judging counted. llama fails every other row, qwen
            // agrees except on 4 of llama's passes; a pairwise judge chose the output shown first in one order of 8 rows.
            string results = Path.Combine(shard, "results.jsonl");
            string[] lines = File.ReadAllLines(results).Select(l =>
            {
                JsonObject line = JsonNode.Parse(l)!.AsObject();
                int i = Array.IndexOf(order, line["rowId"]!.GetValue<string>());
                string llama = i % 2 == 0 ? "pass" : "fail";
                string qwen = i % 6 == 0 ? "fail" : llama;
                line["judgements"] = new JsonArray(
                    new JsonObject
                    {
                        ["panel"] = "rubric",
                        ["verdicts"] = new JsonArray(
                            new JsonObject { ["judge"] = "llama", ["outcome"] = llama, ["modelCalls"] = 1 },
                            new JsonObject { ["judge"] = "qwen", ["outcome"] = qwen, ["modelCalls"] = 1 }),
                    },
                    new JsonObject
                    {
                        ["panel"] = "comparison",
                        ["verdicts"] = new JsonArray(new JsonObject
                        {
                            ["judge"] = "pairwise",
                            ["outcome"] = "pass",
                            ["pairwise"] = new JsonObject { ["candidateFirst"] = i % 3 == 0 ? "candidate" : "reference", ["referenceFirst"] = "reference", ["candidateLength"] = 10, ["referenceLength"] = 20 },
                        }),
                    });
                return line.ToJsonString();
            }).ToArray();
            File.WriteAllLines(results, lines);

            // The shard's own panels section, with the agreement of its own rows only: the merge must not keep or add it.
            JsonObject summary = JsonNode.Parse(File.ReadAllText(Path.Combine(shard, "summary.json")))!.AsObject();
            summary["panels"] = new JsonObject
            {
                ["rubric"] = new JsonObject { ["quorum"] = 2, ["judgements"] = lines.Length, ["judgesAsked"] = 2 * lines.Length, ["judgesSkipped"] = 0, ["agreement"] = new JsonObject { ["items"] = lines.Length, ["fleissItemsUsed"] = lines.Length, ["krippendorffItemsUsed"] = lines.Length, ["pairs"] = new JsonArray() } },
                ["comparison"] = new JsonObject { ["judgements"] = lines.Length, ["judgesAsked"] = lines.Length, ["judgesSkipped"] = 0 },
            };
            summary["pairwise"] = new JsonObject { ["comparisons"] = lines.Length, ["positionConsistency"] = 0.0 };
            File.WriteAllText(Path.Combine(shard, "summary.json"), summary.ToJsonString());
        }

        string merged = Path.Combine(Results, "merged");
        CliResult merge = await Cli.RunAsync(["merge", .. shards, "--out", merged]);

        merge.ExitCode.Should().Be(0, merge.ToString());
        JsonObject result = JsonNode.Parse(File.ReadAllText(Path.Combine(merged, "summary.json")))!.AsObject();
        result["panels"]!["rubric"]!["quorum"]!.GetValue<int>().Should().Be(2, "a quorum is a setting, not a count to add up");
        result["panels"]!["rubric"]!["judgements"]!.GetValue<int>().Should().Be(24);
        JsonNode agreement = result["panels"]!["rubric"]!["agreement"]!;
        agreement["items"]!.GetValue<int>().Should().Be(24);
        agreement["fleissItemsUsed"]!.GetValue<int>().Should().Be(24);
        agreement["krippendorffItemsUsed"]!.GetValue<int>().Should().Be(24);
        JsonNode pair = agreement["pairs"]!.AsArray().Single()!;
        pair["judges"]!.GetValue<string>().Should().Be("llama / qwen");
        pair["itemsUsed"]!.GetValue<int>().Should().Be(24);

        // 20 of 24 agree; llama passes 12 of 24, qwen 8: chance agreement 0.5, kappa (0.8333 - 0.5) / 0.5.
        pair["observedAgreement"]!.GetValue<double>().Should().Be(0.8333);
        pair["cohensKappa"]!.GetValue<double>().Should().Be(0.6667);
        agreement["fleissKappa"]!.GetValue<double>().Should().BeApproximately(0.6571, 0.0001, "Fleiss' kappa of two raters with these margins");
        result["panels"]!["comparison"]!["agreement"].Should().BeNull("a one-judge panel has no agreement");

        // 24 comparisons, 16 consistent; 32 of 48 readable orders chose the output shown first, 40 the longer (the reference).
        JsonNode pairwise = result["pairwise"]!;
        pairwise["comparisons"]!.GetValue<int>().Should().Be(24);
        pairwise["positionConsistency"]!.GetValue<double>().Should().Be(0.6667);
        pairwise["preferredFirstShown"]!.GetValue<double>().Should().Be(0.6667);
        pairwise["preferredLonger"]!.GetValue<double>().Should().Be(0.8333);
        result["merge"]!["notMerged"]!.AsArray().Should().BeEmpty();
        result["merge"]!["recomputed"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain(["panels.*.agreement", "pairwise"]);
    }

    [Fact]
    public async Task Shards_whose_lines_lack_judgements_merge_without_agreement_and_say_so()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 2);
        foreach (string shard in shards)
        {
            JsonObject summary = JsonNode.Parse(File.ReadAllText(Path.Combine(shard, "summary.json")))!.AsObject();
            summary["panels"] = new JsonObject { ["rubric"] = new JsonObject { ["judgements"] = 3, ["judgesAsked"] = 6, ["judgesSkipped"] = 0, ["agreement"] = new JsonObject { ["items"] = 3, ["fleissItemsUsed"] = 3, ["krippendorffItemsUsed"] = 3, ["pairs"] = new JsonArray() } } };
            File.WriteAllText(Path.Combine(shard, "summary.json"), summary.ToJsonString());
        }

        string merged = Path.Combine(Results, "merged");
        CliResult merge = await Cli.RunAsync(["merge", .. shards, "--out", merged]);

        merge.ExitCode.Should().Be(0, merge.ToString());
        JsonObject result = JsonNode.Parse(File.ReadAllText(Path.Combine(merged, "summary.json")))!.AsObject();
        result["panels"]!["rubric"]!["agreement"].Should().BeNull("a shard's own agreement is not the merged run's");
        result["panels"]!["rubric"]!["judgements"]!.GetValue<int>().Should().Be(6);
        result["merge"]!["notMerged"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("panels.*.agreement", "pairwise");
    }

    [Fact]
    public async Task A_missing_shard_is_refused_naming_it_and_nothing_is_written()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 4);
        string merged = Path.Combine(Results, "merged");

        CliResult result = await Cli.RunAsync(["merge", shards[0], shards[1], shards[3], "--out", merged]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("3/4").And.Contain("missing").And.Contain("EVALSPEC_SHARD=3/4");
        Directory.Exists(merged).Should().BeFalse();
        Directory.EnumerateDirectories(Results).Should().NotContain(d => Path.GetFileName(d).Contains("merging"));
    }

    [Fact]
    public async Task A_shard_given_twice_is_refused_as_overlapping()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 2);
        string again = WriteShard(RunFiles.Suite16(), 1, 2, runId: "shard-1-again");

        CliResult result = await Cli.RunAsync("merge", shards[0], shards[1], again, "--out", Path.Combine(Results, "merged"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("Shard 1/2 was given twice").And.Contain("shard-1-again").And.Contain("overlap");
    }

    [Fact]
    public async Task Shards_with_a_row_in_two_folders_are_refused_naming_the_row()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 2);
        string rowOfTwo = File.ReadLines(Path.Combine(shards[1], "results.jsonl")).First();
        File.AppendAllText(Path.Combine(shards[0], "results.jsonl"), rowOfTwo + "\n");

        CliResult result = await Cli.RunAsync("merge", shards[0], shards[1], "--out", Path.Combine(Results, "merged"));

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain(JsonNode.Parse(rowOfTwo)!["rowId"]!.GetValue<string>()).And.Contain("overlap");
    }

    [Fact]
    public async Task Shards_of_different_n_populations_or_suites_are_refused()
    {
        List<ResultRow> rows = RunFiles.Suite16();
        string a = WriteShard(rows, 1, 2, runId: "a");
        string ofThree = WriteShard(rows, 2, 3, runId: "b");
        string otherBuild = WriteShard(rows, 2, 2, fingerprint: "0123456789abcdef", runId: "c");
        string otherSuite = WriteShard(rows, 2, 2, assembly: "Other.Evals", runId: "d");

        CliResult differentN = await Cli.RunAsync("merge", a, ofThree, "--out", Path.Combine(Results, "m1"));
        CliResult differentPopulation = await Cli.RunAsync("merge", a, otherBuild, "--out", Path.Combine(Results, "m2"));
        CliResult differentSuite = await Cli.RunAsync("merge", a, otherSuite, "--out", Path.Combine(Results, "m3"));

        differentN.Error.Should().Contain(ofThree).And.Contain("same N");
        differentPopulation.Error.Should().Contain(otherBuild).And.Contain("different set of rows").And.Contain("same build");
        differentSuite.Error.Should().Contain("Other.Evals").And.Contain("different suites");
        new[] { differentN, differentPopulation, differentSuite }.Should().OnlyContain(r => r.ExitCode == 2);
        new[] { "m1", "m2", "m3" }.Should().OnlyContain(m => !Directory.Exists(Path.Combine(Results, m)));
    }

    [Fact]
    public async Task A_run_that_is_not_a_shard_or_did_not_finish_is_refused()
    {
        string unsharded = RunFiles.Write(Project, "unsharded", RunFiles.Suite16());
        string unfinished = RunFiles.Write(Project, "unfinished", RunFiles.Suite16().Take(3), withSummary: false);
        string shard = WriteShard(RunFiles.Suite16(), 1, 2);

        CliResult notShard = await Cli.RunAsync("merge", shard, unsharded, "--out", Path.Combine(Results, "m1"));
        CliResult notFinished = await Cli.RunAsync("merge", shard, unfinished, "--out", Path.Combine(Results, "m2"));

        notShard.Error.Should().Contain(unsharded).And.Contain("EVALSPEC_SHARD=k/N");
        notFinished.Error.Should().Contain(unfinished).And.Contain("did not finish").And.Contain("EVALSPEC_RESUME");
    }

    [Fact]
    public async Task An_existing_output_folder_is_left_alone()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 2);
        string merged = Path.Combine(Results, "merged");
        Directory.CreateDirectory(merged);
        File.WriteAllText(Path.Combine(merged, "keep.txt"), "mine");

        CliResult result = await Cli.RunAsync("merge", shards[0], shards[1], "--out", merged);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("already exists");
        Directory.EnumerateFileSystemEntries(merged).Select(Path.GetFileName).Should().Equal("keep.txt");
    }

    [Fact]
    public async Task The_shards_review_queues_are_merged_not_lost()
    {
        List<ResultRow> rows = RunFiles.Suite16();
        string[] shards = WriteShards(rows, 3);
        var expected = new List<string>();
        foreach (string shard in shards.Take(2))
        {
            // A cascade abstained on the shard's first row: the shard's review.jsonl, as the run writes it.
            string rowId = File.ReadLines(Path.Combine(shard, "results.jsonl")).Select(l => JsonNode.Parse(l)!["rowId"]!.GetValue<string>()).First();
            string id = ReviewQueue.IdOf(rowId, "output of " + rowId);
            expected.Add(id);
            File.WriteAllText(Path.Combine(shard, ReviewQueue.FileName), ReviewQueue.ToLine(new ReviewItem
            {
                Id = id,
                RowId = rowId,
                Reason = ReviewQueue.Abstained,
                Cascade = "cascade",
                Outcome = "inconclusive",
                Output = "output of " + rowId,
                Tiers = new[] { new ReviewTier { Name = "cheap", Judges = new[] { new ReviewJudge { Name = "a", Model = "small", Verdicts = new[] { new ReviewVerdict("pass", "ok", false) } } }, Votes = new[] { new CascadeVote("a", 1, null, VerdictOutcome.Pass) } } },
            }) + "\n");

            // The shard's summary points at its own queue, as a run writes it.
            string summaryPath = Path.Combine(shard, "summary.json");
            JsonObject summary = JsonNode.Parse(File.ReadAllText(summaryPath))!.AsObject();
            summary["cascades"] = new JsonObject { ["cascade"] = new JsonObject { ["judged"] = 8, ["abstained"] = 1, ["reviewQueue"] = Path.Combine(shard, ReviewQueue.FileName) } };
            File.WriteAllText(summaryPath, summary.ToJsonString());
        }

        string merged = Path.Combine(Results, "merged");
        CliResult merge = await Cli.RunAsync(["merge", .. shards, "--out", merged]);

        merge.ExitCode.Should().Be(0, merge.ToString());
        string queue = Path.Combine(merged, ReviewQueue.FileName);
        File.Exists(queue).Should().BeTrue("the rows the shards' cascades abstained on still need a person: evalspec review reads the merged run");
        ReviewQueue.Read(queue).Select(i => i.Id).Should().BeEquivalentTo(expected);
        JsonObject mergedSummary = JsonNode.Parse(File.ReadAllText(Path.Combine(merged, "summary.json")))!.AsObject();
        mergedSummary["cascades"]!["cascade"]!["abstained"]!.GetValue<int>().Should().Be(2);
        mergedSummary["cascades"]!["cascade"]!["reviewQueue"]!.GetValue<string>().Should().Be(queue, "the merged summary names the merged queue, not the first shard's");
    }

    [Fact]
    public async Task The_gate_command_the_merge_prints_runs()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 2);
        string merged = Path.Combine(Results, "merged");
        CliResult merge = await Cli.RunAsync(["merge", .. shards, "--out", merged]);
        merge.ExitCode.Should().Be(0, merge.ToString());

        // The command the output tells the user to run next, run as printed.
        string printed = System.Text.RegularExpressions.Regex.Match(merge.Output, "`evalspec (gate[^`]*)`").Groups[1].Value;
        printed.Should().NotBeEmpty(merge.Output);
        CliResult gate = await Cli.RunAsync(printed.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        gate.Error.Should().NotContain("Unrecognized", gate.ToString());
        gate.Error.Should().Contain(merged, "it reads the merged run (which has no baseline yet)");
        (await Cli.RunAsync("baseline", "update", "--run", merged)).ExitCode.Should().Be(0);
        gate = await Cli.RunAsync(printed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        gate.ExitCode.Should().Be(0, gate.ToString());
    }

    /// <summary>Adds a spend section to a run's summary.json, as a run with token counts writes it.</summary>
    private static void WithSpend(string run, int rows, long tokens)
    {
        string path = Path.Combine(run, "summary.json");
        JsonObject summary = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        summary["spend"] = new JsonObject
        {
            [RunFiles.Suite + ".RefundWindow"] = new JsonObject
            {
                ["total"] = new JsonObject { ["rows"] = rows, ["sutTokens"] = tokens, ["judgeTokens"] = 0, ["meanLatencyMs"] = 800.0, ["p95LatencyMs"] = 800.0, ["costUsd"] = 0.01 * rows, ["unpricedRows"] = 0 },
                ["variants"] = new JsonObject(),
            },
        };
        File.WriteAllText(path, summary.ToJsonString());
    }

    [Fact]
    public async Task The_gate_of_a_merged_run_does_not_take_one_of_its_own_shards_for_the_previous_run()
    {
        List<ResultRow> rows = RunFiles.Suite16();
        string[] shards = WriteShards(rows, 2);
        foreach (string shard in shards)
        {
            WithSpend(shard, rows: 8, tokens: 8_000);
        }

        // Merged beside its shards (the default place: merged-<time> beside the first shard's folder).
        string merged = Path.Combine(Results, "merged");
        (await Cli.RunAsync(["merge", .. shards, "--out", merged])).ExitCode.Should().Be(0);
        WithSpend(merged, rows: 16, tokens: 16_000);
        (await Cli.RunAsync("baseline", "update", "--run", merged)).ExitCode.Should().Be(0);

        CliResult gate = await Cli.RunAsync("gate", "--run", merged);

        gate.ExitCode.Should().Be(0, gate.ToString());
        gate.Output.Should().NotContain("shard-", "a shard is a part of this run, not an earlier run to compare its spend with: " + gate)
            .And.Contain("Spend: not compared: no earlier run");
    }

    [Fact]
    public async Task The_staging_folder_a_merge_killed_mid_write_leaves_is_not_taken_for_the_newest_run()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 2);
        string merged = Path.Combine(Results, "merged");
        (await Cli.RunAsync(["merge", .. shards, "--out", merged])).ExitCode.Should().Be(0);

        // A later merge killed after writing its results.jsonl, before the rename: its hidden staging folder stays.
        string staging = Path.Combine(Results, ".merged-2.merging-0badc0de");
        Directory.CreateDirectory(staging);
        File.WriteAllLines(Path.Combine(staging, "results.jsonl"), File.ReadLines(Path.Combine(merged, "results.jsonl")).Take(3));
        File.SetLastWriteTimeUtc(Path.Combine(staging, "results.jsonl"), DateTime.UtcNow.AddMinutes(1));

        EvalSpec.Reporting.Reports.RunFolders.Latest(Project).Should().Be(merged, "evalspec gate, report and compare without --run take the newest run, and a half-written merge is no run");
        EvalSpec.Reporting.Reports.RunFolders.List(Results).Should().NotContain(staging);
    }

    [Fact]
    public async Task The_merged_files_name_the_merged_folder_not_the_staging_folder()
    {
        List<ResultRow> rows = RunFiles.Suite16();
        string baselineRun = RunFiles.Write(Project, "base", rows);
        (await Cli.RunAsync("baseline", "update", "--run", baselineRun)).ExitCode.Should().Be(0);
        string[] shards = WriteShards(RunFiles.Failing(rows, "fail", "c00", "c01"), 2);
        string merged = Path.Combine(Results, "merged");

        (await Cli.RunAsync(["merge", .. shards, "--out", merged])).ExitCode.Should().Be(0);

        foreach (string file in Directory.EnumerateFiles(merged))
        {
            File.ReadAllText(file).Should().NotContain(".merging-", $"{Path.GetFileName(file)} is read after the staging folder was renamed");
        }
    }

    [Fact]
    public async Task A_merge_that_fails_while_writing_leaves_no_output_folder()
    {
        string[] shards = WriteShards(RunFiles.Suite16(), 2);

        // A torn row in a shard is found while reading; a run folder that cannot be read is refused before anything is written.
        File.AppendAllText(Path.Combine(shards[1], "results.jsonl"), "{\"rowId\": \"Shop.RefundEvals.Warranty/w9/pl");
        string merged = Path.Combine(Results, "merged");

        CliResult result = await Cli.RunAsync("merge", shards[0], shards[1], "--out", merged);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Should().Contain("2/2").And.Contain("results.jsonl");
        Directory.Exists(merged).Should().BeFalse();
        Directory.EnumerateDirectories(Results).Should().NotContain(d => Path.GetFileName(d).Contains("merging"));
    }
}
