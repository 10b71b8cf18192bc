using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OllamaSharp;
using OpenAI;

namespace EvalSpec.Judging;

/// <summary>
/// Builds the judges declared in configuration (<see cref="EvalOptions.Judges"/>): checks each declaration, reads its key
/// from the environment variable it names, builds its chat client (provider client, then EvalSpec's recording next to
/// it) and the judge of its role, and adds it to its panel unless the startup filled that panel in code.
/// </summary>
internal static class ConfiguredJudges
{
    /// <summary>Ollama's address when <see cref="JudgeModelOptions.Endpoint"/> is not given.</summary>
    public static readonly Uri DefaultOllamaEndpoint = new("http://localhost:11434");

    /// <summary>The key sent to an OpenAI-compatible server when no key variable is named (the client needs one; local servers ignore it).</summary>
    internal const string NoKey = "no-key";

    /// <summary>
    /// Why <paramref name="value"/> cannot be the name of the key's environment variable (a sentence that never quotes
    /// the value, which may be the key itself), or null when it can.
    /// </summary>
    public static string? KeyVariableProblem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        bool isName = (char.IsAsciiLetter(value[0]) || value[0] == '_') && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!isName)
        {
            return "must be the NAME of the environment variable that holds the key (letters, digits and _, such as \"OPENAI_API_KEY\"), never the key itself; "
                + "its value is not one. Put the key in an environment variable and give the variable's name here.";
        }

        // A name with lower-case letters and digits mixed, long and without separators, is a key pasted in the wrong place
        // (Azure keys are 32 hex digits, many gateways' keys are base62).
        bool looksRandom = value.Length >= 20 && !value.Contains('_', StringComparison.Ordinal) && value.Any(char.IsAsciiDigit) && value.Any(char.IsAsciiLetterLower);
        return looksRandom
            ? "looks like a key, not the NAME of an environment variable: never put the key in the configuration. Put it in an environment variable (such as JUDGE_API_KEY) and give that name here."
            : null;
    }

    /// <summary>Whether a key of a judge's section names a credential (<c>ApiKey</c>, <c>Key</c>, <c>Token</c>, <c>Password</c>...).</summary>
    public static bool LooksLikeKeySetting(string key) =>
        string.Equals(key, "key", StringComparison.OrdinalIgnoreCase) || Secrets.SecretRedactor.IsSecretVariable(key);

    /// <summary>
    /// Adds the configured judges to <paramref name="setup"/>'s services, after the startup ran. A panel (rubric or
    /// invariance) that the startup filled in code keeps its code judges only; the skipped declarations are returned.
    /// </summary>
    /// <exception cref="EvalConfigurationException">A declaration is incomplete or invalid, or its key variable is not set: each problem names the judge and the setting.</exception>
    public static IReadOnlyList<string> Register(EvalSetup setup, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(environment);
        IDictionary<string, JudgeModelOptions> declared = setup.Options.Judges;
        if (declared.Count == 0)
        {
            return Array.Empty<string>();
        }

        bool codeRubric = setup.Services.Any(d => d.ServiceType == typeof(IJudge) && !d.IsKeyedService);
        bool codeInvariance = setup.Services.Any(d => d.ServiceType == typeof(IJudge) && d.IsKeyedService && Equals(d.ServiceKey, JudgeRoles.Invariance));
        var codeNames = new HashSet<string>(
            setup.Services.Where(d => d.ServiceType == typeof(IJudge)).Select(d => d.IsKeyedService ? d.KeyedImplementationInstance : d.ImplementationInstance).OfType<IJudge>().Select(j => j.Name),
            StringComparer.OrdinalIgnoreCase);

        var problems = new List<string>();
        var built = new List<(JudgeModelRole Role, IJudge Judge)>();
        var skipped = new List<string>();
        IReadOnlyDictionary<string, string> spellings = Spellings(setup.Configuration);
        foreach ((string declaredName, JudgeModelOptions options) in declared.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
        {
            string name = spellings.TryGetValue(declaredName, out string? spelt) ? spelt : declaredName;
            bool inCodePanel = options.Role == JudgeModelRole.Equivalence ? codeInvariance : codeRubric;
            if (inCodePanel)
            {
                skipped.Add(name);
                continue;
            }

            if (codeNames.Contains(name))
            {
                problems.Add($"Judge '{name}' in \"{nameof(EvalOptions.Judges)}\" has the name of a judge the startup registers in code; judges are told apart by name, so rename one of them.");
                continue;
            }

            int before = problems.Count;
            Validate(name, options, problems);
            string? key = problems.Count == before ? ReadKey(name, options, environment, problems) : null;
            if (problems.Count > before)
            {
                continue;
            }

            try
            {
                built.Add((options.Role, CreateJudge(name, options, CreateClient(name, options, key))));
            }
            catch (Exception ex) when (ex is ArgumentException or UriFormatException or InvalidOperationException)
            {
                problems.Add($"Judge '{name}' in \"{nameof(EvalOptions.Judges)}\" cannot be built: {ex.Message}");
            }
        }

        if (problems.Count == 1)
        {
            throw new EvalConfigurationException(problems[0]);
        }

        if (problems.Count > 1)
        {
            throw new EvalConfigurationException("The judges in EvalSpec's configuration have " + problems.Count.ToString(CultureInfo.InvariantCulture) + " problems:\n- " + string.Join("\n- ", problems));
        }

        foreach ((JudgeModelRole role, IJudge judge) in built)
        {
            if (role == JudgeModelRole.Equivalence)
            {
                setup.AddInvarianceJudge(judge);
            }
            else
            {
                setup.AddRubricJudge(judge);
            }
        }

        return skipped;
    }

    /// <summary>
    /// Each judge's name as the first configuration source that declares it spells it: the binder keeps the spelling of
    /// the last source, so <c>EVALSPEC_JUDGES__GRADER__ENDPOINT</c> would otherwise rename the file's judge "grader" to
    /// "GRADER" in results and recordings, where names are keys.
    /// </summary>
    private static IReadOnlyDictionary<string, string> Spellings(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var spellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (configuration is Microsoft.Extensions.Configuration.IConfigurationRoot root)
        {
            foreach (Microsoft.Extensions.Configuration.IConfigurationProvider source in root.Providers)
            {
                foreach (string name in source.GetChildKeys(Array.Empty<string>(), nameof(EvalOptions.Judges)))
                {
                    spellings.TryAdd(name, name);
                }
            }
        }

        return spellings;
    }

    /// <summary>Adds to <paramref name="problems"/> what is missing or wrong in a declaration (nothing is built yet).</summary>
    internal static void Validate(string name, JudgeModelOptions options, List<string> problems)
    {
        string Setting(string setting) => $"\"{nameof(EvalOptions.Judges)}:{name}:{setting}\"";

        if (options.Provider is not { } provider)
        {
            problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.Provider))} is missing; use one of {string.Join(", ", Enum.GetNames<JudgeProvider>())}.");
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.Model))} is missing; give the model id{(provider == JudgeProvider.AzureOpenAI ? " (the deployment name)" : string.Empty)}.");
        }

        bool endpointRequired = provider is JudgeProvider.OpenAICompatible or JudgeProvider.AzureOpenAI;
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            if (endpointRequired)
            {
                problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.Endpoint))} is missing; the {provider} provider needs the server's address"
                    + (provider == JudgeProvider.AzureOpenAI ? " (https://YOUR-RESOURCE.openai.azure.com)." : " (its /v1 base, such as http://localhost:8000/v1)."));
            }
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out Uri? endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.Endpoint))} is not an http(s) address.");
        }

        if (KeyVariableProblem(options.ApiKeyVariable) is { } keyProblem)
        {
            problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.ApiKeyVariable))} {keyProblem}");
        }
        else if (string.IsNullOrEmpty(options.ApiKeyVariable) && provider is JudgeProvider.OpenAI or JudgeProvider.AzureOpenAI)
        {
            problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.ApiKeyVariable))} is missing; the {provider} provider needs a key: give the name of the environment variable that holds it (such as \"OPENAI_API_KEY\").");
        }
        else if (!string.IsNullOrEmpty(options.ApiKeyVariable) && provider == JudgeProvider.Ollama)
        {
            problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.ApiKeyVariable))} is set, but an Ollama judge sends no key; remove it (or use OpenAICompatible with the server's /v1 address if it sits behind a gateway that needs one).");
        }

        if (options.PassingScore is not null && options.Role != JudgeModelRole.Rubric)
        {
            problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.PassingScore))} applies to rubric judges only, and this judge's role is {options.Role}; remove it.");
        }

        if (options.PassingScore is double score && !(score >= 1 && score <= 5))
        {
            problems.Add($"Judge '{name}': {Setting(nameof(JudgeModelOptions.PassingScore))} must be on the rubric's 1-5 scale.");
        }

        try
        {
            LlmOptions(options).Validate(name);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // The message already names the judge; it names the option, here the setting of the declaration.
            string message = FirstLine(ex.Message);
            int parameter = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            problems.Add((parameter < 0 ? message : message[..parameter]) + $" Fix {Setting(ex.ParamName ?? nameof(JudgeModelOptions))}.");
        }
    }

    private static string? ReadKey(string name, JudgeModelOptions options, IDictionary environment, List<string> problems)
    {
        if (string.IsNullOrEmpty(options.ApiKeyVariable))
        {
            return null;
        }

        string? key = environment.Contains(options.ApiKeyVariable) ? environment[options.ApiKeyVariable] as string : null;
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add($"Judge '{name}' reads its key from the environment variable {options.ApiKeyVariable} (\"{nameof(EvalOptions.Judges)}:{name}:{nameof(JudgeModelOptions.ApiKeyVariable)}\"), which is not set or empty. "
                + $"Set {options.ApiKeyVariable} to the key (in your shell, or as a secret of the build), or name another variable.");
            return null;
        }

        return key.Trim();
    }

    /// <summary>The judge's chat client: the provider's client, with EvalSpec's recording next to it (named after the judge).</summary>
    internal static IChatClient CreateClient(string name, JudgeModelOptions options, string? key)
    {
        IChatClient provider = options.Provider switch
        {
            JudgeProvider.Ollama => new OllamaApiClient(string.IsNullOrWhiteSpace(options.Endpoint) ? DefaultOllamaEndpoint : new Uri(options.Endpoint), options.Model!),
            JudgeProvider.AzureOpenAI => OpenAIClient(options.Model!, key!, AzureV1Endpoint(new Uri(options.Endpoint!))),
            JudgeProvider.OpenAI => OpenAIClient(options.Model!, key!, string.IsNullOrWhiteSpace(options.Endpoint) ? null : new Uri(options.Endpoint)),
            JudgeProvider.OpenAICompatible => OpenAIClient(options.Model!, key ?? NoKey, new Uri(options.Endpoint!)),
            _ => throw new ArgumentException($"unknown provider {options.Provider}."),
        };
        return provider.AsBuilder().UseEvalSpecRecording(name).Build();
    }

    /// <summary>Azure OpenAI's v1 API, which the OpenAI client speaks: <c>https://NAME.openai.azure.com/openai/v1/</c>.</summary>
    internal static Uri AzureV1Endpoint(Uri resource)
    {
        string path = resource.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase)
            ? new Uri(resource.GetLeftPart(UriPartial.Authority) + path + "/")
            : new Uri(resource.GetLeftPart(UriPartial.Authority) + path + "/openai/v1/");
    }

    private static IChatClient OpenAIClient(string model, string key, Uri? endpoint)
    {
        // The SDK's own retries are off: the judge retries transient errors itself (LlmJudgeOptions.MaxRetries), as a
        // judge registered in code does, and two retry loops would multiply the calls.
        var clientOptions = new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(0) };
        if (endpoint is not null)
        {
            clientOptions.Endpoint = endpoint;
        }

        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(key), clientOptions).AsIChatClient();
    }

    private static LlmJudgeOptions LlmOptions(JudgeModelOptions options)
    {
        var llm = new LlmJudgeOptions
        {
            AllowSelfPreference = options.AllowSelfPreference,
            ChatOptions = new ChatOptions { ModelId = options.Model, Temperature = options.Temperature },
        };
        if (options.MaxRetries is int retries)
        {
            llm.MaxRetries = retries;
        }

        if (options.CallTimeout is TimeSpan timeout)
        {
            llm.CallTimeout = timeout;
        }

        if (options.UseStructuredOutput is bool structured)
        {
            llm.UseStructuredOutput = structured;
        }

        return llm;
    }

    internal static IJudge CreateJudge(string name, JudgeModelOptions options, IChatClient client) => options.Role switch
    {
        JudgeModelRole.Equivalence => new EquivalenceJudge(name, client, LlmOptions(options)),
        JudgeModelRole.Pairwise => new PairwiseJudge(name, client, LlmOptions(options)),
        _ => new RubricJudge(name, client, LlmOptions(options)) { PassingScore = options.PassingScore },
    };

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
