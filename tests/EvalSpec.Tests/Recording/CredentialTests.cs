using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using FluentAssertions;
using Microsoft.Extensions.AI;
using OpenAI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>Credentials reach the model but never a recordings file.</summary>
public sealed class CredentialTests : RecordingTestBed
{
    private const string CanaryKey = "sk-canary-123456";
    private const string CanaryHeader = "hdr-canary-987654";

    [Fact]
    public async Task The_api_key_and_custom_authorization_headers_are_never_written()
    {
        FakeOpenAIServer server = await StartServerAsync(requiredApiKey: CanaryKey);
        OpenAIClientOptions options = server.CreateClientOptions();
        options.AddPolicy(new HeaderPolicy("X-Gateway-Secret", CanaryHeader), PipelinePosition.PerCall);
        IChatClient client = new global::OpenAI.Chat.ChatClient("gpt-test", new ApiKeyCredential(CanaryKey), options)
            .AsIChatClient()
            .WithEvalSpecRecording("sut");
        RecordingSession session = Start(RecordingMode.Record);

        using (Row())
        {
            (await client.GetResponseAsync("Refund window?")).Text.Should().Be("answer to Refund window?");
        }

        await client.GetResponseAsync("Outside any row");
        session.Complete();

        server.Requests.Should().OnlyContain(r => r.Authorization == "Bearer " + CanaryKey && r.Headers["X-Gateway-Secret"] == CanaryHeader, "the credentials did reach the model");
        string recorded = AllRecordedText();
        recorded.Should().Contain("answer to Refund window?", "the calls were recorded");
        recorded.Should().NotContain("canary").And.NotContain("Bearer").And.NotContain("X-Gateway-Secret");
    }

    private sealed class HeaderPolicy(string name, string value) : PipelinePolicy
    {
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set(name, value);
            ProcessNext(message, pipeline, currentIndex);
        }

        public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            message.Request.Headers.Set(name, value);
            return ProcessNextAsync(message, pipeline, currentIndex);
        }
    }
}
