using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// Runs eval rows through <see cref="EvalRowRunner"/> with hand-built descriptors, as generated tests do. Each
/// test uses its own method name (so its own method id), so memoised source runs never leak between tests.
/// </summary>
public sealed class EvalRowRunnerTests : IClassFixture<EvalRunFixture>
{
    private const string Identity = "identity";
    private const string Template = "How many days do I have to return {product}?";
    private const string RenderedPrompt = "How many days do I have to return a laptop?";
    private const string GoodAnswer = "You can return it within 30 days of delivery.";

    private readonly EvalRunFixture _run;

    public EvalRowRunnerTests(EvalRunFixture run)
    {
        _run = run;
    }

    private static EvalCaseDescriptor Laptop => new("laptop", new object?[] { "a laptop" }, "30 days");

    private static ValueTask<object?> Output(object? output) => ValueTask.FromResult(output);

    private static EvalMethodDescriptor Method(
        Func<EvalInput, object?[], ValueTask<object?>> invoke,
        EvalCaseDescriptor[]? cases = null,
        RelationDescriptor[]? relations = null,
        string template = Template,
        string[]? parameterNames = null,
        int timeoutMilliseconds = 0,
        string? rubric = null,
        [CallerMemberName] string methodName = "") =>
        new(
            typeof(EvalRowRunnerTests),
            methodName,
            rubric,
            threshold: 0.5,
            timeoutMilliseconds,
            parameterNames ?? new[] { "product" },
            new[] { new PromptVariant("formal", template) },
            cases ?? new[] { Laptop },
            relations ?? Array.Empty<RelationDescriptor>(),
            (_, input, arguments) => invoke(input, arguments));

    private static RelationDescriptor Invariant<TRelation>(string key, string? parameter = null)
        where TRelation : IMetamorphicRelation, new() =>
        new(key, RelationKind.Invariant, () => new TRelation(), parameter, 0.5, Change.Differs);

    private static RelationDescriptor Directional<TRelation>(string key)
        where TRelation : IMetamorphicRelation, new() =>
        new(key, RelationKind.Directional, () => new TRelation(), null, 0.5, Change.Differs);

    private static string RowId(EvalMethodDescriptor method, string relation, string caseId = "laptop") =>
        $"{typeof(EvalRowRunnerTests).FullName}.{method.MethodName}/{caseId}/formal/{relation}";

    private Task Run(EvalMethodDescriptor method, string relation = Identity, string caseId = "laptop") =>
        EvalRowRunner.RunAsync(_run.Host, this, method, caseId, "formal", relation);

