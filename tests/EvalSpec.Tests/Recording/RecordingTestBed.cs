using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Recording;
using EvalSpec.Testing.OpenAI;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Tests.Recording;

/// <summary>
/// What the recording tests share: a temporary recordings folder, the fake OpenAI server answering "answer to {last user
/// message}", the real OpenAI client over HTTP wrapped for recording, eval row contexts, and sessions that are completed
/// when the test ends.
/// </summary>
public abstract class RecordingTestBed : IAsyncLifetime
{
    protected const string Suite = "Shop.RefundEvals";

    private readonly List<RecordingSession> _sessions = new();
    private readonly List<FakeOpenAIServer> _servers = new();

    protected RecordingTestBed()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("evalspec-recordings-").FullName;
    }

    /// <summary>The recordings folder of the test.</summary>
    protected string Directory { get; }

    /// <summary>The recordings file of <see cref="Suite"/>.</summary>
    protected string SuiteFile => Path.Combine(Directory, Suite + ".recordings.json");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (RecordingSession session in _sessions)
        {
            session.Complete();
        }

        foreach (FakeOpenAIServer server in _servers)
        {
            await server.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    /// <summary>Starts a fake server that answers every chat request with "answer to {last user message}".</summary>
    protected async Task<FakeOpenAIServer> StartServerAsync(Func<RecordedRequest, ScriptedResponse>? responder = null, string? requiredApiKey = null)
    {
        FakeOpenAIServer server = await FakeOpenAIServer.StartAsync(new FakeOpenAIServerOptions
        {
            Responder = responder ?? (request => ScriptedResponse.Completion("answer to " + request.LastUserMessage, new ScriptedUsage(12, 3))),
            RequiredApiKey = requiredApiKey,
        });
        _servers.Add(server);
        return server;
    }

    /// <summary>The real OpenAI client against <paramref name="server"/>, recorded as <paramref name="name"/>.</summary>
    protected static IChatClient RecordedClient(FakeOpenAIServer server, string name = "sut", string model = "gpt-test", string apiKey = "test-key") =>
        server.CreateChatClient(model, apiKey).WithEvalSpecRecording(name);

    /// <summary>
    /// Starts a run's session (completed when the test ends, if the test does not complete it) and enters its flow: the
    /// calls that follow in the calling method find it, as the calls of a run's rows do.
    /// </summary>
    private protected RecordingSession Start(RecordingMode mode, string? directory = null)
    {
        RecordingSession session = RecordingSession.Start(mode, directory ?? Directory);
        _sessions.Add(session);
        EvalFlow.Enter(new EvalFlow(session, null, null));
        return session;
    }

    /// <summary>The session the test started last.</summary>
    private protected RecordingSession CurrentSession => _sessions[^1];

    /// <summary>Enters the context of a row of <see cref="Suite"/>.</summary>
    protected static IDisposable Row(string row = "laptop/formal", int trial = 0, string phase = EvalCallContext.SourcePhase) =>
        EvalCallContext.Enter(new EvalCallContext(Suite, Suite + ".RefundWindow/" + row, trial, phase));

    /// <summary>The entries of a recordings file as JSON.</summary>
    protected static IReadOnlyList<JsonElement> EntriesOf(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
        return document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>The lines of the run journals in the recordings folder (empty when there is none).</summary>
    protected string[] JournalLines()
    {
        string folder = Path.Combine(Directory, ".evalspec");
        return System.IO.Directory.Exists(folder)
            ? System.IO.Directory.EnumerateFiles(folder, "journal-*.jsonl").SelectMany(f => ReadShared(f).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray()
            : Array.Empty<string>();
    }

    /// <summary>Reads a file another stream holds open (a journal in use).</summary>
    protected static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Every file under the recordings folder, as text.</summary>
    protected string AllRecordedText() =>
        System.IO.Directory.Exists(Directory)
            ? string.Concat(System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories).Select(ReadShared))
            : string.Empty;
}
