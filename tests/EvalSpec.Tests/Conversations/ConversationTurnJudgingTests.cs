using System.Collections.Generic;
using System.Linq;
using EvalSpec.Conversations;
using EvalSpec.Execution;
using EvalSpec.Judging;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Conversations;

public sealed class ConversationTurnJudgingTests
{
    private static readonly JudgeRequest Whole = new("ignored") { Rubric = "Be polite.", Threshold = 0.7, RowId = "row", Expected = "refund" };

    [Fact]
    public void Each_assistant_turn_is_a_request_whose_input_is_the_conversation_before_it()
    {
        var exchange = new List<ChatMessage>
        {
            new(ChatRole.User, "My order is late."),
            new(ChatRole.Assistant, "Sorry! When did you order?"),
            new(ChatRole.User, "Two weeks ago."),
            new(ChatRole.Assistant, "I have opened a refund."),
        };

        var requests = ConversationTurnJudging.Requests(exchange, Whole)!;

        requests.Select(r => r.Turn).Should().Equal("turn 2", "turn 4");
        requests[0].Request.Output.Should().Be("Sorry! When did you order?");
        requests[0].Request.Input.Should().Be("user: My order is late.");
        requests[1].Request.Input.Should().Be("user: My order is late.\nassistant: Sorry! When did you order?\nuser: Two weeks ago.");
        requests.Should().OnlyContain(r => r.Request.Rubric == "Be polite." && r.Request.Threshold == 0.7 && r.Request.RowId == "row");
        requests.Should().OnlyContain(r => r.Request.Expected == null, "the expected answer is the last reply's, checked on the whole output");
    }

    [Fact]
    public void An_output_that_is_not_an_exchange_with_an_assistant_turn_is_judged_whole()
    {
        ConversationTurnJudging.Requests("a reply", Whole).Should().BeNull();
        ConversationTurnJudging.Requests(new[] { new ChatMessage(ChatRole.User, "hi") }, Whole).Should().BeNull();
        ConversationTurnJudging.Requests(null, Whole).Should().BeNull();
    }

    [Fact]
    public void Message_outputs_read_as_text_and_transcripts_not_as_json()
    {
        ConversationTurnJudging.TextOf(new ChatMessage(ChatRole.Assistant, "Hello.")).Should().Be("Hello.");
        ConversationTurnJudging.TextOf(new[] { new ChatMessage(ChatRole.User, "Hi"), new ChatMessage(ChatRole.Assistant, "Hello.\r\nBye.") })
            .Should().Be("user: Hi\nassistant: Hello.\nBye.");
        ConversationTurnJudging.TextOf(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c1", "lookup")]))
            .Should().Be("[FunctionCallContent]", "a message without text says what it holds instead of reading as empty");
        ConversationTurnJudging.TextOf(42).Should().BeNull();
    }

    [Fact]
    public void The_transcript_of_case_turns_puts_the_variant_first_as_a_system_turn_only_when_it_has_text()
    {
        ConversationTurn[] turns = { new("user", "Hi") };

        ConversationTranscript.Render(ConversationTranscript.WithInstructions("  ", turns)).Should().Be("user: Hi");
        ConversationTranscript.Render(ConversationTranscript.WithInstructions("Be brief.", turns)).Should().Be("system: Be brief.\nuser: Hi");
        ConversationTranscript.ToMessages(ConversationTranscript.WithInstructions("Be brief.", turns)).Select(m => m.Role)
            .Should().Equal(ChatRole.System, ChatRole.User);
    }
}
