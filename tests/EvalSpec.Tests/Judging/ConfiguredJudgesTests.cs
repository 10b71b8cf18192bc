using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Tests.Reporting;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EvalSpec.Tests.Judging;

/// <summary>
/// Judges declared in evalspec.json: hostile declarations (typos, missing settings, keys written into the file, unknown
/// providers and roles, duplicate names) are errors naming the judge and the setting and never quoting a key; valid ones
/// become judges on their panel, unless the startup filled that panel in code. (Over HTTP, in a real run:
/// tests/EvalSpec.EndToEnd.Tests/ConfiguredJudgeRunTests.)
/// </summary>
public sealed class ConfiguredJudgesTests : IDisposable
{
    private const string PastedKey = "sk-proj-Zx81Qm4RtYv29NbLpWc7Hd3K";

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string JsonPath => _folder.Combine("evalspec.json");

    [Fact]
    public void A_misspelt_judge_setting_names_the_judge_setting_and_suggests_the_one_meant()
    {
        string message = LoadError("""{ "Judges": { "grader": { "Provider": "OpenAI", "Modle": "gpt-4o-mini", "ApiKeyVariable": "OPENAI_API_KEY" } } }""");

        message.Should().Contain("\"Judges:grader:Modle\"").And.Contain("Did you mean \"Model\"?");
    }

    [Fact]
    public void A_misspelt_judges_section_suggests_Judges()
    {
        LoadError("""{ "Judgs": { "grader": { "Provider": "OpenAI" } } }""").Should().Contain("Did you mean \"Judges\"?");
    }

