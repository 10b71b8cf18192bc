using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Testing.OpenAI.Tests;

/// <summary>Many concurrent requests through the real client, each answered for itself.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Fifty_concurrent_requests_each_get_their_own_reply()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            // Staggered delays make the replies finish in another order than the requests arrive.
            Responder = request =>
            {
                int n = int.Parse(request.LastUserMessage!.Split(' ')[1], CultureInfo.InvariantCulture);
                return ScriptedResponse.Completion($"answer {n}", new ScriptedUsage(n, 1))
                    .WithDelay(TimeSpan.FromMilliseconds((50 - n) % 7 * 15));
            },
        });
        IChatClient client = server.CreateChatClient("judge-model");

        ChatResponse[] responses = await Task.WhenAll(Enumerable.Range(1, 50)
            .Select(n => client.GetResponseAsync($"question {n}")));

        for (int n = 1; n <= 50; n++)
        {
            responses[n - 1].Text.Should().Be($"answer {n}");
            responses[n - 1].Usage!.InputTokenCount.Should().Be(n);
        }

        server.Requests.Select(r => r.Sequence).Should().Equal(Enumerable.Range(1, 50).Select(n => (long)n));
        server.Requests.Select(r => r.LastUserMessage).Should().BeEquivalentTo(Enumerable.Range(1, 50).Select(n => $"question {n}"));
        responses.Select(r => r.ResponseId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Per_model_queues_keep_concurrent_judges_apart()
    {
        await using FakeOpenAIServer server = await FakeOpenAIServer.StartAsync();
        server.EnqueueForModel("judge-a", [.. Enumerable.Repeat(ScriptedResponse.Completion("from a"), 10)]);
        server.EnqueueForModel("judge-b", [.. Enumerable.Repeat(ScriptedResponse.RateLimited(TimeSpan.FromSeconds(1)), 10)]);
        IChatClient judgeA = server.CreateChatClient("judge-a");
        IChatClient judgeB = server.CreateChatClient("judge-b");

        Task<ChatResponse>[] callsA = [.. Enumerable.Range(0, 10).Select(_ => judgeA.GetResponseAsync("grade"))];
        Task<ChatResponse>[] callsB = [.. Enumerable.Range(0, 10).Select(_ => judgeB.GetResponseAsync("grade"))];

        (await Task.WhenAll(callsA)).Select(r => r.Text).Should().AllBe("from a");
        foreach (Task<ChatResponse> call in callsB)
        {
            (await call.Awaiting(c => c).Should().ThrowExactlyAsync<System.ClientModel.ClientResultException>())
                .Which.Status.Should().Be(429);
        }

        server.QueuedResponseCount.Should().Be(0);
        server.Requests.Should().HaveCount(20);
    }
}
