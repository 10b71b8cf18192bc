using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.ModelCalls;
using EvalSpec.Recording;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

// Usage: EvalSpec.Testing.ModelCallsClient --server <base address> --model <id> --calls <n> [--prefix <text>]
//   [--redis <host:port>] [--mode live|auto|record|replay] [--requests <per window>] [--window <seconds>]
//   [--parallel <n>] [--warmup <another server's base address>] [--pause-after <n> (waits for a line on standard input after n calls)]
// Prints one JSON line: calls made, failures, cache hits, misses and writes. Exit code 0 when every call answered.
Dictionary<string, string> arguments = Parse(args);
var options = new EvalOptions();
options.Cache.Redis = arguments.GetValueOrDefault("redis");
string model = arguments["model"];
if (arguments.TryGetValue("requests", out string? requests))
{
    options.RateLimits[model] = new RateLimitOptions
    {
        Requests = int.Parse(requests, CultureInfo.InvariantCulture),
        Window = TimeSpan.FromSeconds(double.Parse(arguments.GetValueOrDefault("window", "1"), CultureInfo.InvariantCulture)),
        RetriesOn429 = 10,
    };
}

RecordingMode mode = Enum.Parse<RecordingMode>(arguments.GetValueOrDefault("mode", "live"), ignoreCase: true);
int calls = int.Parse(arguments["calls"], CultureInfo.InvariantCulture);
int parallel = int.Parse(arguments.GetValueOrDefault("parallel", "4"), CultureInfo.InvariantCulture);
int pauseAfter = int.Parse(arguments.GetValueOrDefault("pause-after", "-1"), CultureInfo.InvariantCulture);
string prefix = arguments.GetValueOrDefault("prefix", "question");

var warnings = new List<string>();
using var pipeline = new ModelCallPipeline(options, mode, warn: w => { lock (warnings) { warnings.Add(w); } Console.Error.WriteLine(w); }, report: Console.Error.WriteLine);
var clientOptions = new OpenAIClientOptions { Endpoint = new Uri(arguments["server"]), RetryPolicy = new ClientRetryPolicy(0) };
IChatClient provider = new ChatClient(model, new ApiKeyCredential(arguments.GetValueOrDefault("key", "sk-test-canary-0123456789abcdef")), clientOptions).AsIChatClient();
IChatClient client = pipeline.Wrap(provider, "sut");

// A first call JITs the HTTP and JSON stack (hundreds of milliseconds on a loaded machine) between the limiter's admission
// and the request's arrival; made against another server first, so the measured calls leave as soon as they are admitted.
if (arguments.TryGetValue("warmup", out string? warmup))
{
    var warmupOptions = new OpenAIClientOptions { Endpoint = new Uri(warmup), RetryPolicy = new ClientRetryPolicy(0) };
    await new ChatClient(model, new ApiKeyCredential("warmup"), warmupOptions).AsIChatClient().GetResponseAsync("warm up");
}

int failures = 0;
var answers = new string?[calls];
var errors = new List<string>();

async Task CallAsync(int i)
{
    try
    {
        ChatResponse response = await client.GetResponseAsync($"{prefix} {i.ToString(CultureInfo.InvariantCulture)}");
        answers[i] = response.Text;
    }
    catch (Exception ex)
    {
        Interlocked.Increment(ref failures);
        lock (errors)
        {
            errors.Add(ex.GetType().Name + ": " + ex.Message.Split('\n')[0]);
        }
    }
}

async Task RunAsync(int from, int to)
{
    using var slots = new SemaphoreSlim(parallel);
    await Task.WhenAll(Enumerable.Range(from, to - from).Select(async i =>
    {
        await slots.WaitAsync();
        try
        {
            await CallAsync(i);
        }
        finally
        {
            slots.Release();
        }
    }));
}

if (pauseAfter >= 0)
{
    await RunAsync(0, Math.Min(pauseAfter, calls));
    Console.WriteLine("paused");
    Console.Out.Flush();
    Console.In.ReadLine();
    await RunAsync(Math.Min(pauseAfter, calls), calls);
}
else
{
    await RunAsync(0, calls);
}

Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
{
    ["calls"] = calls,
    ["failures"] = failures,
    ["hits"] = pipeline.Cache?.Hits ?? 0,
    ["misses"] = pipeline.Cache?.Misses ?? 0,
    ["writes"] = pipeline.Cache?.Writes ?? 0,
    ["redisFailures"] = pipeline.Redis?.Failures ?? 0,
    ["warnings"] = warnings.Count,
    ["slowDowns"] = pipeline.Gates.Sum(g => g.Concurrency.Decreases),
    ["answers"] = answers,
    ["errors"] = errors,
}));
return failures == 0 ? 0 : 1;

static Dictionary<string, string> Parse(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (int i = 0; i + 1 < args.Length; i += 2)
    {
        result[args[i].TrimStart('-')] = args[i + 1];
    }

    return result;
}
