using System;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>Adds EvalSpec's record / replay of model calls to Microsoft.Extensions.AI client pipelines.</summary>
public static class RecordingBuilderExtensions
{
    /// <summary>
    /// Adds recording to the chat client pipeline (see <see cref="RecordingClientExtensions.WithEvalSpecRecording(IChatClient, string)"/>).
    /// Call it last, just before <c>Build</c>, so that it sits next to the provider: every model round-trip is then an
    /// entry, and tool functions and other middleware still run when answers are replayed.
    /// </summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="name">Names the client in keys and recordings files; give each client its own ("sut", "judge-a").</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static ChatClientBuilder UseEvalSpecRecording(this ChatClientBuilder builder, string name = "default")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Use(inner => new RecordingChatClient(inner, name));
    }

    /// <summary>Adds recording to the embedding generator pipeline (see <see cref="RecordingClientExtensions.WithEvalSpecRecording(IEmbeddingGenerator{string, Embedding{float}}, string)"/>).</summary>
    /// <param name="builder">The pipeline.</param>
    /// <param name="name">Names the generator in keys and recordings files.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static EmbeddingGeneratorBuilder<string, Embedding<float>> UseEvalSpecRecording(this EmbeddingGeneratorBuilder<string, Embedding<float>> builder, string name = "default")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Use(inner => new RecordingEmbeddingGenerator(inner, name));
    }
}
