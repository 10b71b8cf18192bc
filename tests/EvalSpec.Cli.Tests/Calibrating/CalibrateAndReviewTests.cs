using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Cli.Tests.Calibrating;

/// <summary>
/// <c>evalspec review --export / --import</c> and <c>evalspec calibrate</c> on files: a review queue as a run writes it, labels
/// filled in a CSV, the calibration file, and a cascade that loads it.
/// </summary>
public sealed class CalibrateAndReviewTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// A run folder whose review.jsonl has <paramref name="count"/> rows collected with every tier asked: three cheap judges
    /// right 75% of the time, a strong one right 90%; the truth of each row is returned for the CSV.
    /// </summary>
    /// <remarks>The last <paramref name="queued"/> rows are queued as an uncollected run queues them (reason abstained, no sample).</remarks>
    private (string RunFolder, Dictionary<string, string> Truth) Queue(int count, int seed, string strongModel = "gpt-4", int queued = 0)
    {
        var random = new Random(seed);
        string run = _folder.Combine("run-" + seed.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(run);
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            VerdictOutcome label = random.Next(2) == 0 ? VerdictOutcome.Pass : VerdictOutcome.Fail;
            VerdictOutcome Say(double accuracy) => random.NextDouble() < accuracy ? label : (label == VerdictOutcome.Pass ? VerdictOutcome.Fail : VerdictOutcome.Pass);
            string id = ReviewQueue.IdOf("Faq.Answer(case-" + seed.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture) + ")", "output " + i.ToString(CultureInfo.InvariantCulture));
            truth[id] = label.ToString().ToLowerInvariant();
            CascadeVote[] cheap = { new("a", 1, null, Say(0.75)), new("b", 1, null, Say(0.75)), new("c", 1, null, Say(0.75)) };
            text.Append(ReviewQueue.ToLine(new ReviewItem
            {
                Id = id,
                RowId = "Faq.Answer(case-" + seed.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture) + ")",
                Reason = i >= count - queued ? ReviewQueue.Abstained : ReviewQueue.Collected,
                Cascade = "cascade",
                Outcome = "pass",
                Input = "question, \"quoted\"\nwith a second line",
                Output = "output " + i.ToString(CultureInfo.InvariantCulture),
                Tiers = new[]
                {
                    new ReviewTier { Name = "cheap", Judges = new[] { "a", "b", "c" }.Select(j => new ReviewJudge { Name = j, Model = "small", Verdicts = Array.Empty<ReviewVerdict>() }).ToArray(), Votes = cheap },
                    new ReviewTier { Name = "strong", Judges = new[] { new ReviewJudge { Name = "g", Model = strongModel, Verdicts = Array.Empty<ReviewVerdict>() } }, Votes = new[] { new CascadeVote("g", 1, null, Say(0.9)) } },
                },
            })).Append('\n');
        }

        File.WriteAllText(Path.Combine(run, ReviewQueue.FileName), text.ToString());
        return (run, truth);
    }

    /// <summary>Fills the exported CSV's label column with the truth, as a person would.</summary>
    private static void Label(string csv, IReadOnlyDictionary<string, string> truth, Func<int, bool>? which = null)
    {
        string[] lines = File.ReadAllLines(csv);
        var filled = new List<string> { lines[0] };
        int row = 0;
        foreach (string line in lines.Skip(1))
        {
            if (!line.Contains("@", StringComparison.Ordinal) || line.StartsWith("with a second line", StringComparison.Ordinal) || line.StartsWith(' '))
            {
                filled.Add(line);
                continue;
            }

            string id = line[..line.IndexOf(',', StringComparison.Ordinal)];
            bool label = which?.Invoke(row++) ?? true;
            filled.Add(id + "," + (label ? truth[id] : string.Empty) + ",alice" + line[(id.Length + 2)..]);
        }

        File.WriteAllLines(csv, filled);
    }

    [Fact]
    public async Task Labels_of_queued_rows_are_left_out_of_the_calibration_and_reported()
    {
        (string run, Dictionary<string, string> truth) = Queue(450, seed: 5, queued: 50);
        string csv = _folder.Combine("labels.csv");
        string labels = _folder.Combine("labels.jsonl");
        string calibrationPath = _folder.Combine("evalspec.calibration.json");
        (await Cli.RunAsync("review", run, "--export", csv, "--labels", labels)).ExitCode.Should().Be(0);
        Label(csv, truth);
        (await Cli.RunAsync("review", run, "--import", csv, "--labels", labels)).ExitCode.Should().Be(0);

        CliResult calibrated = await Cli.RunAsync("calibrate", "--labels", labels, "--output", calibrationPath);

        calibrated.ExitCode.Should().Be(0, calibrated.Error);
        calibrated.Output.Should().Contain("calibrated on 400 labelled item(s)").And.Contain("Warning: 50 labelled item(s) were left out: rows queued because the cascade abstained or was contested");
        CascadeCalibration calibration = CascadeCalibration.Load(calibrationPath);
        calibration.CalibrationItems.Should().Be(400);
        calibration.Warnings.Should().Contain(w => w.StartsWith("50 labelled item(s) were left out", StringComparison.Ordinal) && w.Contains("AskAllTiers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Labels_of_queued_rows_only_are_refused_saying_how_to_collect_representative_labels()
    {
        (string run, Dictionary<string, string> truth) = Queue(60, seed: 6, queued: 60);
        string csv = _folder.Combine("labels.csv");
        string labels = _folder.Combine("labels.jsonl");
        (await Cli.RunAsync("review", run, "--export", csv, "--labels", labels)).ExitCode.Should().Be(0);
        Label(csv, truth);
        (await Cli.RunAsync("review", run, "--import", csv, "--labels", labels)).ExitCode.Should().Be(0);

        CliResult refused = await Cli.RunAsync("calibrate", "--labels", labels, "--output", _folder.Combine("evalspec.calibration.json"));

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("has 60 labelled item(s), all of rows queued").And.Contain("EVALSPEC_CASCADE__ASKALLTIERS=true");
        File.Exists(_folder.Combine("evalspec.calibration.json")).Should().BeFalse();
    }

    [Fact]
    public async Task Exported_rows_labelled_in_a_csv_become_a_calibration_file_that_a_cascade_loads()
    {
        (string run, Dictionary<string, string> truth) = Queue(400, seed: 1);
        string csv = _folder.Combine("labels.csv");
        string labels = _folder.Combine("labels.jsonl");
        string calibrationPath = _folder.Combine("evalspec.calibration.json");

        CliResult exported = await Cli.RunAsync("review", run, "--export", csv, "--labels", labels);
        exported.ExitCode.Should().Be(0, exported.Error);
        exported.Output.Should().Contain("400 row(s) to label");
        Label(csv, truth);
        CliResult imported = await Cli.RunAsync("review", run, "--import", csv, "--labels", labels);
        imported.ExitCode.Should().Be(0, imported.Error);
        imported.Output.Should().Contain("400 label(s) added");
        CliResult calibrated = await Cli.RunAsync("calibrate", "--labels", labels, "--target", "0.85", "--risk", "0.1", "--output", calibrationPath);
        calibrated.ExitCode.Should().Be(0, calibrated.Error);

        calibrated.Output.Should().Contain("Cascade 'cascade' calibrated on 400 labelled item(s)").And.Contain("Guarantee: agreement with people >= 0.85");
        CascadeCalibration calibration = CascadeCalibration.Load(calibrationPath);
        calibration.Target.Should().Be(0.85);
        calibration.Risk.Should().Be(0.1);
        calibration.CalibrationItems.Should().Be(400);
        calibration.CreatedAt.Should().Be(Cli.Now);
        calibration.LabelsFile.Should().Be(labels);
        calibration.ExpectedCoverage.Should().BeGreaterThan(0.5);
        calibration.ExpectedEscalationRate.Should().BeInRange(0.2, 0.8);
        calibration.Tiers.Select(t => t.Name).Should().Equal("cheap", "strong");
        calibration.Tiers[1].Judges.Single().Model.Should().Be("gpt-4");
        calibration.Tiers[0].Threshold.Should().NotBeNull();

        var cascade = new JudgeCascade("cascade", new[]
        {
            new CascadeTier("cheap", new IJudge[] { new ModelJudge("a", "small"), new ModelJudge("b", "small"), new ModelJudge("c", "small") }),
            new CascadeTier("strong", new IJudge[] { new ModelJudge("g", "gpt-4") }),
        });
        cascade.UseCalibration(calibration, calibrationPath);
        cascade.Guarantee.Should().Be(new CascadeGuarantee(0.85, 0.1, 400));

        var upgraded = new JudgeCascade("cascade", new[]
        {
            new CascadeTier("cheap", new IJudge[] { new ModelJudge("a", "small"), new ModelJudge("b", "small"), new ModelJudge("c", "small") }),
            new CascadeTier("strong", new IJudge[] { new ModelJudge("g", "gpt-4.1") }),
        });
        upgraded.UseCalibration(calibration, calibrationPath);
        upgraded.Guarantee.Should().BeNull();
        upgraded.NoGuaranteeReason.Should().Contain("stale calibration").And.Contain("'gpt-4' and now uses 'gpt-4.1'");
    }

    [Fact]
    public async Task Importing_again_keeps_agreeing_labels_and_refuses_a_conflicting_one()
    {
        (string run, Dictionary<string, string> truth) = Queue(40, seed: 2);
        string csv = _folder.Combine("labels.csv");
        string labels = _folder.Combine("labels.jsonl");
        (await Cli.RunAsync("review", run, "--export", csv, "--labels", labels)).ExitCode.Should().Be(0);
        Label(csv, truth, row => row < 10);
        (await Cli.RunAsync("review", run, "--import", csv, "--labels", labels)).Output.Should().Contain("10 label(s) added");
        (await Cli.RunAsync("review", run, "--import", csv, "--labels", labels)).Output.Should().Contain("0 label(s) added").And.Contain("(10 already there)");

        string first = truth.Keys.First(k => File.ReadAllText(labels).Contains(k, StringComparison.Ordinal));
        string flipped = truth[first] == "pass" ? "fail" : "pass";
        File.WriteAllText(csv, "id,label\n" + first + "," + flipped + "\n");
        CliResult conflict = await Cli.RunAsync("review", run, "--import", csv, "--labels", labels);

        conflict.ExitCode.Should().Be(2);
        conflict.Error.Should().Contain($"labels '{first}' {flipped}, but").And.Contain("has it as " + truth[first]);
        File.ReadAllLines(labels).Count(l => l.Contains("\"label\"", StringComparison.Ordinal)).Should().Be(10, "a refused import changes nothing");
    }

    [Theory]
    [InlineData("id,label\nX,maybe\n", "*line 2 (item 'X')*'maybe' is not a label*")]
    [InlineData("id,label\nX,pass\nX,fail\n", "*lines 2 and 3 give 'X' different labels*")]
    [InlineData("id,label\nX,pass\nX,pass\n", "*line 3 labels 'X' again (first on line 2)*")]
    [InlineData("row,verdict\nX,pass\n", "*has no id column*")]
    [InlineData("", "*is empty*")]
    [InlineData("id,label\n\"X,pass\n", "*quoted field opened on line 2 is never closed*")]
    [InlineData("id,label\nnot-in-any-queue,pass\n", "*line 2: no review queue given has item 'not-in-any-queue'*")]
    public async Task A_hostile_labels_csv_is_refused_naming_the_line(string csvText, string message)
    {
        (string run, _) = Queue(5, seed: 3);
        string csv = _folder.Combine("labels.csv");
        File.WriteAllText(csv, csvText.Replace("X", ReviewQueue.Read(Path.Combine(run, ReviewQueue.FileName))[0].Id, StringComparison.Ordinal));

        CliResult result = await Cli.RunAsync("review", run, "--import", csv, "--labels", _folder.Combine("labels.jsonl"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Match(message.Replace("'X'", "'*'", StringComparison.Ordinal));
        File.Exists(_folder.Combine("labels.jsonl")).Should().BeFalse();
    }

    [Fact]
    public async Task Calibrating_on_too_few_labels_is_an_error_naming_the_judges_and_the_minimum()
    {
        (string run, Dictionary<string, string> truth) = Queue(20, seed: 4);
        string csv = _folder.Combine("labels.csv");
        string labels = _folder.Combine("labels.jsonl");
        await Cli.RunAsync("review", run, "--export", csv, "--labels", labels);
        Label(csv, truth);
        await Cli.RunAsync("review", run, "--import", csv, "--labels", labels);

        CliResult result = await Cli.RunAsync("calibrate", "--labels", labels, "--output", _folder.Combine("evalspec.calibration.json"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("too few labelled items").And.Contain("'a' voted pass or fail on 20").And.Contain("at least 30");
        File.Exists(_folder.Combine("evalspec.calibration.json")).Should().BeFalse();
    }

    [Theory]
    [InlineData("--target", "1")]
    [InlineData("--target", "0")]
    [InlineData("--risk", "1.5")]
    [InlineData("--min-items", "0")]
    public async Task Out_of_range_settings_are_usage_errors(string option, string value)
    {
        CliResult result = await Cli.RunAsync("calibrate", "--labels", _folder.Combine("labels.jsonl"), option, value);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain(option);
    }

    [Fact]
    public async Task An_empty_or_missing_labels_file_is_an_error()
    {
        (await Cli.RunAsync("calibrate", "--labels", _folder.Combine("nope.jsonl"))).Error.Should().Contain("does not exist");
        File.WriteAllText(_folder.Combine("empty.jsonl"), string.Empty);
        CliResult empty = await Cli.RunAsync("calibrate", "--labels", _folder.Combine("empty.jsonl"));
        empty.ExitCode.Should().Be(2);
        empty.Error.Should().Contain("no labelled items");
    }

    [Fact]
    public async Task Labels_of_two_model_versions_are_refused()
    {
        (string oldRun, Dictionary<string, string> oldTruth) = Queue(40, seed: 5);
        (string newRun, Dictionary<string, string> newTruth) = Queue(40, seed: 6, strongModel: "gpt-4.1");
        string labels = _folder.Combine("labels.jsonl");
        foreach ((string run, Dictionary<string, string> truth) in new[] { (oldRun, oldTruth), (newRun, newTruth) })
        {
            string csv = _folder.Combine(Path.GetFileName(run) + ".csv");
            await Cli.RunAsync("review", run, "--export", csv, "--labels", labels);
            Label(csv, truth);
            (await Cli.RunAsync("review", run, "--import", csv, "--labels", labels)).ExitCode.Should().Be(0);
        }

        CliResult result = await Cli.RunAsync("calibrate", "--labels", labels, "--output", _folder.Combine("c.json"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("g (gpt-4.1)").And.Contain("g (gpt-4)");
    }

    private sealed class ModelJudge(string name, string model) : IModelJudge
    {
        public string Name => name;

        public string? Model => model;

        public bool AllowSelfPreference => false;

        public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Verdict.Pass(name, 1, "fine"));
    }
}
