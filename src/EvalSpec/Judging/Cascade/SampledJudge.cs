using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Judging;

/// <summary>
/// Sample <see cref="Sample"/> of a judge in a cascade tier: the same judge, asked with the row id suffixed <c>#k</c> (from the
/// second sample), which gives its seeded few-shot shuffles another order, so it acts as another simulated annotator.
/// </summary>
internal sealed class SampledJudge : IJudge
{
    public SampledJudge(IJudge judge, int sample)
    {
        Inner = judge;
        Sample = sample;
        Name = sample == 1 ? judge.Name : judge.Name + "#" + sample.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public IJudge Inner { get; }

    public int Sample { get; }

    public string Name { get; }

    public bool ReadsRubric => Inner.ReadsRubric;

    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default) =>
        Inner.JudgeAsync(Sample == 1 ? request : Resampled(request), cancellationToken);

    private JudgeRequest Resampled(JudgeRequest request) => new(request.Output)
    {
        Input = request.Input,
        Expected = request.Expected,
        Rubric = request.Rubric,
        ReferenceOutput = request.ReferenceOutput,
        Threshold = request.Threshold,
        RowId = (request.RowId ?? string.Empty) + "#" + Sample.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
