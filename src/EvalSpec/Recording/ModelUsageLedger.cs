using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using EvalSpec.Execution;
using Microsoft.Extensions.AI;

namespace EvalSpec.Recording;

/// <summary>
/// The token usage of the system under test's model calls, per row (its source run filed apart, as its calls are): every
/// answer that passes a recording client in a source or follow-up run, live, recorded or replayed (a replayed answer
/// carries the usage recorded with it). Judges' usage is not counted here: each verdict carries its own.
/// </summary>
internal sealed class ModelUsageLedger
{
    private readonly ConcurrentDictionary<string, RowUsageCounter> _rows = new(StringComparer.Ordinal);

    /// <summary>Adds one answer's usage to the row of <paramref name="context"/> (nothing outside a row's source or follow-up run).</summary>
    public void Add(EvalCallContext? context, string? model, UsageDetails? usage, bool replayed)
    {
        if (context is null || context.Phase is not (EvalCallContext.SourcePhase or EvalCallContext.FollowUpPhase))
        {
            return;
        }

        string key = context.Phase == EvalCallContext.SourcePhase ? context.RowId + "\u0001source" : context.RowId;
        _rows.GetOrAdd(key, static _ => new RowUsageCounter()).Add(model, usage, replayed);
    }

    /// <summary>The usage behind a row: its own follow-up runs' and that of the source run it used.</summary>
    /// <param name="rowId">The row's id.</param>
    /// <param name="sourceRowId">The id its source run is filed under (a relation row's identity row); null: the row's own.</param>
    public ModelUsage For(string rowId, string? sourceRowId = null)
    {
        ModelUsage own = _rows.TryGetValue(rowId, out RowUsageCounter? counter) ? counter.Snapshot() : ModelUsage.None;
        ModelUsage source = _rows.TryGetValue((sourceRowId ?? rowId) + "\u0001source", out RowUsageCounter? sourceCounter) ? sourceCounter.Snapshot() : ModelUsage.None;
        return own + source;
    }

    private sealed class RowUsageCounter
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, ModelTokens> _models = new(StringComparer.Ordinal);
        private int _calls;
        private int _withoutUsage;
        private int _replayed;

        public void Add(string? model, UsageDetails? usage, bool replayed)
        {
            lock (_gate)
            {
                _calls++;
                _replayed += replayed ? 1 : 0;
                if (usage is null || (usage.InputTokenCount is null && usage.OutputTokenCount is null && usage.TotalTokenCount is null))
                {
                    _withoutUsage++;
                    return;
                }

                string name = model ?? string.Empty;
                _models.TryGetValue(name, out ModelTokens tokens);
                _models[name] = tokens + ModelTokens.Of(usage);
            }
        }

        public ModelUsage Snapshot()
        {
            lock (_gate)
            {
                return new ModelUsage(_models.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), _calls, _withoutUsage, _replayed);
            }
        }
    }
}

/// <summary>Input and output tokens of one model's calls.</summary>
internal readonly record struct ModelTokens(long Input, long Output)
{
    public long Total => Input + Output;

    /// <summary>The tokens of one answer: its input and output counts (a total alone counts as input, so that it is never dropped).</summary>
    public static ModelTokens Of(UsageDetails usage)
    {
        long input = usage.InputTokenCount ?? 0;
        long output = usage.OutputTokenCount ?? 0;
        if (usage.TotalTokenCount is long total && total > input + output)
        {
            // The counts given fall short of the total: the rest is the count not given (all input when neither is), or
            // output when both are (tokens the provider counts only in the total). A budget never reads less than the total.
            if (usage.InputTokenCount is null)
            {
                input = total - output;
            }
            else
            {
                output = total - input;
            }
        }

        return new ModelTokens(input, output);
    }

    public static ModelTokens operator +(ModelTokens a, ModelTokens b) => new(a.Input + b.Input, a.Output + b.Output);
}

/// <summary>The usage of a set of model calls, per model id ("" when the answer named none).</summary>
/// <param name="Models">Tokens per model id.</param>
/// <param name="Calls">Answers counted.</param>
/// <param name="CallsWithoutUsage">Answers that reported no token counts.</param>
/// <param name="Replayed">Answers replayed from recordings.</param>
internal sealed record ModelUsage(IReadOnlyDictionary<string, ModelTokens> Models, int Calls, int CallsWithoutUsage, int Replayed)
{
    public static readonly ModelUsage None = new(new Dictionary<string, ModelTokens>(), 0, 0, 0);

    public ModelTokens Tokens => Models.Values.Aggregate(default(ModelTokens), (a, b) => a + b);

    public static ModelUsage operator +(ModelUsage a, ModelUsage b)
    {
        var models = new Dictionary<string, ModelTokens>(a.Models, StringComparer.Ordinal);
        foreach ((string model, ModelTokens tokens) in b.Models)
        {
            models[model] = models.TryGetValue(model, out ModelTokens existing) ? existing + tokens : tokens;
        }

        return new ModelUsage(models, a.Calls + b.Calls, a.CallsWithoutUsage + b.CallsWithoutUsage, a.Replayed + b.Replayed);
    }
}
