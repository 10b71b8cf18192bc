using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Tests.ModelCalls;

/// <summary>
/// Starts tests/EvalSpec.Testing.ModelCallsClient as a separate process: model calls through a run's model call pipeline
/// (Redis cache, rate limits) against the OpenAI-compatible test server.
/// </summary>
internal sealed class ModelCallsClient : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ModelCallsClient(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (e.Data == "paused")
            {
                _paused.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_error)
            {
                _error.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The client program (built next to the tests by the project reference).</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "EvalSpec.Testing.ModelCallsClient.dll");

    public static ModelCallsClient Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Program);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of this test process's configuration leaks in (no EVALSPEC_ variables reach the pipeline: it reads none).
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return new ModelCallsClient(Process.Start(start)!);
    }

    public static async Task<ClientResult> RunAsync(params string[] arguments)
    {
        using ModelCallsClient client = Start(arguments);
        return await client.WaitAsync();
    }

    /// <summary>Completes when the client has made its first calls and waits (<c>--pause-after</c>).</summary>
    public Task Paused => _paused.Task.WaitAsync(TimeSpan.FromMinutes(2));

    /// <summary>Lets a paused client go on.</summary>
    public void Resume()
    {
        _process.StandardInput.WriteLine();
        _process.StandardInput.Flush();
    }

    public async Task<ClientResult> WaitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("The model calls client did not finish within 3 minutes:\n" + Describe());
        }

        _process.WaitForExit();
        string output;
        lock (_output)
        {
            output = _output.ToString();
        }

        string last = output.TrimEnd().Split('\n')[^1];
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(last).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException("The model calls client printed no result:\n" + Describe());
        }

        return new ClientResult(_process.ExitCode, json, Describe());
    }

    private string Describe()
    {
        lock (_output)
        {
            lock (_error)
            {
                return "stdout:\n" + _output + "\nstderr:\n" + _error;
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}

/// <summary>What a client process reported.</summary>
internal sealed record ClientResult(int ExitCode, JsonElement Json, string Output)
{
    public int Int(string name) => Json.GetProperty(name).GetInt32();

    public IReadOnlyList<string?> Answers
    {
        get
        {
            var answers = new List<string?>();
            foreach (JsonElement answer in Json.GetProperty("answers").EnumerateArray())
            {
                answers.Add(answer.ValueKind == JsonValueKind.Null ? null : answer.GetString());
            }

            return answers;
        }
    }
}
