using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SpeedSuite;

/// <summary>
/// The client of the speed benchmark's rows (SpeedEvals) and of the plain xUnit tests of the runner's floor (HttpFacts.V3):
/// the Microsoft.Extensions.AI OpenAI client against fake_openai.py (SPEED_URL), no retries. The bare-client program
/// (bench/Speed/Bare) builds the same one.
/// </summary>
internal static class SpeedClient
{
    /// <summary>Built on first use (when xUnit first creates a test class, before the first test starts).</summary>
    public static readonly IChatClient Client =
        new OpenAI.Chat.ChatClient(
                "fake-model",
                new ApiKeyCredential("sk-fake"),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(Environment.GetEnvironmentVariable("SPEED_URL") ?? "http://127.0.0.1:18091/v1"),
                    RetryPolicy = new ClientRetryPolicy(0),
                })
            .AsIChatClient();
}
