using System;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>Adds EvalSpec's record / replay of model calls to chat clients and embedding generators.</summary>
public static class RecordingClientExtensions
{
    /// <summary>
    /// Wraps <paramref name="client"/> so that, during an EvalSpec run, its calls are recorded and replayed as the run's
    /// <see cref="EvalOptions.Recording"/> mode says, in one file per eval class under <see cref="EvalOptions.RecordingsDirectory"/>.
    /// Outside a run, calls pass through unchanged.
    /// </summary>
    /// <param name="client">The client to record. Put the recording next to the provider (innermost in a pipeline): then
    /// every model round-trip is an entry, and tool functions and other middleware still run when answers are replayed.</param>
    /// <param name="name">Names the client in keys and recordings files; give each client its own ("sut", "judge-a").</param>
    /// <returns>The recording client.</returns>
    /// <remarks>
    /// A call's key hashes the name, the model id (from the options or the client's metadata), the messages, the options
    /// that change the answer (temperature, top-p, max tokens, seed, stop sequences, response format and schema, tools,
    /// tool mode, additional properties...) and never credentials. With a <c>ChatClientBuilder</c>:
    /// <c>builder.Use(inner =&gt; inner.WithEvalSpecRecording("sut"))</c>.
    /// </remarks>
    public static IChatClient WithEvalSpecRecording(this IChatClient client, string name = "default")
    {
        ArgumentNullException.ThrowIfNull(client);
        return new RecordingChatClient(client, name);
    }

    /// <summary>
    /// Wraps <paramref name="generator"/> so that, during an EvalSpec run, its embeddings are recorded and replayed like chat
    /// calls (see <see cref="WithEvalSpecRecording(IChatClient, string)"/>). Outside a run, calls pass through unchanged.
    /// </summary>
    /// <param name="generator">The generator to record.</param>
    /// <param name="name">Names the generator in keys and recordings files.</param>
    /// <returns>The recording generator.</returns>
    public static IEmbeddingGenerator<string, Embedding<float>> WithEvalSpecRecording(this IEmbeddingGenerator<string, Embedding<float>> generator, string name = "default")
    {
        ArgumentNullException.ThrowIfNull(generator);
        return new RecordingEmbeddingGenerator(generator, name);
    }
}
