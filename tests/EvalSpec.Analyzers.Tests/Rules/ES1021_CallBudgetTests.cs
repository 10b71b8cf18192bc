using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES1021_CallBudgetTests
{
    /// <summary>A startup registering three LLM judges and two that make no model calls.</summary>
    private const string StartupWithThreeLlmJudges = """
        using System.Threading;
        using System.Threading.Tasks;
        using EvalSpec;
        using EvalSpec.Judging;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;

        [assembly: EvalStartup(typeof(Judges))]

        public sealed class Judges : IEvalStartup
        {
            private static readonly IChatClient Llama = null!;

            public void Configure(EvalSetup setup)
            {
                setup.AddRubricJudge(new RubricJudge("llama", Llama))
                     .AddRubricJudge(new ContainsJudge(new[] { "days" }));
                IJudge equivalence = new EquivalenceJudge("equivalence", Llama);
                setup.AddInvarianceJudge(equivalence);
                setup.Services.AddSingleton<IJudge, PolitenessJudge>();
                setup.Services.AddSingleton<IJudge>(new LengthJudge());
                setup.Options.Quorum = 1;
            }
        }

        public sealed class PolitenessJudge : IModelJudge
        {
            public string Name => "politeness";
            public string? Model => "qwen";
            public bool AllowSelfPreference => false;
            public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) => default;
        }

        public sealed class LengthJudge : IJudge
        {
            public string Name => "length";
            public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) => default;
        }
        """;

    [Fact]
    public async Task Eval_over_the_default_budget_is_reported_with_the_computed_count()
    {
        // 3 cases x 2 variants x (1 + 2 relations) = 18 rows, x 150 trials x (1 + 0 judges) = 2700 calls > 2000.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval(Trials = 150)]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("casual", "how long can i send back my {product}")]
                [Case("laptop"), Case("phone"), Case("headphones")]
                [Invariant<Typos>, Invariant<Lowercase>]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await VerifyAsync(new[] { source }, budget: null, Budget(0, "RefundEvals.RefundWindow", 2700, 3, 2, 2, 150, 0, 2000));
    }

    [Fact]
    public async Task Eval_within_the_default_budget_is_not_reported()
    {
        // 18 rows x 100 trials = 1800 calls.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval(Trials = 100)]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Prompt("casual", "how long can i send back my {product}")]
                [Case("laptop"), Case("phone"), Case("headphones")]
                [Invariant<Typos>, Invariant<Lowercase>]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await VerifyAsync(new[] { source }, budget: null);
    }

    [Fact]
    public async Task Llm_judges_registered_by_the_startup_multiply_the_calls_and_other_judges_do_not()
    {
        // 2 cases x 1 implicit variant x (1 + 1 relation) = 4 rows, x 1 trial x (1 + 3 LLM judges) = 16 calls > 10.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval]
                [Case("What is the refund window for a laptop?"), Case("And for a phone?")]
                [Invariant<Typos>(Parameter = "question")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await VerifyAsync(new[] { source, StartupWithThreeLlmJudges }, budget: "10", Budget(0, "RefundEvals.RefundWindow", 16, 2, 1, 1, 1, 3, 10));
    }

    [Fact]
    public async Task Cases_from_a_case_file_count_with_the_attribute_cases()
    {
        // 1 [Case] + 3 JSONL rows = 4 cases x 1 variant x (1 + 1 relation) = 8 rows x 2 trials = 16 calls > 10.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval(Trials = 2)]
                [Case("What is the refund window for a laptop?")]
                [CasesFrom("data/questions.jsonl")]
                [Invariant<Typos>(Parameter = "question")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await VerifyAsync(
            new[] { source },
            budget: "10",
            new[] { ("/data/questions.jsonl", "{\"question\": \"a\"}\n{\"question\": \"b\"}\n{\"question\": \"c\"}\n") },
            Budget(0, "RefundEvals.RefundWindow", 16, 4, 1, 1, 2, 0, 10));
    }

    [Fact]
    public async Task Calls_equal_to_the_budget_are_not_reported()
    {
        // 4 rows x (1 + 3 judges) = 16 calls, budget 16.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Metamorphic;

            public partial class RefundEvals
            {
                [Eval]
                [Case("What is the refund window for a laptop?"), Case("And for a phone?")]
                [Invariant<Typos>(Parameter = "question")]
                public Task<string> RefundWindow(EvalInput input, string question) => Task.FromResult(question);
            }
            """;

        await VerifyAsync(new[] { source, StartupWithThreeLlmJudges }, budget: "16");
    }

    [Fact]
    public async Task Judges_of_a_startup_the_assembly_does_not_name_are_not_counted()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;
            using EvalSpec.Judging;
            using Microsoft.Extensions.AI;

            public sealed class UnusedStartup : IEvalStartup
            {
                public void Configure(EvalSetup setup) => setup.AddRubricJudge(new RubricJudge("llama", (IChatClient)null!));
            }

            public partial class RefundEvals
            {
                [Eval(Trials = 3)]
                [Case("laptop"), Case("phone")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(product);
            }
            """;

        await VerifyAsync(new[] { source }, budget: "5", Budget(0, "RefundEvals.RefundWindow", 6, 2, 1, 0, 3, 0, 5));
    }

    [Fact]
    public async Task Judges_built_by_a_factory_lambda_or_held_in_a_local_are_counted()
    {
        const string startup = """
            using EvalSpec;
            using EvalSpec.Judging;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            [assembly: EvalStartup(typeof(Judges))]

            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    IChatClient client = null!;
                    setup.Services.AddSingleton<IJudge>(_ => new PairwiseJudge("pairwise", client));
                    var rubric = new RubricJudge("rubric", client);
                    setup.Services.AddSingleton(rubric);
                }
            }
            """;
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Case("laptop")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(product);
            }
            """;

        await VerifyAsync(new[] { source, startup }, budget: "0", Budget(0, "RefundEvals.RefundWindow", 3, 1, 1, 0, 1, 2, 0));
    }

    [Fact]
    public async Task Variants_of_prompt_files_are_counted()
    {
        // 1 case x (1 inline + 2 file variants) = 3 rows.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval]
                [Prompt("inline", "Refund window for {product}?")]
                [PromptSet("refund")]
                [Case("laptop")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await VerifyAsync(
            new[] { source },
            budget: "2",
            additionalFiles: new[] { ("/prompts/refund.prompts", "formal: What is the refund window for {product}?\ncasual: how long for my {product}") },
            Budget(0, "RefundEvals.RefundWindow", 3, 1, 3, 0, 1, 0, 2));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-5")]
    [InlineData("")]
    public async Task An_invalid_budget_falls_back_to_the_default(string budget)
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval(Trials = 2001)]
                [Case("laptop")]
                public Task<string> {|#0:RefundWindow|}(EvalInput input, string product) => Task.FromResult(product);
            }
            """;

        await VerifyAsync(new[] { source }, budget, Budget(0, "RefundEvals.RefundWindow", 2001, 1, 1, 0, 2001, 0, 2000));
    }

    [Fact]
    public async Task Eval_with_an_authoring_error_is_left_to_the_declaration_rules()
    {
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval(Trials = 5000, Threshold = 2)]
                [Case("laptop")]
                public Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(product);
            }
            """;

        await VerifyAsync(new[] { source }, budget: null);
    }

    private static DiagnosticResult Budget(int markupKey, string method, long calls, int cases, int variants, int relations, int trials, int judges, long budget) =>
        new DiagnosticResult(DiagnosticDescriptors.CallBudgetExceeded)
            .WithLocation(markupKey)
            .WithArguments(method, calls, cases, variants, relations, trials, judges, budget);

    private static Task VerifyAsync(string[] sources, string? budget, params DiagnosticResult[] expected) =>
        VerifyAsync(sources, budget, System.Array.Empty<(string, string)>(), expected);

    /// <summary>Runs the analyzer over the sources (the first one with markup) with EvalSpecCallBudget set as MSBuild would.</summary>
    private static Task VerifyAsync(string[] sources, string? budget, (string Path, string Text)[] additionalFiles, params DiagnosticResult[] expected)
    {
        var test = new EvalAnalyzerTest<CallBudgetAnalyzer>(referenceEvalSpecRuntime: true);
        for (int i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/0/Test" + i + ".cs", sources[i]));
        }

        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection).Assembly.Location));
        if (budget is not null)
        {
            // What <CompilerVisibleProperty Include="EvalSpecCallBudget" /> passes to the analyzer.
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.EvalSpecCallBudget = " + budget + "\n"));
        }

        foreach ((string path, string text) in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
    [Fact]
    public async Task Partial_eval_is_reported_once_on_its_definition_part()
    {
        // 1 row x 5000 trials = 5000 calls > 2000.
        const string source = """
            using System.Threading.Tasks;
            using EvalSpec;

            public partial class RefundEvals
            {
                [Eval(Trials = 5000)]
                [Prompt("formal", "What is the refund window for {product}?")]
                [Case("laptop")]
                public partial Task<string> {|#0:RefundWindow|}(EvalInput input, string product);

                public partial Task<string> RefundWindow(EvalInput input, string product) => Task.FromResult(input.Prompt);
            }
            """;

        await VerifyAsync(new[] { source }, budget: null, Budget(0, "RefundEvals.RefundWindow", 5000, 1, 1, 0, 5000, 0, 2000));
    }
}
