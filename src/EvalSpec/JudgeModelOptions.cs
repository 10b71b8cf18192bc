using System;

namespace EvalSpec;

/// <summary>
/// A judge model declared in <c>evalspec.json</c> under <c>"Judges"</c>, keyed by the judge's name (docs/judges.md,
/// "Judges from configuration"). EvalSpec builds its <see cref="Microsoft.Extensions.AI.IChatClient"/> (with
/// recording) and the judge of its <see cref="Role"/>.
/// </summary>
public sealed class JudgeModelOptions
{
    /// <summary>Where the model is served. Required.</summary>
    public JudgeProvider? Provider { get; set; }

    /// <summary>The model id (for Azure OpenAI, the deployment name). Required.</summary>
    public string? Model { get; set; }

    /// <summary>
    /// The server's address: required for <see cref="JudgeProvider.OpenAICompatible"/> (its <c>/v1</c> base, e.g.
    /// <c>http://localhost:8000/v1</c>) and <see cref="JudgeProvider.AzureOpenAI"/> (the resource); optional otherwise.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// The <em>name</em> of the environment variable that holds the key, never the key itself: required for
    /// <see cref="JudgeProvider.OpenAI"/> and <see cref="JudgeProvider.AzureOpenAI"/>, optional for an OpenAI-compatible
    /// server, not used by Ollama.
    /// </summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>What the judge does. Default <see cref="JudgeModelRole.Rubric"/>.</summary>
    public JudgeModelRole Role { get; set; } = JudgeModelRole.Rubric;

    /// <summary>Sampling temperature of the judge's calls; unset leaves the provider's default.</summary>
    public float? Temperature { get; set; }

    /// <summary>Retries after a transient error (see <see cref="Judging.LlmJudgeOptions.MaxRetries"/>); unset keeps its default.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Timeout of one call attempt (see <see cref="Judging.LlmJudgeOptions.CallTimeout"/>); unset keeps its default.</summary>
    public TimeSpan? CallTimeout { get; set; }

    /// <summary>Ask for a JSON answer (see <see cref="Judging.LlmJudgeOptions.UseStructuredOutput"/>); unset keeps its default (true).</summary>
    public bool? UseStructuredOutput { get; set; }

    /// <summary>Let the judge grade outputs of its own model (see <see cref="Judging.LlmJudgeOptions.AllowSelfPreference"/>). Default false.</summary>
    public bool AllowSelfPreference { get; set; }

    /// <summary>For <see cref="JudgeModelRole.Rubric"/>: the lowest passing score on the 1-5 scale (see <see cref="Judging.RubricJudge.PassingScore"/>).</summary>
    public double? PassingScore { get; set; }
}
