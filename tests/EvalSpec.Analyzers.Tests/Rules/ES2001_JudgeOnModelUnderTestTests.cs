using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Analyzers.Tests.Verifiers;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace EvalSpec.Analyzers.Tests.Rules;

public class ES2001_JudgeOnModelUnderTestTests
{
    /// <summary>
    /// Stand-ins with the shapes of the OpenAI and Azure clients (the test compilation does not reference those
    /// SDKs): the rule keys on the model id argument, not on a type.
    /// </summary>
    private const string Clients = """
        namespace OpenAI
        {
            public sealed class OpenAIClient
            {
                public OpenAIClient(string apiKey) { }
                public Chat.ChatClient GetChatClient(string model) => new(model, "key");
            }
        }

        namespace OpenAI.Chat
        {
            public sealed class ChatClient
            {
                public ChatClient(string model, string apiKey) { }
            }
        }

        namespace Azure
        {
            public sealed class DeploymentClient
            {
                public DeploymentClient(System.Uri endpoint, string deploymentName) { }
            }
        }

        public static class ClientAdapters
        {
            public static Microsoft.Extensions.AI.IChatClient AsIChatClient(this OpenAI.Chat.ChatClient client) => null!;
            public static Microsoft.Extensions.AI.IChatClient AsIChatClient(this Azure.DeploymentClient client) => null!;
        }
        """;

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using EvalSpec;
        using EvalSpec.Judging;
        using Microsoft.Extensions.AI;

        """;

    [Fact]
    public async Task Judge_whose_client_names_the_model_under_test_is_a_warning_on_the_judge()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    setup.Options.SystemUnderTestModels.Add("gpt-4o");
                    setup.AddRubricJudge({|#0:new RubricJudge("gpt-judge", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient())|});
                }
            }
            """;