    [Fact]
    public async Task A_row_whose_output_contains_the_expected_answer_passes()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer));

        await Run(method).Awaiting(t => t).Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_row_whose_output_lacks_the_expected_answer_fails()
    {
        EvalMethodDescriptor method = Method((_, _) => Output("Please contact our support team."));

        await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>();
    }

    [Fact]
    public async Task The_failure_message_names_the_failed_check_the_prompt_the_expected_answer_and_the_output()
    {
        EvalMethodDescriptor method = Method((_, _) => Output("Please contact our support team."));

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain(ExpectedAnswerJudge.JudgeName)
            .And.Contain(RenderedPrompt)
            .And.Contain("30 days")
            .And.Contain("Please contact our support team.")
            .And.Contain(RowId(method, Identity));
    }

    [Fact]
    public async Task A_row_without_an_expected_answer_or_judges_passes_on_the_methods_own_assertions()
    {
        EvalMethodDescriptor method = Method(
            (_, _) => Output("anything at all"),
            cases: new[] { new EvalCaseDescriptor("laptop", new object?[] { "a laptop" }, expected: null) });

        await Run(method).Awaiting(t => t).Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_rubric_that_no_judge_checks_is_noted_in_the_result_and_the_row_decides_on_its_expected_answer()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer), rubric: "States the refund window.");

        await Run(method).Awaiting(t => t).Should().NotThrowAsync();

        JsonElement result = _run.ResultOf(RowId(method, Identity));
        result.GetProperty("outcome").GetString().Should().Be("pass");
        result.GetProperty("notes")[0].GetString().Should().StartWith("rubric not checked: no rubric judge registered");
        result.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Should().Equal(ExpectedAnswerJudge.JudgeName);
    }

    [Fact]
    public async Task The_message_of_a_failing_row_says_that_its_rubric_was_not_checked()
    {
        EvalMethodDescriptor method = Method((_, _) => Output("Please contact our support team."), rubric: "States the refund window.");

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("\nNote: rubric not checked: no rubric judge registered");
    }

    [Fact]
    public async Task A_row_without_a_rubric_has_no_rubric_note()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer));

        await Run(method);

        _run.ResultOf(RowId(method, Identity)).TryGetProperty("notes", out _).Should().BeFalse();
    }

    [Fact]
    public async Task Relation_rows_of_an_eval_with_a_rubric_carry_no_rubric_note()
    {
        // The rubric panel judges identity rows only: a relation row is checked by its relation, with or without judges.
        EvalMethodDescriptor method = Method((input, _) => Output(GoodAnswer), relations: new[] { Invariant<Lowercase>("lowercase") }, rubric: "States the refund window.");

        await Run(method, "lowercase");

        _run.ResultOf(RowId(method, "lowercase")).TryGetProperty("notes", out _).Should().BeFalse();
    }

    [Fact]
    public async Task An_eval_method_that_throws_fails_the_row_with_the_original_exception_inside()
    {
        var thrown = new InvalidOperationException("the bot is down");
        EvalMethodDescriptor method = Method(async (_, _) =>
        {
            await Task.Yield();
            throw thrown;
        });

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.InnerException.Should().BeSameAs(thrown);
        failure.Message.Should().Contain(nameof(InvalidOperationException)).And.Contain("the bot is down");
    }

    [Fact]
    public async Task The_source_run_receives_the_rendered_prompt_and_the_rows_identity()
    {
        EvalInput? seen = null;
        EvalMethodDescriptor method = Method((input, _) =>
        {
            seen = input;
            return Output(GoodAnswer);
        });

        await Run(method);

        seen.Should().NotBeNull();
        seen!.Prompt.Should().Be(RenderedPrompt);
        seen.PromptTemplate.Should().Be(Template);
        seen.CaseId.Should().Be("laptop");
        seen.VariantKey.Should().Be("formal");
        seen.Expected.Should().Be("30 days");
        seen.IsFollowUp.Should().BeFalse();
        seen.RowId.Should().Be(RowId(method, Identity));
        seen.Arguments.Should().ContainKey("product").WhoseValue.Should().Be("a laptop");
    }

    [Fact]
    public async Task The_case_arguments_are_passed_to_the_method_in_order()
    {
        object?[]? seen = null;
        EvalMethodDescriptor method = Method(
            (_, arguments) =>
            {
                seen = arguments;
                return Output("You have 30 days.");
            },
            cases: new[] { new EvalCaseDescriptor("laptop", new object?[] { "a laptop", 2 }, "30 days") },
            template: "Can I return {count} x {product}?",
            parameterNames: new[] { "product", "count" });

        await Run(method);

        seen.Should().Equal("a laptop", 2);
    }

    [Fact]
    public async Task Identity_and_relation_rows_share_one_source_run()
    {
        int calls = 0;
        int sourceCalls = 0;
        EvalMethodDescriptor method = Method(
            (input, _) =>
            {
                Interlocked.Increment(ref calls);
                if (!input.IsFollowUp)
                {
                    Interlocked.Increment(ref sourceCalls);
                }

                return Output(GoodAnswer);
            },
            relations: new[] { Invariant<Typos>("typos"), Invariant<Lowercase>("lowercase"), Invariant<WhitespaceNoise>("whitespace-noise") });

        foreach (string relation in new[] { Identity, "typos", "lowercase", "whitespace-noise" })
        {
            await Run(method, relation);
        }

        calls.Should().Be(1 + 3);
        sourceCalls.Should().Be(1);
    }

    [Fact]
    public async Task Rows_running_concurrently_still_share_one_source_run()
    {
        int calls = 0;
        int sourceCalls = 0;
        EvalMethodDescriptor method = Method(
            async (input, _) =>
            {
                Interlocked.Increment(ref calls);
                if (!input.IsFollowUp)
                {
                    Interlocked.Increment(ref sourceCalls);
                }

                await Task.Delay(50);
                return GoodAnswer;
            },
            relations: new[]
            {
                Invariant<Typos>("typos"),
                Invariant<Lowercase>("lowercase"),
                Invariant<WhitespaceNoise>("whitespace-noise"),
                Invariant<PunctuationNoise>("punctuation-noise"),
            });
        string[] rows = { "punctuation-noise", "typos", Identity, "lowercase", "whitespace-noise" };

        await Task.WhenAll(rows.Select(relation => Task.Run(() => Run(method, relation))));

        calls.Should().Be(1 + 4);
        sourceCalls.Should().Be(1);
    }

    [Fact]
    public async Task A_relation_row_run_before_its_identity_row_still_runs_the_source_only_once()
    {
        int calls = 0;
        EvalMethodDescriptor method = Method(
            (_, _) =>
            {
                Interlocked.Increment(ref calls);
                return Output(GoodAnswer);
            },
            relations: new[] { Invariant<Lowercase>("lowercase") });

        await Run(method, "lowercase");
        await Run(method, Identity);

        calls.Should().Be(2);
    }

    [Fact]
    public async Task An_invariant_relation_row_passes_when_the_follow_up_output_stays_the_same()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer), relations: new[] { Invariant<Lowercase>("lowercase") });

        await Run(method, "lowercase").Awaiting(t => t).Should().NotThrowAsync();
    }

    [Fact]
    public async Task An_invariant_relation_row_fails_when_the_follow_up_output_changes()
    {
        EvalMethodDescriptor method = Method(
            (input, _) => Output(input.IsFollowUp ? "Sorry, I cannot help with that." : GoodAnswer),
            relations: new[] { Invariant<Lowercase>("lowercase") });

        EvalRowFailedException failure = (await Run(method, "lowercase").Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("lowercase").And.Contain("Sorry, I cannot help with that.").And.Contain(GoodAnswer);
    }

    [Fact]
    public async Task A_directional_relation_row_passes_when_the_follow_up_output_differs()
    {
        EvalMethodDescriptor method = Method(
            (input, _) => Output(input.IsFollowUp ? "Sorry, I cannot help with that." : GoodAnswer),
            relations: new[] { Directional<Lowercase>("shouting-removed") });

        await Run(method, "shouting-removed").Awaiting(t => t).Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_directional_relation_row_fails_when_the_follow_up_output_is_unchanged()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer), relations: new[] { Directional<Lowercase>("shouting-removed") });

        await Run(method, "shouting-removed").Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>();
    }

    [Fact]
    public async Task A_relation_on_the_whole_prompt_gives_the_method_the_transformed_prompt()
    {
        var followUps = new ConcurrentBag<EvalInput>();
        EvalMethodDescriptor method = Method(
            (input, _) =>
            {
                if (input.IsFollowUp)
                {
                    followUps.Add(input);
                }

                return Output(GoodAnswer);
            },
            cases: new[] { new EvalCaseDescriptor("laptop", new object?[] { "a LAPTOP" }, "30 days") },
            relations: new[] { Invariant<Lowercase>("lowercase") });

        await Run(method, "lowercase");

        EvalInput followUp = followUps.Should().ContainSingle().Subject;
        followUp.Prompt.Should().Be("how many days do i have to return a laptop?");
        followUp.Relation.Should().Be("lowercase");
        followUp.RowId.Should().Be(RowId(method, "lowercase"));
        followUp.Arguments["product"].Should().Be("a LAPTOP", "a whole-prompt relation leaves the arguments alone");
    }

    [Fact]
    public async Task A_relation_targeting_a_parameter_transforms_only_that_argument_and_renders_the_prompt_again()
    {
        var followUps = new ConcurrentBag<(EvalInput Input, object?[] Arguments)>();
        EvalMethodDescriptor method = Method(
            (input, arguments) =>
            {
                if (input.IsFollowUp)
                {
                    followUps.Add((input, arguments));
                }

                return Output(GoodAnswer);
            },
            cases: new[] { new EvalCaseDescriptor("laptop", new object?[] { "LAPTOP", "EU" }, "30 days") },
            relations: new[] { Invariant<Lowercase>("lowercase-product", parameter: "product") },
            template: "Can I return my {product} in the {region}?",
            parameterNames: new[] { "product", "region" });

        await Run(method, "lowercase-product");

        (EvalInput input, object?[] arguments) = followUps.Should().ContainSingle().Subject;
        arguments.Should().Equal("laptop", "EU");
        input.Arguments["product"].Should().Be("laptop");
        input.Arguments["region"].Should().Be("EU");
        input.Prompt.Should().Be("Can I return my laptop in the EU?");
    }

    [Fact]
    public async Task A_relation_whose_transform_throws_makes_the_row_inconclusive()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer), relations: new[] { Invariant<BrokenRelation>("broken") });

        EvalRowInconclusiveException inconclusive =
            (await Run(method, "broken").Awaiting(t => t).Should().ThrowAsync<EvalRowInconclusiveException>()).Which;

        inconclusive.InnerException.Should().BeOfType<NotSupportedException>();
        inconclusive.Message.Should().Contain("broken").And.Contain(nameof(NotSupportedException)).And.Contain(BrokenRelation.Reason);
    }

    [Fact]
    public async Task A_relation_that_does_not_change_the_input_is_recorded_as_not_applicable()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer), relations: new[] { Invariant<UnchangedInput>("unchanged") });

        EvalRowSkippedException skipped = (await Run(method, "unchanged").Awaiting(t => t).Should().ThrowAsync<EvalRowSkippedException>()).Which;

        skipped.Message.Should().StartWith("Not applicable: relation 'unchanged' did not change the prompt");
        JsonElement result = _run.ResultOf(RowId(method, "unchanged"));
        result.GetProperty("outcome").GetString().Should().Be("not-applicable", "the row was not judged: it is neither a pass, a fail nor an undecided row");
        result.TryGetProperty("applicable", out _).Should().BeFalse("the outcome says it");
    }

    [Fact]
    public async Task A_counterfactual_row_expecting_an_increase_compares_the_number_the_relation_edited()
    {
        // Follows the context: states its (edited) refund window, then a fixed refund time that ends both answers, so
        // the last numbers of the two answers are equal although the edited number went up.
        EvalMethodDescriptor method = CounterfactualMethod(Change.Increases, followsContext: true);

        await Run(method, "counterfactual");

        JsonElement change = _run.ResultOf(RowId(method, "counterfactual")).GetProperty("checks").EnumerateArray().First();
        change.GetProperty("outcome").GetString().Should().Be("pass");
        change.GetProperty("rationale").GetString().Should().Contain("30 -> ").And.Contain("edited \"30 days\"");
    }

    [Fact]
    public async Task A_counterfactual_answer_that_keeps_the_original_number_fails_the_increase_naming_it()
    {
        EvalMethodDescriptor method = CounterfactualMethod(Change.Increases, followsContext: false);

        EvalRowFailedException failure = (await Run(method, "counterfactual").Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("number-increases").And.Contain("still states 30");
    }

    [Fact]
    public async Task A_counterfactual_row_expecting_a_decrease_fails_a_faithful_answer_and_says_the_relation_only_raises()
    {
        EvalMethodDescriptor method = CounterfactualMethod(Change.Decreases, followsContext: true);

        EvalRowFailedException failure = (await Run(method, "counterfactual").Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Should().Contain("number-decreases").And.Contain("Expect = Change.Decreases").And.Contain("the other way");
    }

    [Fact]
    public async Task A_relation_row_is_inconclusive_when_its_source_run_threw()
    {
        EvalMethodDescriptor method = Method(
            (input, _) => input.IsFollowUp ? Output(GoodAnswer) : throw new TimeoutException("bot timed out"),
            relations: new[] { Invariant<Lowercase>("lowercase") });

        EvalRowInconclusiveException inconclusive =
            (await Run(method, "lowercase").Awaiting(t => t).Should().ThrowAsync<EvalRowInconclusiveException>()).Which;

        inconclusive.Message.Should().Contain("source").And.Contain("bot timed out");
    }

    [Fact]
    public async Task A_relation_row_fails_when_the_method_throws_on_the_follow_up_input()
    {
        var thrown = new FormatException("cannot parse lower-case input");
        EvalMethodDescriptor method = Method(
            (input, _) => input.IsFollowUp ? throw thrown : Output(GoodAnswer),
            relations: new[] { Invariant<Lowercase>("lowercase") });

        EvalRowFailedException failure = (await Run(method, "lowercase").Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.InnerException.Should().BeSameAs(thrown);
    }

    [Fact]
    public async Task A_row_that_exceeds_its_timeout_fails_and_says_so()
    {
        EvalMethodDescriptor method = Method((_, _) => new ValueTask<object?>(new TaskCompletionSource<object?>().Task), timeoutMilliseconds: 200);
        var clock = Stopwatch.StartNew();

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the row's own timeout applies, not the two-minute default");
        failure.Message.Should().Contain("timed out").And.Contain("0.2 s");
    }

    [Fact]
    public async Task Every_row_that_times_out_is_reported_as_a_timeout_failure()
    {
        // The source run has a timer of its own with the same duration as the row's; whichever fires first,
        // the row must report its timeout. Ten rows in a row make an unlucky timer order show up reliably.
        EvalCaseDescriptor[] cases = Enumerable.Range(0, 10).Select(i => new EvalCaseDescriptor("case" + i, new object?[] { "item " + i }, "30 days")).ToArray();
        EvalMethodDescriptor method = Method((_, _) => new ValueTask<object?>(new TaskCompletionSource<object?>().Task), cases: cases, timeoutMilliseconds: 100);
        var reports = new List<string>();

        foreach (EvalCaseDescriptor testCase in cases)
        {
            try
            {
                await Run(method, Identity, testCase.Id);
                reports.Add("passed");
            }
            catch (Exception ex)
            {
                reports.Add(ex.GetType().Name + ": " + ex.Message);
            }
        }

        reports.Should().OnlyContain(report =>
            report.StartsWith(nameof(EvalRowFailedException), StringComparison.Ordinal) && report.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_methods_cancellation_token_is_cancelled_when_the_row_times_out()
    {
        CancellationToken token = default;
        EvalMethodDescriptor method = Method(
            async (input, _) =>
            {
                token = input.CancellationToken;
                await Task.Delay(Timeout.Infinite, input.CancellationToken);
                return GoodAnswer;
            },
            timeoutMilliseconds: 200);

        await Run(method).Awaiting(t => t).Should().ThrowAsync<Exception>();

        token.IsCancellationRequested.Should().BeTrue();
    }

    [Theory]
    [InlineData("no-such-case", "formal", Identity, "case 'no-such-case'")]
    [InlineData("laptop", "no-such-variant", Identity, "prompt variant 'no-such-variant'")]
    [InlineData("laptop", "formal", "no-such-relation", "relation 'no-such-relation'")]
    public async Task An_unknown_key_asks_for_a_rebuild_and_lists_the_known_keys(string caseId, string variantKey, string relationKey, string what)
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer), relations: new[] { Invariant<Lowercase>("lowercase") });

        Func<Task> run = () => EvalRowRunner.RunAsync(_run.Host, this, method, caseId, variantKey, relationKey);

        InvalidOperationException error = (await run.Should().ThrowAsync<InvalidOperationException>()).Which;
        error.Message.Should().Contain(what).And.Contain("rebuild");
        error.Message.Should().ContainAny("laptop", "formal", "lowercase");
    }

    [Fact]
    public async Task Results_are_written_under_the_configured_results_directory()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer));

        await Run(method);

        string runDirectory = _run.Host.RunDirectory;
        Path.GetDirectoryName(runDirectory).Should().Be(_run.ResultsRoot);
        File.Exists(Path.Combine(runDirectory, "results.jsonl")).Should().BeTrue();
    }

    [Fact]
    public async Task The_result_of_an_identity_row_records_its_keys_prompt_output_and_checks()
    {
        EvalMethodDescriptor method = Method((_, _) => Output(GoodAnswer));
        await Run(method);

        JsonElement result = _run.ResultOf(RowId(method, Identity));

        result.GetProperty("case").GetString().Should().Be("laptop");
        result.GetProperty("variant").GetString().Should().Be("formal");
        result.GetProperty("relation").GetString().Should().Be(Identity);
        result.GetProperty("prompt").GetString().Should().Be(RenderedPrompt);
        result.GetProperty("output").GetString().Should().Be(GoodAnswer);
        result.GetProperty("expected").GetString().Should().Be("30 days");
        result.GetProperty("outcome").GetString().Should().Be("pass");
        result.TryGetProperty("followUpPrompt", out _).Should().BeFalse();
        result.TryGetProperty("sourceOutput", out _).Should().BeFalse();
        JsonElement check = result.GetProperty("checks").EnumerateArray().Should().ContainSingle().Subject;
        check.GetProperty("outcome").GetString().Should().Be("pass");
        JsonElement verdict = check.GetProperty("verdicts").EnumerateArray().Should().ContainSingle().Subject;
        verdict.GetProperty("judge").GetString().Should().Be(ExpectedAnswerJudge.JudgeName);
        verdict.GetProperty("outcome").GetString().Should().Be("pass");
        verdict.GetProperty("score").GetDouble().Should().Be(1.0);
    }

    [Fact]
    public async Task The_result_of_a_relation_row_records_both_prompts_both_outputs_and_the_relation_check()
    {
        const string followUpAnswer = "Sorry, I cannot help with that.";
        EvalMethodDescriptor method = Method(
            (input, _) => Output(input.IsFollowUp ? followUpAnswer : GoodAnswer),
            relations: new[] { Invariant<Lowercase>("lowercase") });
        await Run(method, "lowercase").Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>();

        JsonElement result = _run.ResultOf(RowId(method, "lowercase"));

        result.GetProperty("case").GetString().Should().Be("laptop");
        result.GetProperty("variant").GetString().Should().Be("formal");
        result.GetProperty("relation").GetString().Should().Be("lowercase");
        result.GetProperty("relationKind").GetString().Should().Be("invariant");
        result.GetProperty("prompt").GetString().Should().Be(RenderedPrompt);
        result.GetProperty("followUpPrompt").GetString().Should().Be("how many days do i have to return a laptop?");
        result.GetProperty("output").GetString().Should().Be(followUpAnswer);
        result.GetProperty("sourceOutput").GetString().Should().Be(GoodAnswer);
        result.GetProperty("outcome").GetString().Should().Be("fail");
        JsonElement check = result.GetProperty("checks").EnumerateArray().Should().ContainSingle().Subject;
        check.GetProperty("name").GetString().Should().Contain("lowercase");
        check.GetProperty("outcome").GetString().Should().Be("fail");
        JsonElement verdict = check.GetProperty("verdicts").EnumerateArray().Should().ContainSingle().Subject;
        verdict.GetProperty("judge").GetString().Should().Be(TokenF1InvarianceJudge.JudgeName);
        verdict.GetProperty("outcome").GetString().Should().Be("fail");
    }

    [Fact]
    public async Task The_result_of_a_parameter_relation_records_the_transformed_inputs()
    {
        EvalMethodDescriptor method = Method(
            (_, _) => Output(GoodAnswer),
            cases: new[] { new EvalCaseDescriptor("laptop", new object?[] { "LAPTOP" }, "30 days") },
            relations: new[] { Invariant<Lowercase>("lowercase-product", parameter: "product") });
        await Run(method, "lowercase-product");

        JsonElement result = _run.ResultOf(RowId(method, "lowercase-product"));

        result.GetProperty("inputs").GetProperty("product").GetString().Should().Be("LAPTOP");
        result.GetProperty("followUpInputs").GetProperty("product").GetString().Should().Be("laptop");
    }

    [Fact]
    public async Task An_output_that_is_not_text_is_recorded_as_JSON()
    {
        EvalMethodDescriptor method = Method(
            (_, _) => Output(new RefundPolicy(30, "days")),
            cases: new[] { new EvalCaseDescriptor("laptop", new object?[] { "a laptop" }, expected: null) });
        await Run(method);

        JsonElement output = _run.ResultOf(RowId(method, Identity)).GetProperty("output");

        output.GetProperty("days").GetInt32().Should().Be(30);
        output.GetProperty("unit").GetString().Should().Be("days");
    }

    [Fact]
    public async Task A_very_long_output_is_shortened_in_the_failure_message_and_kept_whole_in_the_results()
    {
        string longOutput = string.Join(" ", Enumerable.Repeat("unhelpful", 2000));
        EvalMethodDescriptor method = Method((_, _) => Output(longOutput));

        EvalRowFailedException failure = (await Run(method).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>()).Which;

        failure.Message.Length.Should().BeLessThan(longOutput.Length);
        failure.Message.Should().Contain("results.jsonl");
        _run.ResultOf(RowId(method, Identity)).GetProperty("output").GetString().Should().Be(longOutput);
    }

    [Fact]
    public async Task Completing_the_run_writes_a_summary_with_the_row_counts_of_each_method()
    {
        EvalMethodDescriptor method = Method(
            (input, _) => Output(input.CaseId == "good" ? GoodAnswer : "no idea"),
            cases: new[]
            {
                new EvalCaseDescriptor("good", new object?[] { "a laptop" }, "30 days"),
                new EvalCaseDescriptor("bad", new object?[] { "a tablet" }, "30 days"),
            });
        // A run of its own: completing it must not end the run of the other tests of this class.
        using var own = new EvalRunFixture();
        await EvalRowRunner.RunAsync(own.Host, this, method, "good", "formal", Identity);
        await EvalRowRunner.RunAsync(own.Host, this, method, "bad", "formal", Identity).Awaiting(t => t).Should().ThrowAsync<EvalRowFailedException>();
        string runDirectory = own.Host.RunDirectory;

        own.Host.Complete();

        JsonElement summary = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(runDirectory, "summary.json")));
        JsonElement counts = summary.GetProperty("methods").GetProperty(method.Id);
        counts.GetProperty("total").GetInt32().Should().Be(2);
        counts.GetProperty("pass").GetInt32().Should().Be(1);
        counts.GetProperty("fail").GetInt32().Should().Be(1);
        counts.GetProperty("inconclusive").GetInt32().Should().Be(0);
    }

    private sealed record RefundPolicy(int Days, string Unit);

    /// <summary>A bot reading the refund window from the policy in its prompt (or always answering 30 days), then the refund time.</summary>
    private static EvalMethodDescriptor CounterfactualMethod(Change expect, bool followsContext, [CallerMemberName] string methodName = "") =>
        Method(
            (input, _) =>
            {
                string window = followsContext ? System.Text.RegularExpressions.Regex.Match(input.Prompt, @"within (\d+) days").Groups[1].Value : "30";
                return Output($"You can return it within {window} days. Refunds take 5 business days.");
            },
            cases: new[] { new EvalCaseDescriptor("laptop", new object?[] { "Laptops can be returned within 30 days of delivery. Refunds take 5 business days." }, expected: null) },
            relations: new[] { new RelationDescriptor("counterfactual", RelationKind.Directional, () => new Counterfactual(), "policy", 0.5, expect) },
            template: "{policy} How long do I have to return a laptop?",
            parameterNames: new[] { "policy" },
            methodName: methodName);

    /// <summary>Leaves every input as it is and notes nothing: never applicable.</summary>
    private sealed class UnchangedInput : IMetamorphicRelation
    {
        public string Transform(string input, MetamorphicContext context) => input;
    }

    private sealed class BrokenRelation : IMetamorphicRelation
    {
        public const string Reason = "this relation cannot handle prompts";

        public string Transform(string input, MetamorphicContext context) => throw new NotSupportedException(Reason);
    }
}
