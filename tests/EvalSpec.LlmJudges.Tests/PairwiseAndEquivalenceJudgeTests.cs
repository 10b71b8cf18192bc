using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.LlmJudges.Tests;

/// <summary>Pairwise judging in both orders (MT-Bench rule) and equivalence judging, over real HTTP.</summary>
public sealed class PairwiseAndEquivalenceJudgeTests : IAsyncLifetime
{
    private const string Good = "Laptops can be returned within 30 days.";
    private const string Bad = "Laptops can be returned within 14 days.";

    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_output_wins_only_when_the_judge_prefers_it_in_both_presentation_orders()
    {
        _server.Responder = PreferOutputContaining("30 days");

        Verdict verdict = await Pairwise().JudgeAsync(new JudgeRequest(Good) { Input = "Refund window for laptops?", ReferenceOutput = Bad });

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Pairwise!.IsConsistent.Should().BeTrue();
        verdict.Pairwise.Winner.Should().Be(PairwiseChoice.Candidate);
        verdict.ModelCalls.Should().Be(2);
        string[] items = _server.Requests.Select(r => r.LastUserMessage!).ToArray();
        items.Should().ContainSingle(i => i.IndexOf(Good, StringComparison.Ordinal) < i.IndexOf(Bad, StringComparison.Ordinal))
            .And.ContainSingle(i => i.IndexOf(Bad, StringComparison.Ordinal) < i.IndexOf(Good, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_output_loses_when_the_judge_prefers_the_other_in_both_orders()
    {
        _server.Responder = PreferOutputContaining("30 days");

        Verdict verdict = await Pairwise().JudgeAsync(new JudgeRequest(Bad) { ReferenceOutput = Good });

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Pairwise!.Winner.Should().Be(PairwiseChoice.Reference);
    }

    [Fact]
    public async Task A_judge_that_always_picks_the_first_output_gets_a_tie_and_its_position_bias_is_recorded()
    {
        _server.Responder = _ => ScriptedResponse.Completion("""{"reasoning":"The first one is better.","winner":"Output (a)"}""");

        Verdict verdict = await Pairwise().JudgeAsync(new JudgeRequest(Good) { ReferenceOutput = Bad });

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Errored.Should().BeFalse("a tie is an abstention, not an error");
        verdict.Rationale.Should().Contain("tie");
        verdict.Pairwise!.IsConsistent.Should().BeFalse();
        verdict.Pairwise.ChoseFirstShown.Should().Be(2);
        verdict.Pairwise.ReadableOrders.Should().Be(2);
    }

    [Fact]
    public async Task Verdicts_in_the_MT_Bench_bracket_format_and_LLMBar_format_are_read()
    {
        // Both orders are asked at once: answer by content, not by arrival order.
        _server.Responder = r => CandidateFirst(r)
            ? ScriptedResponse.Completion("Assistant A is more accurate. [[A]]")
            : ScriptedResponse.Completion("Output (b)");

        Verdict verdict = await Pairwise().JudgeAsync(new JudgeRequest(Good) { ReferenceOutput = Bad });

        verdict.Pairwise!.CandidateFirst.Should().Be(PairwiseChoice.Candidate);
        verdict.Pairwise.ReferenceFirst.Should().Be(PairwiseChoice.Candidate);
        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task A_mention_of_the_other_output_in_the_reasoning_is_not_read_as_the_choice()
    {
        _server.Responder = r => CandidateFirst(r)
            ? ScriptedResponse.Completion("Output (b) is shorter, but Output (a) gives the right window.\nOutput (a)")
            : ScriptedResponse.Completion("Compared with Output (a), which says \"Output (a) is better\", Output (b) is correct.\n**Verdict: Output (b)**");

        Verdict verdict = await Pairwise().JudgeAsync(new JudgeRequest(Good) { ReferenceOutput = Bad });

        verdict.Pairwise!.CandidateFirst.Should().Be(PairwiseChoice.Candidate);
        verdict.Pairwise.ReferenceFirst.Should().Be(PairwiseChoice.Candidate);
        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    [Fact]
    public async Task An_answer_that_only_discusses_both_outputs_is_asked_again()
    {
        _server.Responder = r => r.LastUserMessage!.Contains("could not be read", StringComparison.Ordinal)
            ? ScriptedResponse.Completion("""{"reasoning":"","winner":"tie"}""")
            : ScriptedResponse.Completion("Compared with Output (a), Output (b) has more detail, while Output (a) is shorter.");

        Verdict verdict = await Pairwise().JudgeAsync(new JudgeRequest(Good) { ReferenceOutput = Bad });

        verdict.ModelCalls.Should().Be(4, "each order was asked again once");
        verdict.Pairwise!.CandidateFirst.Should().Be(PairwiseChoice.Tie);
    }

    [Fact]
    public async Task When_one_order_fails_the_comparison_is_an_errored_inconclusive_verdict()
    {
        _server.Responder = r => CandidateFirst(r)
            ? ScriptedResponse.Completion("""{"reasoning":"","winner":"Output (a)"}""")
            : ScriptedResponse.ServerError();

        Verdict verdict = await Pairwise().JudgeAsync(new JudgeRequest(Good) { ReferenceOutput = Bad });

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Errored.Should().BeTrue();
        verdict.Rationale.Should().Contain("both presentation orders are needed").And.Contain("HTTP 500");
    }

    [Fact]
    public async Task Without_anything_to_compare_with_the_pairwise_judge_abstains()
    {
        Verdict verdict = await Pairwise().JudgeAsync(new JudgeRequest(Good));

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        _server.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true, true, VerdictOutcome.Pass)]
    [InlineData(false, true, VerdictOutcome.Fail)]
    [InlineData(true, false, VerdictOutcome.Fail)]
    [InlineData(false, false, VerdictOutcome.Pass)]
    public async Task Equivalence_passes_when_the_answer_matches_what_the_relation_expects(bool equivalent, bool expectEquivalent, VerdictOutcome outcome)
    {
        _server.Responder = _ => ScriptedResponse.Completion($$"""{"reasoning":"Both give 30 days.","equivalent":{{(equivalent ? "true" : "false")}}}""");
        var judge = new EquivalenceJudge("equivalence", _server.CreateChatClient("judge-model"), new LlmJudgeOptions { MaxRetries = 0 }) { ExpectEquivalent = expectEquivalent };

        Verdict verdict = await judge.JudgeAsync(new JudgeRequest("Thirty days.") { ReferenceOutput = Good });

        verdict.Outcome.Should().Be(outcome);
        _server.Requests.Single().LastUserMessage.Should().Contain("<response_1>\n" + Good).And.Contain("<response_2>\nThirty days.");
    }

    [Fact]
    public async Task Equivalence_read_from_free_text_uses_the_verdict_line_not_words_in_the_reasoning()
    {
        _server.Responder = _ => ScriptedResponse.Completion("At first glance the verdict: different, but both say 30 days.\nVerdict: equivalent");
        var judge = new EquivalenceJudge("equivalence", _server.CreateChatClient("judge-model"), new LlmJudgeOptions { MaxRetries = 0 });

        Verdict verdict = await judge.JudgeAsync(new JudgeRequest("Thirty days.") { ReferenceOutput = Good });

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
    }

    private static bool CandidateFirst(RecordedRequest request) =>
        request.LastUserMessage!.IndexOf(Good, StringComparison.Ordinal) < request.LastUserMessage.IndexOf(Bad, StringComparison.Ordinal);

    private PairwiseJudge Pairwise() =>
        new("pairwise", _server.CreateChatClient("judge-model"), new LlmJudgeOptions { MaxRetries = 0 });

    private static Func<RecordedRequest, ScriptedResponse> PreferOutputContaining(string text) => request =>
    {
        string item = request.LastUserMessage!;
        int a = item.IndexOf("<output_a>", StringComparison.Ordinal);
        int b = item.IndexOf("<output_b>", StringComparison.Ordinal);
        bool inA = item.IndexOf(text, a, b - a, StringComparison.Ordinal) >= 0;
        return ScriptedResponse.Completion($$"""{"reasoning":"It states {{text}}.","winner":"{{(inA ? "Output (a)" : "Output (b)")}}"}""");
    };
}