        await VerifyAsync(source, SelfPreference(0, "gpt-judge", "gpt-4o", "gpt-4o"));
    }

    [Fact]
    public void Message_names_the_judge_the_model_and_the_opt_in()
    {
        string message = Diagnostic.Create(DiagnosticDescriptors.JudgeOnModelUnderTest, Location.None, "gpt-judge", "gpt-4o-2024-08-06", "gpt-4o")
            .GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        message.Should().Be(
            "Judge 'gpt-judge' uses the model 'gpt-4o-2024-08-06', which the system under test uses ('gpt-4o' in SystemUnderTestModels): " +
            "a model grading its own outputs favours them. Use a judge from another model family, or set AllowSelfPreference = true in its LlmJudgeOptions if you accept the bias.");
    }

    [Fact]
    public async Task Dated_snapshots_and_case_differences_are_the_same_model()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    setup.Options.SystemUnderTestModels.Add("GPT-4o");
                    setup.AddRubricJudge({|#0:new RubricJudge("dated", new OpenAI.Chat.ChatClient("gpt-4o-2024-08-06", "key").AsIChatClient())|});
                    setup.AddRubricJudge({|#1:new PairwiseJudge("lower", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient())|});
                }
            }
            """;

        await VerifyAsync(
            source,
            SelfPreference(0, "dated", "gpt-4o-2024-08-06", "GPT-4o"),
            SelfPreference(1, "lower", "gpt-4o", "GPT-4o"));
    }

    [Fact]
    public async Task Model_ids_are_followed_through_GetChatClient_and_one_local()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    const string underTest = "llama3.1";
                    string judgeModel = "llama3.1";
                    setup.Options.SystemUnderTestModels.Add(underTest);
                    var openAi = new OpenAI.OpenAIClient("key");
                    IChatClient judgeClient = openAi.GetChatClient(judgeModel).AsIChatClient();
                    setup.AddInvarianceJudge({|#0:new EquivalenceJudge("equivalence", judgeClient)|});
                }
            }
            """;

        await VerifyAsync(source, SelfPreference(0, "equivalence", "llama3.1", "llama3.1"));
    }

    [Fact]
    public async Task Deployment_names_and_own_helpers_with_a_model_parameter_are_read()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    setup.Options.SystemUnderTestModels.Add("gpt-4o");
                    setup.Options.SystemUnderTestModels.Add("mistral-large");
                    setup.AddRubricJudge({|#0:new RubricJudge("azure", new Azure.DeploymentClient(new Uri("https://example.org"), "gpt-4o").AsIChatClient())|});
                    setup.AddRubricJudge({|#1:new RubricJudge("own", Client("mistral-large"))|});
                }

                private static IChatClient Client(string model) => null!;
            }
            """;

        await VerifyAsync(
            source,
            SelfPreference(0, "azure", "gpt-4o", "gpt-4o"),
            SelfPreference(1, "own", "mistral-large", "mistral-large"));
    }

    [Fact]
    public async Task Models_under_test_in_a_collection_initializer_count()
    {
        const string source = Usings + """
            public static class Panels
            {
                public static IJudge[] Build()
                {
                    var options = new EvalOptions { SystemUnderTestModels = { "qwen2.5", "phi-4" } };
                    return new IJudge[] { {|#0:new RubricJudge("qwen", new OpenAI.Chat.ChatClient("qwen2.5", "key").AsIChatClient())|} };
                }
            }
            """;

        await VerifyAsync(source, SelfPreference(0, "qwen", "qwen2.5", "qwen2.5"));
    }

    [Fact]
    public async Task The_model_id_of_the_judge_options_wins_over_the_client_as_at_run_time()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    setup.Options.SystemUnderTestModels.Add("gpt-4o");
                    IChatClient gateway = new OpenAI.Chat.ChatClient("router", "key").AsIChatClient();
                    setup.AddRubricJudge({|#0:new RubricJudge("routed", gateway, new LlmJudgeOptions { ChatOptions = new ChatOptions { ModelId = "gpt-4o" } })|});
                    setup.AddRubricJudge(new RubricJudge("other", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient(), new LlmJudgeOptions { ChatOptions = new() { ModelId = "claude-3-5-sonnet" } }));
                }
            }
            """;

        await VerifyAsync(source, SelfPreference(0, "routed", "gpt-4o", "gpt-4o"));
    }

    [Fact]
    public async Task Options_that_leave_self_preference_off_do_not_opt_in()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    setup.Options.SystemUnderTestModels.Add("gpt-4o");
                    var options = new LlmJudgeOptions { MaxRetries = 1, AllowSelfPreference = false };
                    options.CallTimeout = TimeSpan.FromSeconds(5);
                    setup.AddRubricJudge({|#0:new RubricJudge("strict", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient(), options)|});
                }
            }
            """;

        await VerifyAsync(source, SelfPreference(0, "strict", "gpt-4o", "gpt-4o"));
    }

    [Fact]
    public async Task Judge_that_opts_in_is_not_reported()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    setup.Options.SystemUnderTestModels.Add("gpt-4o");
                    setup.AddRubricJudge(new RubricJudge("inline", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient(), new LlmJudgeOptions { AllowSelfPreference = true }));
                    var options = new LlmJudgeOptions();
                    options.AllowSelfPreference = true;
                    setup.AddRubricJudge(new RubricJudge("later", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient(), options));
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Judges_on_other_models_are_not_reported()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    setup.Options.SystemUnderTestModels.Add("gpt-4o");
                    setup.AddRubricJudge(new RubricJudge("mini", new OpenAI.Chat.ChatClient("gpt-4o-mini", "key").AsIChatClient()));
                    setup.AddRubricJudge(new RubricJudge("llama", new OpenAI.Chat.ChatClient("llama3.1", "key").AsIChatClient()));
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Model_ids_that_are_not_constants_are_not_compared()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    string fromEnvironment = Environment.GetEnvironmentVariable("JUDGE_MODEL") ?? "gpt-4o";
                    setup.Options.SystemUnderTestModels.Add("gpt-4o");
                    setup.AddRubricJudge(new RubricJudge("env", new OpenAI.Chat.ChatClient(fromEnvironment, "key").AsIChatClient()));

                    string reassigned = "gpt-4o";
                    if (setup.Options.Quorum > 1)
                    {
                        reassigned = "llama3.1";
                    }

                    setup.AddRubricJudge(new RubricJudge("reassigned", new OpenAI.Chat.ChatClient(reassigned, "key").AsIChatClient()));
                    foreach (string model in new[] { "gpt-4o", "phi-4" })
                    {
                        setup.AddRubricJudge(new RubricJudge(model, new OpenAI.Chat.ChatClient(model, "key").AsIChatClient()));
                    }
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Options_that_are_not_visible_are_not_judged()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                private static readonly LlmJudgeOptions Shared = new() { AllowSelfPreference = true };

                public void Configure(EvalSetup setup)
                {
                    setup.Options.SystemUnderTestModels.Add("gpt-4o");
                    setup.AddRubricJudge(new RubricJudge("shared", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient(), Shared));
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Models_under_test_of_another_method_are_not_compared()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    AddModels(setup);
                    setup.AddRubricJudge(new RubricJudge("judge", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient()));
                }

                private static void AddModels(EvalSetup setup) => setup.Options.SystemUnderTestModels.Add("gpt-4o");
            }
            """;

        await VerifyAsync(source);
    }

    [Fact]
    public async Task Other_lists_of_model_ids_are_not_models_under_test()
    {
        const string source = Usings + """
            public sealed class Judges : IEvalStartup
            {
                public void Configure(EvalSetup setup)
                {
                    var candidates = new List<string> { "gpt-4o" };
                    candidates.Add("gpt-4o");
                    setup.AddRubricJudge(new RubricJudge("judge", new OpenAI.Chat.ChatClient("gpt-4o", "key").AsIChatClient()));
                }
            }
            """;

        await VerifyAsync(source);
    }

    [Theory]
    [InlineData("gpt-4o", "gpt-4o", true)]
    [InlineData("GPT-4O", "gpt-4o", true)]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o", true)]
    [InlineData("gpt-4o", "gpt-4o-2024-08-06", true)]
    [InlineData("gpt-4o-mini", "gpt-4o", false)]
    [InlineData("gpt-4o-", "gpt-4o", false)]
    [InlineData("gpt-4", "gpt-4o", false)]
    [InlineData("gpt-4o", " ", false)]
    public void Model_ids_compare_like_the_run_time_guard(string judge, string systemUnderTest, bool same)
    {
        JudgeOnModelUnderTestAnalyzer.SameModel(judge, systemUnderTest).Should().Be(same);
    }

    private static DiagnosticResult SelfPreference(int markupKey, string judge, string model, string modelUnderTest) =>
        new DiagnosticResult(DiagnosticDescriptors.JudgeOnModelUnderTest).WithLocation(markupKey).WithArguments(judge, model, modelUnderTest);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new EvalAnalyzerTest<JudgeOnModelUnderTestAnalyzer>(referenceEvalSpecRuntime: true) { TestCode = source };
        test.TestState.Sources.Add(("/0/Clients.cs", Clients));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
