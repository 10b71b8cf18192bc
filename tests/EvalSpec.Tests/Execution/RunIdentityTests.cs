using System;
using System.Collections.Generic;
using System.IO;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Tests.Judging;
using EvalSpec.Tests.Judging.Cascade;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>What a shard records of what decides its verdicts besides its rows (<see cref="RunIdentity"/>), for <c>evalspec merge</c>.</summary>
public sealed class RunIdentityTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "evalspec-identity-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Options_that_change_verdicts_change_the_hash_and_options_of_speed_and_place_do_not()
    {
        string plain = RunIdentity.OptionsHash(new EvalOptions());
        RunIdentity.OptionsHash(new EvalOptions()).Should().Be(plain, "the hash is stable");

        RunIdentity.OptionsHash(new EvalOptions { Aggregation = global::EvalSpec.Judging.PanelAggregation.Unanimity }).Should().NotBe(plain);
        RunIdentity.OptionsHash(new EvalOptions { Quorum = 2 }).Should().NotBe(plain);
        RunIdentity.OptionsHash(new EvalOptions { RowTimeout = TimeSpan.FromSeconds(5) }).Should().NotBe(plain);
        var judge = new EvalOptions();
        judge.Judges["rubric"] = new JudgeModelOptions { Model = "gpt-4o-mini" };
        var otherModel = new EvalOptions();
        otherModel.Judges["rubric"] = new JudgeModelOptions { Model = "gpt-4o" };
        RunIdentity.OptionsHash(judge).Should().NotBe(plain).And.NotBe(RunIdentity.OptionsHash(otherModel));

        RunIdentity.OptionsHash(new EvalOptions { MaxConcurrency = 64 }).Should().Be(plain);
        RunIdentity.OptionsHash(new EvalOptions { Shard = "2/4", RunId = "x", ResultsDirectory = "/tmp/r", Resume = "y" }).Should().Be(plain);
        var key = new EvalOptions();
        key.Judges["rubric"] = new JudgeModelOptions { Model = "gpt-4o-mini", ApiKeyVariable = "OTHER_KEY" };
        RunIdentity.OptionsHash(key).Should().Be(RunIdentity.OptionsHash(judge), "where a key is read from does not decide a verdict");
    }

    [Fact]
    public void The_commit_comes_from_the_build_servers_variable_first()
    {
        var variables = new Dictionary<string, string> { ["GITHUB_SHA"] = "ABCDEF0123456789ABCDEF0123456789ABCDEF01" };
        RunIdentity.CommitOf(n => variables.GetValueOrDefault(n), _folder).Should().Be("abcdef0123456789abcdef0123456789abcdef01");
    }

    [Fact]
    public void The_commit_is_read_from_the_repository_a_branch_a_packed_ref_a_detached_head_or_a_worktree()
    {
        const string Loose = "1111111111111111111111111111111111111111";
        const string Packed = "2222222222222222222222222222222222222222";
        string repository = Path.Combine(_folder, "repo");
        string git = Path.Combine(repository, ".git");
        string project = Path.Combine(repository, "tests", "Shop.Evals");
        Directory.CreateDirectory(Path.Combine(git, "refs", "heads"));
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(git, "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(git, "refs", "heads", "main"), Loose + "\n");
        Func<string, string?> none = _ => null;

        RunIdentity.CommitOf(none, project).Should().Be(Loose);

        File.WriteAllText(Path.Combine(git, "HEAD"), "ref: refs/heads/release\n");
        File.WriteAllText(Path.Combine(git, "packed-refs"), "# pack-refs with: peeled fully-peeled sorted\n" + Packed + " refs/heads/release\n");
        RunIdentity.CommitOf(none, project).Should().Be(Packed);

        File.WriteAllText(Path.Combine(git, "HEAD"), Packed + "\n");
        RunIdentity.CommitOf(none, project).Should().Be(Packed);

        // A worktree: .git is a file naming its git folder, whose branch lives in the common folder.
        string worktree = Path.Combine(_folder, "wt");
        string worktreeGit = Path.Combine(git, "worktrees", "wt");
        Directory.CreateDirectory(worktree);
        Directory.CreateDirectory(worktreeGit);
        File.WriteAllText(Path.Combine(worktree, ".git"), "gitdir: " + worktreeGit + "\n");
        File.WriteAllText(Path.Combine(worktreeGit, "HEAD"), "ref: refs/heads/main\n");
        File.WriteAllText(Path.Combine(worktreeGit, "commondir"), "../..\n");
        RunIdentity.CommitOf(none, worktree).Should().Be(Loose);
    }

    [Fact]
    [Trait("Review", "Finding")]
    public void The_baseline_hash_is_the_same_for_a_checkout_with_windows_line_endings()
    {
        // Review: the hash was of the file's bytes, so a shard checked out with core.autocrlf (CRLF) and one on Linux (LF)
        // of the same commit and baseline were refused by evalspec merge as compared with another baseline.
        Directory.CreateDirectory(_folder);
        string lf = Path.Combine(_folder, "lf.json");
        string crlf = Path.Combine(_folder, "crlf.json");
        const string Baseline = "{\n  \"format\": 2,\n  \"rows\": {}\n}\n";
        File.WriteAllText(lf, Baseline);
        File.WriteAllText(crlf, Baseline.Replace("\n", "\r\n", StringComparison.Ordinal));

        RunIdentity.BaselineHash(crlf).Should().Be(RunIdentity.BaselineHash(lf));
        RunIdentity.BaselineHash(lf).Should().NotBe(RunIdentity.BaselineHash(Path.Combine(_folder, "missing.json"))).And.NotBe("none");
        File.WriteAllText(crlf, Baseline.Replace("{}", "{ \"x\": 1 }", StringComparison.Ordinal));
        RunIdentity.BaselineHash(crlf).Should().NotBe(RunIdentity.BaselineHash(lf), "another content is another baseline");
    }

    [Fact]
    public void Without_a_variable_or_a_repository_the_commit_is_unknown()
    {
        Directory.CreateDirectory(_folder);
        RunIdentity.CommitOf(_ => null, Path.GetPathRoot(_folder)!).Should().BeNull();
    }

    [Fact]
    public void A_cascade_with_another_calibration_has_other_judges_and_the_same_calibration_the_same()
    {
        // Shards of one commit whose runners hold different evalspec.calibration.json files decide cascade rows differently.
        static JudgePanel Panel(double threshold)
        {
            var cascade = new JudgeCascade("cascade", new[]
            {
                new CascadeTier("cheap", new IJudge[] { StubJudge.Passing("a"), StubJudge.Passing("b") }),
                new CascadeTier("strong", new IJudge[] { StubJudge.Passing("c") }),
            });
            cascade.UseCalibration(CascadeCalibrationFiles.For(cascade, cheapThreshold: threshold, strongThreshold: 1));
            return new JudgePanel("rubric", new IJudge[] { cascade });
        }

        string calibrated = RunIdentity.JudgesText([Panel(0.9)]);

        RunIdentity.JudgesText([Panel(0.9)]).Should().Be(calibrated);
        RunIdentity.JudgesText([Panel(0.6)]).Should().NotBe(calibrated, "another threshold decides other rows");
        var uncalibrated = new JudgeCascade("cascade", new[] { new CascadeTier("cheap", new IJudge[] { StubJudge.Passing("a") }) });
        RunIdentity.JudgesText([new JudgePanel("rubric", new IJudge[] { uncalibrated })]).Should().Contain("uncalibrated");
    }

    private static EvalMethodDescriptor Method(string template = "Reply to {q}", object? argument = null, string? expected = "yes", double relationThreshold = 0.5, string? rubric = null, string name = "Answer") =>
        new(
            typeof(RunIdentityTests),
            name,
            rubric,
            0.5,
            0,
            ["q"],
            [new global::EvalSpec.Prompts.PromptVariant("plain", template)],
            [new EvalCaseDescriptor("c1", [argument ?? "refunds"], expected)],
            [new RelationDescriptor("lowercase", global::EvalSpec.Metamorphic.RelationKind.Invariant, static () => new global::EvalSpec.Metamorphic.Lowercase(), null, relationThreshold, Change.Increases)],
            static (_, _, _) => default);

    private static string Evals(params EvalMethodDescriptor[] methods) => RunIdentity.EvalsText(new DescriptorScan(methods, []));

    [Fact]
    public void The_evals_part_changes_with_a_prompt_a_case_argument_an_expected_answer_a_relation_or_a_setting_and_not_with_the_order_of_methods()
    {
        string plain = Evals(Method());
        Evals(Method()).Should().Be(plain, "the same definitions give the same text");
        Evals(Method(template: "Reply briefly to {q}")).Should().NotBe(plain, "a changed prompt");
        Evals(Method(argument: "returns")).Should().NotBe(plain, "a changed case argument");
        Evals(Method(argument: 1)).Should().NotBe(Evals(Method(argument: "1")), "an argument of another type");
        Evals(Method(expected: "no")).Should().NotBe(plain, "a changed expected answer");
        Evals(Method(relationThreshold: 0.7)).Should().NotBe(plain, "a changed relation threshold");
        Evals(Method(rubric: "Cites the policy")).Should().NotBe(plain, "a changed rubric");

        Evals(Method(), Method(name: "Other")).Should().Be(Evals(Method(name: "Other"), Method()), "methods are keyed by id, not position");
        RunIdentity.EvalsText(new DescriptorScan([Method()], [new UnreadableSuite("Suite.Broken", new InvalidOperationException("x"))]))
            .Should().NotBe(plain, "a class that could not be read is part of what was built");
    }
}
