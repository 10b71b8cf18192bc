using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// `dotnet test` on tests/fixtures/ConversationSuite: conversation cases from a [Conversation] attribute and from JSONL
/// lines with "turns" reach the method as ChatMessages; the configured rubric judge, over HTTP to the OpenAI-compatible
/// server on 127.0.0.1, sees the whole transcript; a relation changes user turns only; per-turn mode judges each
/// assistant turn of a returned exchange; and recordings key on the whole conversation, so editing an earlier turn
/// misses its recording.
/// </summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;
    private string _project = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();

        // The judge passes a reply unless it is rude; it reads only the response, so the transcript cannot sway it.
        _server.Responder = request =>
        {
            string prompt = request.LastUserMessage!;
            string response = prompt[prompt.LastIndexOf("<response>", StringComparison.Ordinal)..];
            return response.Contains("Whatever", StringComparison.Ordinal)
                ? ScriptedResponse.Completion("""{"reasoning":"The reply is rude.","score":1,"verdict":"fail"}""")
                : ScriptedResponse.Completion("""{"reasoning":"A polite answer.","score":5,"verdict":"pass"}""");
        };
        _project = ScratchCopy.Of("ConversationSuite");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        ScratchCopy.Delete(_project);
    }

    [Fact]
    public async Task Conversations_from_the_attribute_and_jsonl_run_are_judged_on_their_transcript_and_replay_keyed_on_every_turn()
    {
        SuiteRun run = await Run("record", live: true);

        string[] reply = { "late-order", "damaged" };
        foreach (string id in reply)
        {
            Row(run, "Reply", id, "identity").GetProperty("outcome").GetString().Should().Be("pass", run.Process.ToString());
            Row(run, "Reply", id, "uppercase").GetProperty("outcome").GetString().Should().Be("pass", run.Process.ToString());
        }

        run.Rows.Where(r => r.GetProperty("method").GetString() == "Reply").Should().HaveCount(6, "three conversations (one attribute, two JSONL lines), identity and uppercase each");

        // The method saw the conversation: it answered with the order number of the first user turn.
        JsonElement late = Row(run, "Reply", "late-order", "identity");
        late.GetProperty("output").GetString().Should().Be("I have opened a refund for order #1234.");
        late.GetProperty("prompt").GetString().Should().Be(
            "system: You are the support agent of a parcel shop.\nuser: My order #1234 never arrived.\nassistant: Sorry to hear that! When did you order it?\nuser: Three weeks ago.");

        // The judge was sent the whole transcript, earlier turns included.
        _server.Requests.Should().Contain(r => r.LastUserMessage!.Contains("<question>\nsystem: You are the support agent of a parcel shop.\nuser: My order #1234 never arrived.\nassistant: Sorry to hear that! When did you order it?\nuser: Three weeks ago.\n</question>", StringComparison.Ordinal));

        // The relation changed the user turns only.
        Row(run, "Reply", "late-order", "uppercase").GetProperty("followUpPrompt").GetString().Should().Be(
            "system: You are the support agent of a parcel shop.\nuser: MY ORDER #1234 NEVER ARRIVED.\nassistant: Sorry to hear that! When did you order it?\nuser: THREE WEEKS AGO.");

        // Per-turn mode: each assistant turn judged on its own; the rude last turn fails the row, the first passes.
        JsonElement rude = Row(run, "Exchange", "rude-at-the-end", "identity");
        rude.GetProperty("outcome").GetString().Should().Be("fail");
        Check(rude, "rubric (turn 2)").Should().Be("pass");
        Check(rude, "rubric (turn 4)").Should().Be("fail");
        JsonElement polite = Row(run, "Exchange", "polite", "identity");
        polite.GetProperty("outcome").GetString().Should().Be("pass", run.Process.ToString());
        Check(polite, "rubric (turn 2)").Should().Be("pass");
        Check(polite, "rubric (turn 4)").Should().Be("pass");

        await _server.DisposeAsync();
        SuiteRun replayed = await Run("replay", live: false);
        Row(replayed, "Reply", "damaged", "identity").GetProperty("outcome").GetString().Should().Be("pass", replayed.Process.ToString());

        // An earlier turn edited, the id kept: the judge's request differs, so its recording is not replayed.
        string chats = Path.Combine(_project, "data", "chats.jsonl");
        File.WriteAllText(chats, File.ReadAllText(chats).Replace("Is the box damaged too?", "Is the packaging damaged too?", StringComparison.Ordinal));
        SuiteRun edited = await Run("replay", live: false);

        JsonElement damaged = Row(edited, "Reply", "damaged", "identity");
        damaged.GetProperty("outcome").GetString().Should().Be("fail", edited.Process.ToString());
        edited["ChatEvals.Reply [damaged]"].Message.Should().Contain("No recording for model call").And.Contain("of client 'grader'").And.Contain("Is the packaging damaged too?");
        Row(edited, "Reply", "late-order", "identity").GetProperty("outcome").GetString().Should().Be("pass", "the other conversations are unchanged and replay");
    }

    private static JsonElement Row(SuiteRun run, string method, string caseId, string relation) =>
        run.Rows.Single(r => r.GetProperty("method").GetString() == method
            && r.GetProperty("case").GetString() == caseId && r.GetProperty("relation").GetString() == relation);

    private static string Check(JsonElement row, string name) =>
        row.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("outcome").GetString()!;

    private Task<SuiteRun> Run(string recording, bool live)
    {
        var environment = new Dictionary<string, string> { ["EVALSPEC_RECORDING"] = recording };
        if (live)
        {
            environment["EVALSPEC_JUDGES__GRADER__ENDPOINT"] = _server.BaseAddress.ToString();
        }

        return SuiteRun.RunProjectAsync(_project, environment);
    }
}