    [Theory]
    [InlineData("Provider", "Anthropic", "OpenAICompatible, OpenAI, AzureOpenAI, Ollama")]
    [InlineData("Role", "grader", "Rubric, Equivalence, Pairwise")]
    [InlineData("CallTimeout", "30", "a bare number would be read as days")]
    public void An_unknown_provider_role_or_bad_value_lists_the_valid_ones(string setting, string value, string expected)
    {
        string message = LoadError($$"""{ "Judges": { "grader": { "Model": "llama3", "{{setting}}": "{{value}}" } } }""");

        message.Should().Contain($"Judges:grader:{setting}").And.Contain(expected);
    }

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("Key")]
    [InlineData("api_key")]
    [InlineData("Token")]
    [InlineData("Password")]
    public void A_key_written_into_the_file_is_refused_naming_the_setting_without_quoting_the_key(string setting)
    {
        string message = LoadError($$"""{ "Judges": { "grader": { "Provider": "OpenAI", "Model": "m", "{{setting}}": "{{PastedKey}}" } } }""");

        message.Should().Contain($"\"Judges:grader:{setting}\"").And.Contain("refused").And.Contain("ApiKeyVariable").And.NotContain(PastedKey);
    }

    [Fact]
    public void A_key_given_as_a_variable_is_refused_too_without_quoting_it()
    {
        string message = LoadError(null, ("EVALSPEC_JUDGES__GRADER__APIKEY", PastedKey));

        message.Should().Contain("EVALSPEC_JUDGES__GRADER__APIKEY").And.Contain("refused").And.NotContain(PastedKey);
    }

    [Theory]
    [InlineData(PastedKey)]
    [InlineData("3f9a0c7e5b1d4a2f8e6c0b9d7a5f3e1c")] // an Azure key: 32 hex digits
    [InlineData("Bearer abc")]
    [InlineData("9JUDGE")]
    public void A_key_pasted_into_ApiKeyVariable_is_refused_without_quoting_it(string value)
    {
        string message = LoadError($$"""{ "Judges": { "grader": { "Provider": "OpenAI", "Model": "m", "ApiKeyVariable": "{{value}}" } } }""");

        message.Should().Contain("\"Judges:grader:ApiKeyVariable\"").And.Contain("NAME").And.NotContain(value);
    }

    [Theory]
    [InlineData("OPENAI_API_KEY")]
    [InlineData("JudgeKey")]
    [InlineData("_AZURE_OPENAI_KEY_2")]
    public void Variable_names_are_accepted(string value)
    {
        ConfiguredJudges.KeyVariableProblem(value).Should().BeNull();
    }

    [Fact]
    public void Judge_names_that_differ_only_in_letter_case_are_duplicates()
    {
        string message = LoadError("""{ "Judges": { "grader": { "Provider": "Ollama", "Model": "a" }, "Grader": { "Provider": "Ollama", "Model": "b" } } }""");

        message.Should().Contain(JsonPath).And.Contain("duplicate").And.ContainEquivalentOf("grader");
    }

    [Fact]
    public void Missing_settings_are_each_named_with_the_judge()
    {
        string message = RegisterError("""
            { "Judges": {
                "a": { "Model": "m" },
                "b": { "Provider": "OpenAICompatible" },
                "c": { "Provider": "OpenAI", "Model": "gpt-4o-mini" },
                "d": { "Provider": "AzureOpenAI", "Model": "dep", "ApiKeyVariable": "AZ_KEY" },
                "e": { "Provider": "Ollama", "Model": "llama3", "ApiKeyVariable": "OLLAMA_KEY" },
                "f": { "Provider": "Ollama", "Model": "llama3", "Role": "Pairwise", "PassingScore": 4 },
                "g": { "Provider": "OpenAICompatible", "Model": "m", "Endpoint": "ftp://host/v1" },
                "h": { "Provider": "Ollama", "Model": "llama3", "MaxRetries": -1 }
            } }
            """, ("AZ_KEY", "azure-secret-value"));

        message.Should().Contain("9 problems")
            .And.Contain("Judge 'a': \"Judges:a:Provider\" is missing")
            .And.Contain("Judge 'b': \"Judges:b:Model\" is missing")
            .And.Contain("Judge 'b': \"Judges:b:Endpoint\" is missing")
            .And.Contain("Judge 'c': \"Judges:c:ApiKeyVariable\" is missing")
            .And.Contain("Judge 'd': \"Judges:d:Endpoint\" is missing")
            .And.Contain("Judge 'e': \"Judges:e:ApiKeyVariable\" is set, but an Ollama judge sends no key")
            .And.Contain("Judge 'f': \"Judges:f:PassingScore\" applies to rubric judges only")
            .And.Contain("Judge 'g': \"Judges:g:Endpoint\" is not an http(s) address")
            .And.Contain("Judge 'h': MaxRetries must be 0 or more. Fix \"Judges:h:MaxRetries\".");
    }

    [Fact]
    public void A_key_variable_that_is_not_set_is_named_with_the_judge()
    {
        string message = RegisterError("""{ "Judges": { "grader": { "Provider": "OpenAI", "Model": "gpt-4o-mini", "ApiKeyVariable": "GRADER_API_KEY" } } }""", ("GRADER_API_KEY", "  "));

        message.Should().Contain("Judge 'grader' reads its key from the environment variable GRADER_API_KEY").And.Contain("not set or empty");
    }

    [Fact]
    public void Valid_declarations_become_judges_of_their_role_on_their_panel()
    {
        (EvalSetup setup, IReadOnlyList<string> skipped) = Register("""
            { "Judges": {
                "strict": { "Provider": "OpenAICompatible", "Model": "judge-model", "Endpoint": "http://127.0.0.1:9/v1", "PassingScore": 4, "Temperature": 0 },
                "same": { "Provider": "OpenAI", "Model": "gpt-4o-mini", "ApiKeyVariable": "GRADER_API_KEY", "Role": "Equivalence" },
                "versus": { "Provider": "Ollama", "Model": "llama3", "Role": "Pairwise" }
            } }
            """, ("GRADER_API_KEY", "the-key-value-1234"));

        skipped.Should().BeEmpty();
        using ServiceProvider services = setup.Services.BuildServiceProvider();
        IJudge[] rubric = services.GetServices<IJudge>().ToArray();
        rubric.Select(j => (j.Name, j.GetType())).Should().BeEquivalentTo(new[] { ("strict", typeof(RubricJudge)), ("versus", typeof(PairwiseJudge)) });
        ((RubricJudge)rubric.Single(j => j.Name == "strict")).PassingScore.Should().Be(4);
        ((IModelJudge)rubric.Single(j => j.Name == "strict")).Model.Should().Be("judge-model");
        IJudge invariance = services.GetKeyedServices<IJudge>(JudgeRoles.Invariance).Single();
        invariance.Should().BeOfType<EquivalenceJudge>().Which.Model.Should().Be("gpt-4o-mini");
    }

    [Fact]
    public void A_panel_filled_in_code_keeps_its_code_judges_and_the_others_still_get_configured_ones()
    {
        (EvalSetup setup, IReadOnlyList<string> skipped) = Register(
            """
            { "Judges": {
                "configured-rubric": { "Provider": "Ollama", "Model": "llama3" },
                "configured-equivalence": { "Provider": "Ollama", "Model": "llama3", "Role": "Equivalence" }
            } }
            """,
            environment: Array.Empty<(string, string)>(),
            startup: s => s.AddRubricJudge(new ExpectedAnswerJudge()));

        skipped.Should().Equal("configured-rubric");
        using ServiceProvider services = setup.Services.BuildServiceProvider();
        services.GetServices<IJudge>().Should().ContainSingle().Which.Should().BeOfType<ExpectedAnswerJudge>();
        services.GetKeyedServices<IJudge>(JudgeRoles.Invariance).Should().ContainSingle().Which.Name.Should().Be("configured-equivalence");
    }

    [Fact]
    public void A_configured_judge_with_the_name_of_a_code_judge_is_an_error()
    {
        string name = new ExpectedAnswerJudge().Name;
        string message = RegisterError($$"""{ "Judges": { "{{name}}": { "Provider": "Ollama", "Model": "llama3", "Role": "Equivalence" } } }""",
            startup: s => s.AddRubricJudge(new ExpectedAnswerJudge()));

        message.Should().Contain($"Judge '{name}'").And.Contain("rename one of them");
    }

    [Fact]
    public void The_self_preference_guard_refuses_a_configured_judge_of_the_model_under_test()
    {
        (EvalSetup setup, _) = Register("""
            { "SystemUnderTestModels": [ "llama3" ],
              "Judges": { "grader": { "Provider": "Ollama", "Model": "llama3" } } }
            """);
        IJudge[] judges = setup.Services.BuildServiceProvider().GetServices<IJudge>().ToArray();

        Action panel = () => EvalRunHost.CreatePanel("rubric", judges, setup.Options, null, false);

        panel.Should().Throw<EvalConfigurationException>().WithMessage("*'grader' (llama3) uses the model under test*");
    }

    [Fact]
    public void AllowSelfPreference_in_the_declaration_lets_it_through()
    {
        (EvalSetup setup, _) = Register("""
            { "SystemUnderTestModels": [ "llama3" ],
              "Judges": { "grader": { "Provider": "Ollama", "Model": "llama3", "AllowSelfPreference": true } } }
            """);
        IJudge[] judges = setup.Services.BuildServiceProvider().GetServices<IJudge>().ToArray();

        EvalRunHost.CreatePanel("rubric", judges, setup.Options, null, false).Should().NotBeNull();
    }

    [Fact]
    public void An_ollama_judge_is_an_OllamaSharp_client_at_the_default_address_behind_the_recording()
    {
        IChatClient client = ConfiguredJudges.CreateClient("local", new JudgeModelOptions { Provider = JudgeProvider.Ollama, Model = "llama3" }, key: null);

        client.Should().BeOfType<EvalSpec.Recording.RecordingChatClient>();
        client.GetService<OllamaSharp.OllamaApiClient>().Should().NotBeNull();
        ChatClientMetadata metadata = client.GetService<ChatClientMetadata>()!;
        metadata.ProviderUri.Should().Be(ConfiguredJudges.DefaultOllamaEndpoint);
        metadata.DefaultModelId.Should().Be("llama3");
    }

    [Theory]
    [InlineData("https://res.openai.azure.com", "https://res.openai.azure.com/openai/v1/")]
    [InlineData("https://res.openai.azure.com/", "https://res.openai.azure.com/openai/v1/")]
    [InlineData("https://res.openai.azure.com/openai/v1", "https://res.openai.azure.com/openai/v1/")]
    public void An_azure_judge_speaks_the_v1_api_of_the_resource(string resource, string expected)
    {
        ConfiguredJudges.AzureV1Endpoint(new Uri(resource)).Should().Be(new Uri(expected));
        IChatClient client = ConfiguredJudges.CreateClient("az", new JudgeModelOptions { Provider = JudgeProvider.AzureOpenAI, Model = "dep", Endpoint = resource }, key: "k");
        client.GetService<ChatClientMetadata>()!.ProviderUri.Should().Be(new Uri(expected));
    }

    [Fact]
    public void An_endpoint_can_come_from_an_environment_variable_and_the_judge_keeps_the_file_s_spelling_of_its_name()
    {
        (EvalSetup setup, _) = Register("""{ "Judges": { "grader": { "Provider": "OpenAICompatible", "Model": "m", "Endpoint": "http://127.0.0.1:9/v1" } } }""",
            ("EVALSPEC_JUDGES__GRADER__ENDPOINT", "http://127.0.0.1:5555/v1"));

        setup.Options.Judges["grader"].Endpoint.Should().Be("http://127.0.0.1:5555/v1");
        using ServiceProvider services = setup.Services.BuildServiceProvider();
        services.GetServices<IJudge>().Should().ContainSingle().Which.Name.Should().Be("grader", "the name is spelt as the file spells it, not as the variable does");
    }

    private string LoadError(string? json, params (string Name, string Value)[] variables)
    {
        Action load = () => Load(json, variables);
        return load.Should().Throw<EvalConfigurationException>().Which.Message;
    }

    private string RegisterError(string json, params (string Name, string Value)[] environment) => RegisterError(json, environment, null);

    private string RegisterError(string json, (string Name, string Value)[]? environment = null, Action<EvalSetup>? startup = null)
    {
        Action register = () => Register(json, environment ?? Array.Empty<(string, string)>(), startup);
        return register.Should().Throw<EvalConfigurationException>().Which.Message;
    }

    private (EvalSetup Setup, IReadOnlyList<string> Skipped) Register(string json, params (string Name, string Value)[] environment) => Register(json, environment, null);

    private (EvalSetup Setup, IReadOnlyList<string> Skipped) Register(string json, (string Name, string Value)[] environment, Action<EvalSetup>? startup)
    {
        IConfigurationRoot configuration = Load(json, environment);
        EvalOptions options = EvalRunHost.BindOptions(configuration);
        var setup = new EvalSetup(new ServiceCollection(), configuration, options);
        startup?.Invoke(setup);
        return (setup, ConfiguredJudges.Register(setup, Environment(environment)));
    }

    private IConfigurationRoot Load(string? json, (string Name, string Value)[] variables)
    {
        if (json is not null)
        {
            File.WriteAllText(JsonPath, json);
        }

        return EvalConfiguration.Load(JsonPath, Environment(variables));
    }

    private static IDictionary Environment((string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => (object?)v.Value);
}
