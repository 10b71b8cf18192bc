using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;
using OpenAI;

namespace TicketTriage.Evals;

/// <summary>
/// The system under test's model: an OpenAI-compatible endpoint (TICKETTRIAGE_MODEL_URL), recorded and replayed by
/// EvalSpec as client "triage". Unset, it is a port nothing listens on: the committed recordings answer every call,
/// and a call that was never recorded fails its row (replay on a build server) instead of reaching a network.
/// </summary>
internal static class Models
{
    public const string TriageModel = "triage-model";

    public static IChatClient Triage()
    {
        var endpoint = new Uri(Environment.GetEnvironmentVariable("TICKETTRIAGE_MODEL_URL") ?? "http://127.0.0.1:9/v1");
        string key = Environment.GetEnvironmentVariable("TICKETTRIAGE_MODEL_KEY") ?? "no-key";
        return new OpenAI.Chat.ChatClient(TriageModel, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0) })
            .AsIChatClient()
            .AsBuilder()
            .UseEvalSpecRecording("triage")
            .Build();
    }
}
