using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using EvalSpec;
using EvalSpec.Judging;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;
using OpenAI;

[assembly: EvalStartup(typeof(RecordingSuite.Startup))]

namespace RecordingSuite;

/// <summary>An LLM rubric judge at BENCH_OPENAI_URL, recorded like the bot.</summary>
public sealed class Startup : IEvalStartup
{
    public void Configure(EvalSetup setup)
    {
        IChatClient judge = Models.Client("judge-model").AsBuilder().UseEvalSpecRecording("judge").Build();
        setup.AddRubricJudge(new RubricJudge("judge", judge, new LlmJudgeOptions { MaxRetries = 0 }));
    }
}

/// <summary>Clients of the server the benchmark starts.</summary>
public static class Models
{
    public static IChatClient Client(string model)
    {
        var endpoint = new Uri(Environment.GetEnvironmentVariable("BENCH_OPENAI_URL") ?? "http://127.0.0.1:9/v1");
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential("bench-key"), new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0) })
            .AsIChatClient();
    }
}
