using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SupportAgent.Evals;

/// <summary>
/// The models: an OpenAI-compatible endpoint (SUPPORTAGENT_MODEL_URL, key SUPPORTAGENT_MODEL_KEY) serving the agent's
/// model and the judges' model, each recorded by EvalSpec. Unset, the endpoint is a port nothing listens on: the committed
/// recordings answer every call, and a call that was never recorded fails its row instead of reaching a network.
/// </summary>
internal static class Models
{
    public const string AgentModel = "agent-model";

    public const string JudgeModel = "judge-model";

    /// <summary>
    /// The agent's model, recorded as client "agent". The agent adds its tool loop around this client, so each model round
    /// trip of the loop is one recorded call and the tools run for real in a replay.
    /// </summary>
    public static IChatClient Agent() => Client(AgentModel).AsBuilder().UseEvalSpecRecording("agent").Build();

    /// <summary>The judges' model, recorded as client "judge".</summary>
    public static IChatClient Judge() => Client(JudgeModel).AsBuilder().UseEvalSpecRecording("judge").Build();

    private static IChatClient Client(string model)
    {
        var endpoint = new Uri(Environment.GetEnvironmentVariable("SUPPORTAGENT_MODEL_URL") ?? "http://127.0.0.1:9/v1");
        string key = Environment.GetEnvironmentVariable("SUPPORTAGENT_MODEL_KEY") ?? "no-key";
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0) })
            .AsIChatClient();
    }
}
