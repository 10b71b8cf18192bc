using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using OpenAI;

// The bare client for bench/Speed: N calls "Reply to: question number i" through the Microsoft.Extensions.AI OpenAI
// client, at most C at once (a SemaphoreSlim), no test framework. Prints the time from building the client to the last
// call's end (ms), which is what EvalSpec's wallTimeMs covers for the same calls (the client is built before the clock
// starts, as the benchmark suite builds its client when xUnit first creates its class, before the first row starts), and
// the median latency of the first C calls (the start-up cost of each slot).
// Usage: Bare <endpoint> <N> <C>
var endpoint = new Uri(args[0]);
int n = int.Parse(args[1], CultureInfo.InvariantCulture);
int c = int.Parse(args[2], CultureInfo.InvariantCulture);

IChatClient client = new OpenAI.Chat.ChatClient("fake-model", new ApiKeyCredential("sk-fake"), new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0) })
    .AsIChatClient();
long started = Stopwatch.GetTimestamp();
var firstCalls = new System.Collections.Concurrent.ConcurrentBag<double>();
using var slots = new SemaphoreSlim(c, c);
int answered = 0;
await Task.WhenAll(Enumerable.Range(1, n).Select(async i =>
{
    await slots.WaitAsync().ConfigureAwait(false);
    try
    {
        long callStarted = Stopwatch.GetTimestamp();
        ChatResponse response = await client.GetResponseAsync("Reply to: question number " + i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (i <= c)
        {
            firstCalls.Add(Stopwatch.GetElapsedTime(callStarted).TotalMilliseconds);
        }

        if (response.Text.Contains("Answer", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref answered);
        }
    }
    finally
    {
        slots.Release();
    }
})).ConfigureAwait(false);
double ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare calls={n} concurrency={c} answered={answered} ms={ms:0.0} first-calls-median-ms={firstCalls.Order().ElementAt(firstCalls.Count / 2):0.0}"));
return answered == n ? 0 : 1;
