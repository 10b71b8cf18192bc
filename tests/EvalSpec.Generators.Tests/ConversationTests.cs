using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using EvalSpec.Execution;
using EvalSpec.Generators.Model;
using EvalSpec.Generators.Parsing;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>Conversation cases: [Conversation] attributes and JSONL lines with a 'turns' member.</summary>
public sealed class ConversationTests
{
    private const string ProjectDirectory = "/src/Shop.Evals";

    private const string Source = """
        using System.Threading.Tasks;
        using EvalSpec;
        using EvalSpec.Metamorphic;

        namespace Shop.Evals;

        public partial class ChatEvals
        {
            [Eval(Rubric = "Answers the last question politely.", JudgeEachTurn = true)]
            [Conversation(
                "system: You are a support agent.",
                "user: My parcel is late.",
                "assistant: Sorry! When did you order it?",
                "USER: Two weeks ago.",
                Id = "late-parcel", Expected = "refund")]
            [Conversation("user: Hi:  there")]
            [CasesFrom("data/chats.jsonl")]
            [Invariant<Typos>]
            public Task<string> Reply(EvalInput input) => Task.FromResult(input.Prompt);

            [Eval]
            [Prompt("agent", "You answer for {shop}.")]
            [CasesFrom("data/shops.jsonl")]
            public Task<string> ShopReply(EvalInput input, string shop) => Task.FromResult(input.Prompt);
        }
        """;

    private const string Chats = """
        {"id": "refund", "turns": [{"role": "user", "content": "I want a refund."}, {"role": "assistant", "content": "For which order?"}, {"role": "user", "content": "#1234, \"the blue one\"\nthanks"}], "expected": "refund", "tags": ["billing"]}
        {"turns": [{"content": "Where is my order?", "role": "User"}]}
        """;

    private const string Shops = """
        {"shop": "Acme", "turns": [{"role": "user", "content": "Do you ship abroad?"}]}
        """;

