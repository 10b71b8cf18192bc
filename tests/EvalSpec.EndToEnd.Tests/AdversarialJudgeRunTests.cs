using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>
/// tests/fixtures/AdversarialJudgeSuite through `dotnet test`: one row per hostile judge reply of
/// judge-replies.json, served over real HTTP by the OpenAI-compatible test server to real LLM judges using the real
/// OpenAI client. Every row must end with the verdict the file expects, and every inconclusive row must say why
/// and keep the judge's raw text. A re-ask of an unreadable reply gets the file's <c>reask</c> answer, else the same
/// reply again (a model that repeats itself), so "unreadable" rows stay unreadable after the re-ask.
/// </summary>
public sealed partial class AdversarialJudgeRunTests : IAsyncLifetime
{
    private static readonly string DataFile = Path.Combine(DotNet.RepoRoot, "tests", "fixtures", "AdversarialJudgeSuite", "judge-replies.json");

    private readonly IReadOnlyDictionary<string, HostileReply> _replies = HostileReply.Load(DataFile);
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions { Responder = Respond });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_hostile_reply_ends_with_its_expected_verdict_and_inconclusive_rows_say_why_with_the_raw_text()
    {
        _replies.Should().HaveCountGreaterThanOrEqualTo(30);

        SuiteRun run = await SuiteRun.RunAsync("AdversarialJudgeSuite", new Dictionary<string, string> { ["FIXTURE_OPENAI_URL"] = _server.BaseAddress.ToString() });

        run["AdversarialJudgeSuite.JudgeReplyCaseTests.Every_reply_has_a_case_and_every_case_a_reply"].Outcome.Should().Be("Passed", "the fixture's cases and the data file list the same replies");
        Dictionary<string, JsonElement> rows = run.Rows.ToDictionary(r => r.GetProperty("case").GetString()!, StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (HostileReply reply in _replies.Values)
        {
            mismatches.AddRange(Check(reply, rows, run).Select(problem => $"{reply.Id}: {problem}"));
        }

        string.Join("\n", mismatches).Should().BeEmpty($"every row ends as judge-replies.json expects ({mismatches.Count} do not)\n{run.Process}");

        // The re-ask of the 1 MB reply sends back only its kept start and end, and says why it could not be read.
        RecordedRequest reask = _server.Requests.Single(r => r.RawBody.Contains("[case:filler-1mb]", StringComparison.Ordinal) && r.Messages.Any(m => m.Role == "assistant"));
        string sentBack = reask.Messages.Single(m => m.Role == "assistant").Text;
        sentBack.Length.Should().BeLessThan(5_000, "a reply over the size cap is not sent back whole");
        sentBack.Should().Contain("characters left out");
        reask.LastUserMessage.Should().Contain("could not be read").And.Contain("too long");
        RecordedRequest recovered = _server.Requests.Last(r => r.RawBody.Contains("[case:unreadable-then-readable]", StringComparison.Ordinal));
        recovered.Messages.Select(m => m.Role).Should().Equal("system", "user", "assistant", "user");
        recovered.Messages[2].Text.Should().Be("Looks fine to me.");
    }

    private static IEnumerable<string> Check(HostileReply reply, Dictionary<string, JsonElement> rows, SuiteRun run)
    {
        if (!rows.TryGetValue(reply.Id, out JsonElement row))
        {
            yield return "no row in results.jsonl";
            yield break;
        }

        string outcome = row.GetProperty("outcome").GetString()!;
        if (outcome != reply.Expected)
        {
            yield return $"outcome {outcome}, expected {reply.Expected}; row: {row}";
            yield break;
        }

        TrxResult test = run[$"AdversarialEvals.Judged [{reply.Id} · ask]"];
        string label = reply.Expected switch { "pass" => "Passed", _ => "Failed" };
        if (test.Outcome != label || (reply.Expected == "inconclusive" && !test.Message.Contains("INCONCLUSIVE", StringComparison.Ordinal)))
        {
            yield return $"test outcome {test.Outcome} with message {test.Message}";
        }

        JsonElement verdict = row.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "rubric").GetProperty("verdicts").EnumerateArray().Single();
        string rationale = verdict.GetProperty("rationale").GetString()!;
        string raw = verdict.TryGetProperty("rawOutput", out JsonElement rawOutput) && rawOutput.ValueKind == JsonValueKind.String ? rawOutput.GetString()! : string.Empty;
        if (reply.Because is { } because && !rationale.Contains(because, StringComparison.Ordinal))
        {
            yield return $"the reason \"{rationale}\" does not contain \"{because}\"";
        }

        // An inconclusive verdict keeps the judge's raw text (a refusal has none: its text is in the reason).
        string start = reply.Text[..Math.Min(60, reply.Text.Length)];
        if (reply.Expected == "inconclusive" && !reply.Refusal && !string.IsNullOrWhiteSpace(start) && !raw.Contains(start.Trim(), StringComparison.Ordinal))
        {
            yield return $"the raw output does not contain the reply's start \"{start.Trim()}\": {raw[..Math.Min(300, raw.Length)]}";
        }

        int modelCalls = verdict.TryGetProperty("modelCalls", out JsonElement made) ? made.GetInt32() : 0;
        if (reply.Calls is int calls && modelCalls != calls)
        {
            yield return $"{modelCalls} model calls, expected {calls}";
        }
    }

    // The judge's model: the reply of the case named in the conversation; the re-ask's answer when the conversation
    // already holds an answer; for pairwise judges, the swapped reply when the compared output is shown first.
    private ScriptedResponse Respond(RecordedRequest request)
    {
        string item = request.Messages.First(m => m.Role == "user").Text;
        HostileReply reply = _replies[CaseMarker().Match(item).Groups["id"].Value];
        bool referenceFirst = reply.Judge == "pairwise" && Tag(item, "output_a") != reply.Output;
        string text = request.Messages.Any(m => m.Role == "assistant")
            ? reply.Reask ?? (referenceFirst ? reply.SwappedText : reply.Text)
            : referenceFirst ? reply.SwappedText : reply.Text;
        return reply.Refusal ? ScriptedResponse.Refusal(text) : ScriptedResponse.Completion(text);
    }

    private static string Tag(string text, string tag)
    {
        int start = text.IndexOf("<" + tag + ">\n", StringComparison.Ordinal) + tag.Length + 3;
        return text[start..text.IndexOf("\n</" + tag + ">", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"\[case:(?<id>[a-z0-9-]+)\]")]
    private static partial Regex CaseMarker();

    /// <summary>One entry of judge-replies.json (its fields are described in the file).</summary>
    private sealed record HostileReply(string Id, string Judge, string Output, string Text, string SwappedText, string? Reask, bool Refusal, string Expected, string? Because, int? Calls)
    {
        public static IReadOnlyDictionary<string, HostileReply> Load(string path)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("replies").EnumerateArray().Select(e =>
            {
                string fill = e.TryGetProperty("fill", out JsonElement f)
                    ? new StringBuilder().Insert(0, f.GetProperty("text").GetString()!, f.GetProperty("times").GetInt32()).ToString()
                    : string.Empty;
                string text = fill + e.GetProperty("reply").GetString()!;
                return new HostileReply(
                    e.GetProperty("id").GetString()!,
                    Optional(e, "judge") ?? "rubric",
                    Optional(e, "output") ?? "You can return a laptop within 30 days.",
                    text,
                    Optional(e, "swappedReply") ?? text,
                    Optional(e, "reask"),
                    e.TryGetProperty("refusal", out JsonElement refusal) && refusal.GetBoolean(),
                    e.GetProperty("expected").GetString()!,
                    Optional(e, "because"),
                    e.TryGetProperty("calls", out JsonElement calls) ? calls.GetInt32() : null);
            }).ToDictionary(r => r.Id, StringComparer.Ordinal);
        }

        private static string? Optional(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;
    }
}
