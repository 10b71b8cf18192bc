using EvalSpec;
#if (MiniLM)
using EvalSpec.Embeddings.MiniLM;
using EvalSpec.Judging;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
#endif

[assembly: EvalStartup(typeof(MyEvals.EvalsStartup))]

namespace MyEvals;

/// <summary>
/// Configures EvalSpec once for this test assembly: judges, services and options. Options that change between machines
/// (recording mode, concurrency, timeouts) are better set in evalspec.json or EVALSPEC_ environment variables.
/// </summary>
public sealed class EvalsStartup : IEvalStartup
{
    /// <inheritdoc/>
    public void Configure(EvalSetup setup)
    {
        // The example's rows are decided by each case's expected answer and by the relation checks. To grade outputs
        // against an [Eval(Rubric = "...")] with LLM judges, register them here with setup.AddRubricJudge(...): see the
        // EvalSpec README, "Judges in a suite".
#if (MiniLM)

        // A local embedding model (no network, no key): relation rows pass when the perturbed prompt's answer means the
        // same as the original's (cosine similarity of MiniLM embeddings at least 0.75), and the robustness metrics
        // weigh each relation row by how much of the prompt's meaning the perturbation kept.
        var miniLm = new MiniLmEmbeddingGenerator();
        setup.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(miniLm);
        setup.AddInvarianceJudge(new EmbeddingSimilarityJudge(miniLm, reference: ReferenceSource.ReferenceOutput) { Name = "minilm-invariance" });
#endif
    }
}