    [Fact]
    public void Conversations_from_attributes_and_jsonl_are_cases_with_their_turns()
    {
        GeneratorRun run = Run(Chats, Shops);

        run.DriverDiagnostics.Should().BeEmpty();
        run.NotGeneratedTestSources.Should().BeEmpty();
        run.CompilationWarningsAndErrors().Should().BeEmpty();
        run.Tests().Select(t => t.DisplayName).Should().Contain(new[]
        {
            "ChatEvals.Reply [late-parcel]",
            "ChatEvals.Reply [late-parcel · typos]",
            "ChatEvals.Reply [refund]",
            "ChatEvals.Reply [refund · typos]",
            "ChatEvals.ShopReply [" + ConversationRules.CaseId(new[] { "user", "Do you ship abroad?" }, new[] { "Acme" }) + " · agent]",
        });
        run.Tests().Should().HaveCount(9);
        Baselines.Verify(nameof(Conversations_from_attributes_and_jsonl_are_cases_with_their_turns), run.EvalMethodSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Turns_keep_their_order_roles_become_lower_case_and_one_blank_after_the_colon_is_layout()
    {
        GeneratedEvalMethod data = DescriptorData.Of(Run(Chats, Shops).EvalMethodSources.Single().SourceText.ToString(), "Reply");
        string[][] turns = data.Cases.Select(c => c.Turns!).ToArray();

        turns.Should().ContainEquivalentOf(new[] { "system", "You are a support agent.", "user", "My parcel is late.", "assistant", "Sorry! When did you order it?", "user", "Two weeks ago." }, o => o.WithStrictOrdering());
        turns.Should().Contain(t => Pair(t, "user", "Hi:  there"), "only the first colon separates the role, and only one blank after it is dropped");
        turns.Should().Contain(t => Pair(t, "user", "Where is my order?"), "member order and the role's case do not matter in JSONL");
        turns.SelectMany(t => t).Should().Contain("#1234, \"the blue one\"\nthanks");
        data.JudgeEachTurn.Should().BeTrue();
    }

    [Fact]
    public void A_conversation_without_an_id_is_named_by_a_hash_of_every_turn_so_an_earlier_turn_changes_it()
    {
        string before = ConversationRules.CaseId(new[] { "user", "Hi", "assistant", "Hello", "user", "Refund?" }, new string[0]);
        string after = ConversationRules.CaseId(new[] { "user", "Hi!", "assistant", "Hello", "user", "Refund?" }, new string[0]);

        before.Should().StartWith("conversation-").And.NotBe(after);
        string[] old = Run(Chats, Shops).Tests().Select(t => t.DisplayName).ToArray();
        string[] edited = Run(Chats.Replace("Where is my order?", "Where is my parcel?"), Shops).Tests().Select(t => t.DisplayName).ToArray();
        edited.Except(old).Should().HaveCount(2, "the edited conversation's identity and typos rows get a new id");
        old.Except(edited).Should().HaveCount(2).And.OnlyContain(n => n.Contains("conversation-"));
    }

    [Theory]
    [InlineData("{\"turns\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"robot\", \"content\": \"b\"}, {\"role\": \"user\", \"content\": \"c\"}]}", 1, 46, "the role 'robot' is not one of system, user, assistant")]
    [InlineData("{\"turns\": [{\"role\": \"user\", \"content\": \"  \"}]}", 1, 12, "the user turn has no text")]
    [InlineData("{\"turns\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"assistant\", \"content\": \"b\"}]}", 1, 11, "the last turn is the assistant's")]
    [InlineData("{\"turns\": []}", 1, 11, "at least one turn")]
    [InlineData("{\"turns\": [{\"role\": \"user\"}]}", 1, 12, "the turn has no 'content'")]
    [InlineData("{\"turns\": [{\"role\": \"user\", \"content\": \"a\", \"name\": \"Bob\"}]}", 1, 45, "only 'role' and 'content', not 'name'")]
    [InlineData("{\"turns\": [{\"role\": \"user\", \"content\": 3}]}", 1, 40, "the turn's 'content' must be a string")]
    [InlineData("{\"turns\": [\"user: hi\"]}", 1, 12, "each turn must be an object")]
    [InlineData("{\"turns\": \"user: hi\"}", 1, 11, "'turns' must be a JSON array")]
    [InlineData("{\"turns\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"user\", \"content\": \"a\"}]}\n{\"turns\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"user\", \"content\": \"a\"}]}", 2, 1, "is already declared")]
    public void Bad_turns_in_jsonl_are_reported_at_their_line_and_column(string jsonl, int line, int column, string message)
    {
        EvalProblem problem = Resolve(jsonl).Should().ContainSingle().Subject;

        problem.Rule.Should().Be(EvalRule.CaseDataInvalid);
        problem.MessageArguments.Take(3).Should().Equal("data/chats.jsonl", line, column);
        ((string)problem.MessageArguments[4]).Should().Contain(message);
    }

    [Theory]
    [InlineData("""[Conversation("user: a", "robot: b", "user: c")]""", "robot: b", "the role 'robot' is not one of system, user, assistant")]
    [InlineData("""[Conversation("user: a", "no role here")]""", "no role here", "does not start with a role and a colon")]
    [InlineData("""[Conversation("user:   ")]""", "user:   ", "the user turn has no text")]
    [InlineData("""[Conversation("user: a", "assistant: b")]""", "assistant: b", "the last turn is the assistant's")]
    [InlineData("""[Conversation("user: a", null)]""", "null", "turn 2 is null")]
    [InlineData("""[Conversation()]""", "Conversation()", "at least one turn")]
    public void Bad_conversation_attributes_are_ES1024_at_the_argument(string attribute, string at, string message)
    {
        string source = "using System.Threading.Tasks;\nusing EvalSpec;\n\nnamespace Shop.Evals;\n\npublic partial class ChatEvals\n{\n    [Eval]\n    " + attribute
            + "\n    public Task<string> Reply(EvalInput input) => Task.FromResult(input.Prompt);\n}\n";

        EvalMethodParseResult parsed = GeneratorHarness.ParseMethod(source, "Shop.Evals.ChatEvals", "Reply");

        EvalProblem problem = parsed.Problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(EvalRule.ConversationInvalid);
        problem.Describe().Should().StartWith("ES1024: [Conversation] on ChatEvals.Reply is not usable: ").And.Contain(message);
        problem.Location!.SourceTree!.ToString().Substring(problem.Location.SourceSpan.Start, problem.Location.SourceSpan.Length).Should().Contain(at);
        problem.Location.GetLineSpan().StartLinePosition.Line.Should().Be(8);
        parsed.Spec.Should().BeNull();
    }

    [Fact]
    public void A_conversation_attribute_on_a_method_with_case_parameters_is_ES1024()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class ChatEvals
            {
                [Eval]
                [Prompt("For {shop}.")]
                [Conversation("user: Hi")]
                public Task<string> Reply(EvalInput input, string shop) => Task.FromResult(input.Prompt);
            }
            """;

        EvalProblem problem = GeneratorHarness.ParseMethod(source, "ChatEvals", "Reply").Problems.Should().ContainSingle().Subject;

        problem.Rule.Should().Be(EvalRule.ConversationInvalid);
        problem.Describe().Should().Contain("takes case parameters (string shop)").And.Contain("[CasesFrom]");
    }

    [Fact]
    public void A_relation_on_the_prompt_needs_no_prompt_when_every_case_is_a_conversation_but_does_when_a_file_row_is_not()
    {
        Resolve(Chats).Should().BeEmpty();

        List<EvalProblem> problems = Resolve("{\"id\": \"plain\"}");

        problems.Should().ContainSingle().Which.Describe().Should().StartWith("ES1014: Relation 'typos' on ChatEvals.Reply transforms the prompt");
    }

    [Fact]
    public void Editing_the_turns_file_regenerates_the_method_and_an_unrelated_file_does_not()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source);
        var chats = new InMemoryAdditionalText(ProjectDirectory + "/data/chats.jsonl", Chats);
        var shops = new InMemoryAdditionalText(ProjectDirectory + "/data/shops.jsonl", Shops);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Options(), new[] { chats, shops }).RunGenerators(compilation);

        GeneratorDriver unrelated = driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(ProjectDirectory + "/notes/readme.txt", "hello"))).RunGenerators(compilation);
        GeneratorDriver edited = driver.ReplaceAdditionalText(chats, new InMemoryAdditionalText(ProjectDirectory + "/data/chats.jsonl", Chats.Replace("I want a refund.", "I want my money back."))).RunGenerators(compilation);

        Reason(unrelated, TrackingNames.DataFiles).Should().BeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Reasons(unrelated, TrackingNames.ValidEvalMethods).Should().OnlyContain(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
        Reason(edited, TrackingNames.DataFiles).Should().Be(IncrementalStepRunReason.Modified);
        Reasons(edited, TrackingNames.ValidEvalMethods).Should().Contain(IncrementalStepRunReason.Modified);
        DescriptorData.Of(edited.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains(".ChatEvals.")).ToString(), "Reply").Cases.SelectMany(c => c.Turns!).Should().Contain("I want my money back.");
    }

    private static IncrementalStepRunReason Reason(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].Single().Outputs.Single().Reason;

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static GlobalOptionsProvider Options() => GlobalOptionsProvider.With("build_property.MSBuildProjectDirectory", ProjectDirectory);

    private static GeneratorRun Run(string chats, string shops) =>
        GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(Options(), new[] { new InMemoryAdditionalText(ProjectDirectory + "/data/chats.jsonl", chats), new InMemoryAdditionalText(ProjectDirectory + "/data/shops.jsonl", shops) }),
            GeneratorHarness.CreateCompilation(Source));

    private static List<EvalProblem> Resolve(string chats)
    {
        EvalMethodParseResult parsed = GeneratorHarness.ParseMethod(Source, "Shop.Evals.ChatEvals", "Reply");
        parsed.Problems.Should().BeEmpty();
        var problems = new List<EvalProblem>();
        CasesFromResolver.Resolve(parsed.Spec!, new[] { DataFileSpec.Parse(ProjectDirectory + "/data/chats.jsonl", chats) }, ProjectDirectory, problems);
        return problems;
    }

    /// <summary>Whether the turns hold <paramref name="role"/> followed by <paramref name="content"/>.</summary>
    private static bool Pair(string[] turns, string role, string content) =>
        Enumerable.Range(0, turns.Length / 2).Any(i => turns[2 * i] == role && turns[(2 * i) + 1] == content);
}
