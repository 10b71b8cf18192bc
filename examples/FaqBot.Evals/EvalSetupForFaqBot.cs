using EvalSpec;
using EvalSpec.Embeddings.MiniLM;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

[assembly: EvalStartup(typeof(FaqBot.Evals.EvalSetupForFaqBot))]

namespace FaqBot.Evals;

/// <summary>
/// Registers a local embedding model, so that the robustness metrics weigh each relation row by how much of the
/// question's meaning the perturbation kept (cosine of MiniLM embeddings) rather than by shared words.
/// </summary>
public sealed class EvalSetupForFaqBot : IEvalStartup
{
    /// <inheritdoc/>
    public void Configure(EvalSetup setup) =>
        setup.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, MiniLmEmbeddingGenerator>();
}
