namespace EvalSpec;

/// <summary>Where a judge declared in <c>evalspec.json</c> (<see cref="EvalOptions.Judges"/>) gets its model.</summary>
public enum JudgeProvider
{
    /// <summary>Any server that speaks the OpenAI chat completions API at <see cref="JudgeModelOptions.Endpoint"/> (vLLM, LM Studio, LiteLLM, a gateway...).</summary>
    OpenAICompatible,

    /// <summary>OpenAI's API (<see cref="JudgeModelOptions.Endpoint"/> optional, <see cref="JudgeModelOptions.ApiKeyVariable"/> required).</summary>
    OpenAI,

    /// <summary>Azure OpenAI through its v1 API: <see cref="JudgeModelOptions.Endpoint"/> is the resource (<c>https://NAME.openai.azure.com</c>), <see cref="JudgeModelOptions.Model"/> the deployment.</summary>
    AzureOpenAI,

    /// <summary>An Ollama server (<see cref="JudgeModelOptions.Endpoint"/> defaults to <c>http://localhost:11434</c>; no key).</summary>
    Ollama,
}
