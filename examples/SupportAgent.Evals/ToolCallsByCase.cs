using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;

namespace SupportAgent.Evals;

/// <summary>
/// A <see cref="ToolCallJudge"/> per case: judges registered in the startup judge every row, so this judge picks the
/// expectations of the row's case (the case id is the row id's second segment) and says so when a case has none.
/// </summary>
internal sealed class ToolCallsByCase : IJudge
{
    private readonly IReadOnlyDictionary<string, ToolCallJudge> _byCase;

    public ToolCallsByCase(IReadOnlyDictionary<string, ToolCallJudge> byCase)
    {
        _byCase = byCase;
    }

    public string Name => "tool-calls";

    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        string[] segments = (request.RowId ?? string.Empty).Split('/');
        string caseId = segments.Length > 1 ? segments[1] : string.Empty;
        return _byCase.TryGetValue(caseId, out ToolCallJudge? judge)
            ? judge.JudgeAsync(request, cancellationToken)
            : ValueTask.FromResult(Verdict.Inconclusive(Name, $"no tool call expectations for case '{caseId}' (add them in {nameof(Startup)})"));
    }
}
