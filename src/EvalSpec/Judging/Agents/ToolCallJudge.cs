using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Agents;

namespace EvalSpec.Judging;

/// <summary>
/// Deterministic judge of an agent run's tool calls (<see cref="JudgeRequest.Trajectory"/>): the expected calls were made
/// (tool name and argument conditions, in the required <see cref="ToolCallOrder"/>), no forbidden tool was called, and the
/// run made at most <see cref="MaxCalls"/> calls.
/// </summary>
/// <remarks>
/// <para>
/// Tool names are compared ordinally: a name differing only in letter case, or by a look-alike Unicode character, is
/// another tool (the failing verdict points such near misses out). Each actual call satisfies at most one expectation, so
/// two expected calls of a tool need two calls; a call repeated with the same arguments counts once per call.
/// </para>
/// <para>
/// The score is the share of conditions met (each expected call, each forbidden tool, the maximum, and for
/// <see cref="ToolCallOrder.Exact"/> the number of calls). A failing verdict names every unmet condition and lists the
/// actual calls. A row that is not an agent run (no trajectory) and a pattern that times out give an inconclusive verdict.
/// </para>
/// </remarks>
public sealed class ToolCallJudge : IJudge
{
    /// <summary>The judge's name unless <see cref="Name"/> is set.</summary>
    public const string DefaultName = "tool-calls";

    private const int ListLimit = 20;

    private readonly string _name = DefaultName;

    /// <summary>Creates the judge.</summary>
    /// <param name="expected">The calls the run must make; may be empty when other conditions are given.</param>
    /// <param name="order">How the expected calls relate to the order of the actual ones.</param>
    /// <param name="forbiddenTools">Tools the run must not call (exact names), or <see langword="null"/>.</param>
    /// <param name="maxCalls">The most tool calls the run may make, or <see langword="null"/> for no maximum.</param>
    /// <exception cref="ArgumentException">No condition is given, an expectation or forbidden name is null or empty, or a tool is both expected and forbidden.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCalls"/> is negative.</exception>
    public ToolCallJudge(IEnumerable<ToolCallExpectation> expected, ToolCallOrder order = ToolCallOrder.Any, IEnumerable<string>? forbiddenTools = null, int? maxCalls = null)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Expected = expected.ToArray();
        ForbiddenTools = (forbiddenTools ?? []).ToArray();
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown tool call order.");
        }

        if (maxCalls is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxCalls), maxCalls, "The maximum number of tool calls must be at least 0.");
        }

        if (Expected.Any(e => e is null))
        {
            throw new ArgumentException("An expected tool call is null.", nameof(expected));
        }

        if (ForbiddenTools.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A forbidden tool name is null or empty.", nameof(forbiddenTools));
        }

        if (Expected.FirstOrDefault(e => ForbiddenTools.Contains(e.ToolName, StringComparer.Ordinal)) is { } both)
        {
            throw new ArgumentException($"The tool '{both.ToolName}' is both expected and forbidden.", nameof(forbiddenTools));
        }

        if (Expected.Count == 0 && ForbiddenTools.Count == 0 && maxCalls is null && order != ToolCallOrder.Exact)
        {
            throw new ArgumentException("A tool call judge needs a condition: expected calls, forbidden tools, a maximum, or Exact order (no calls at all).", nameof(expected));
        }

        Order = order;
        MaxCalls = maxCalls;
    }

    /// <inheritdoc />
    public string Name
    {
        get => _name;
        init => _name = JudgeNames.Validate(value);
    }

    /// <summary>The calls the run must make.</summary>
    public IReadOnlyList<ToolCallExpectation> Expected { get; }

    /// <summary>How the expected calls relate to the order of the actual ones.</summary>
    public ToolCallOrder Order { get; }

    /// <summary>Tools the run must not call.</summary>
    public IReadOnlyList<string> ForbiddenTools { get; }

    /// <summary>The most tool calls the run may make, or <see langword="null"/>.</summary>
    public int? MaxCalls { get; }

    /// <inheritdoc />
    public ValueTask<Verdict> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        if (request.Trajectory is not { } trajectory)
        {
            return ValueTask.FromResult(Verdict.Inconclusive(Name, "the row is not an agent run: the eval method must return a ChatResponse or the run's ChatMessages for tool calls to be judged"));
        }

        try
        {
            return ValueTask.FromResult(Decide(trajectory));
        }
        catch (RegexMatchTimeoutException ex)
        {
            return ValueTask.FromResult(Verdict.Inconclusive(Name, $"an argument pattern took longer than {ex.MatchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s on a call's arguments: /{ex.Pattern}/"));
        }
    }

    private Verdict Decide(AgentTrajectory trajectory)
    {
        IReadOnlyList<AgentToolCall> calls = trajectory.ToolCalls;
        ArgumentMatch[][][] matches = Expected.Select(e => calls.Select(c => Arguments(e, c)).ToArray()).ToArray();
        // A call whose arguments could not be read never ran: it meets no expectation, whatever its name.
        bool Fits(int e, int c) => !calls[c].ArgumentsUnreadable && string.Equals(Expected[e].ToolName, calls[c].Name, StringComparison.Ordinal) && matches[e][c].All(m => m.Matched);

        var failures = new List<string>();
        int conditions = 0;
        int met = 0;
        int?[] assigned = Order switch
        {
            ToolCallOrder.Any => MatchAnyOrder(Expected.Count, calls.Count, Fits),
            ToolCallOrder.InOrder => MatchInOrder(Expected.Count, calls.Count, Fits),
            _ => Enumerable.Range(0, Expected.Count).Select(e => e < calls.Count && Fits(e, e) ? e : (int?)null).ToArray(),
        };

        for (int e = 0; e < Expected.Count; e++)
        {
            conditions++;
            if (assigned[e] is not null)
            {
                met++;
                continue;
            }

            failures.Add(DescribeMiss(e, calls, matches[e], assigned));
        }

        if (Order == ToolCallOrder.Exact)
        {
            conditions++;
            if (calls.Count == Expected.Count)
            {
                met++;
            }
            else
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"expected exactly {Expected.Count} call(s), the run made {calls.Count}"));
            }
        }

        foreach (string forbidden in ForbiddenTools)
        {
            conditions++;
            AgentToolCall[] made = calls.Where(c => string.Equals(c.Name, forbidden, StringComparison.Ordinal)).ToArray();
            if (made.Length == 0)
            {
                met++;
            }
            else
            {
                failures.Add($"forbidden tool '{forbidden}' was called: " + string.Join(", ", made.Select(c => "#" + c.Index.ToString(CultureInfo.InvariantCulture))));
            }
        }

        if (MaxCalls is { } max)
        {
            conditions++;
            if (calls.Count <= max)
            {
                met++;
            }
            else
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"the run made {calls.Count} tool call(s), more than the maximum {max}"));
            }
        }

        double score = conditions == 0 ? 1 : (double)met / conditions;
        if (failures.Count == 0)
        {
            string which = Expected.Count == 0
                ? "no expected calls"
                : string.Join(", ", Enumerable.Range(0, Expected.Count).Select(e => Expected[e].ToolName + " = #" + (assigned[e]!.Value + 1).ToString(CultureInfo.InvariantCulture)));
            // Calls that failed do not decide the verdict (the environment may be at fault), but a pass never hides them.
            AgentToolCall[] failed = calls.Where(c => c.Failed).ToArray();
            string failedNote = failed.Length == 0 ? string.Empty : "; failed: " + string.Join(", ", failed.Select(c => "#" + c.Index.ToString(CultureInfo.InvariantCulture) + " " + c.Name + " (" + Shorten(c.Error!) + ")"));
            return Verdict.Pass(Name, score, string.Create(CultureInfo.InvariantCulture, $"all {conditions} tool call condition(s) met ({Order}: {which}); {calls.Count} call(s){failedNote}"));
        }

        var reason = new StringBuilder();
        reason.Append(CultureInfo.InvariantCulture, $"{failures.Count} of {conditions} tool call condition(s) failed ({Order} order):");
        foreach (string failure in failures)
        {
            reason.Append("\n- ").Append(failure);
        }

        reason.Append("\nActual calls: ").Append(DescribeCalls(calls));
        return Verdict.Fail(Name, score, reason.ToString());
    }

    private static ArgumentMatch[] Arguments(ToolCallExpectation expectation, AgentToolCall call) =>
        string.Equals(expectation.ToolName, call.Name, StringComparison.Ordinal)
            ? expectation.Arguments.Select(m => m.Match(call.Arguments)).ToArray()
            : [];

    // A maximum bipartite matching (augmenting paths): a greedy choice could give a loose expectation the only call a
    // stricter one accepts, and report a miss although every expectation can be met.
    private static int?[] MatchAnyOrder(int expected, int calls, Func<int, int, bool> fits)
    {
        int?[] callOwner = new int?[calls];
        for (int e = 0; e < expected; e++)
        {
            Augment(e, new bool[calls]);
        }

        var assigned = new int?[expected];
        for (int c = 0; c < calls; c++)
        {
            if (callOwner[c] is int e)
            {
                assigned[e] = c;
            }
        }

        return assigned;

        bool Augment(int e, bool[] visited)
        {
            for (int c = 0; c < calls; c++)
            {
                if (!visited[c] && fits(e, c))
                {
                    visited[c] = true;
                    if (callOwner[c] is not int owner || Augment(owner, visited))
                    {
                        callOwner[c] = e;
                        return true;
                    }
                }
            }

            return false;
        }
    }

    // The earliest fitting call after the previous match: greedy is optimal for a subsequence. An expectation that finds
    // none is missed and the next one searches from the same place.
    private static int?[] MatchInOrder(int expected, int calls, Func<int, int, bool> fits)
    {
        var assigned = new int?[expected];
        int next = 0;
        for (int e = 0; e < expected; e++)
        {
            for (int c = next; c < calls; c++)
            {
                if (fits(e, c))
                {
                    assigned[e] = c;
                    next = c + 1;
                    break;
                }
            }
        }

        return assigned;
    }

    private string DescribeMiss(int e, IReadOnlyList<AgentToolCall> calls, ArgumentMatch[][] matches, int?[] assigned)
    {
        ToolCallExpectation expectation = Expected[e];
        string position = Order == ToolCallOrder.Any ? string.Empty : " (" + Ordinal(e + 1) + " expected call)";
        var text = new StringBuilder();
        text.Append("expected ").Append(expectation).Append(position).Append(": ");
        var notes = new List<string>();
        for (int c = 0; c < calls.Count && notes.Count < ListLimit; c++)
        {
            AgentToolCall call = calls[c];
            string id = "#" + call.Index.ToString(CultureInfo.InvariantCulture);
            if (string.Equals(call.Name, expectation.ToolName, StringComparison.Ordinal))
            {
                string[] unmet = matches[c].Where(m => !m.Matched).Select(m => m.Detail).ToArray();
                if (unmet.Length > 0)
                {
                    notes.Add(id + " " + call.Name + ": " + string.Join("; ", unmet));
                }
                else if (Order == ToolCallOrder.Exact)
                {
                    notes.Add(id + " " + call.Name + " matches but is call " + call.Index.ToString(CultureInfo.InvariantCulture) + ", not " + (e + 1).ToString(CultureInfo.InvariantCulture));
                }
                else if (Array.IndexOf(assigned, c) is int owner and >= 0)
                {
                    notes.Add(id + " " + call.Name + " matches but is taken by expected call " + (owner + 1).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    notes.Add(id + " " + call.Name + " matches but comes before the previous expected call");
                }
            }
            else if (NearMiss(call.Name, expectation.ToolName) is { } near)
            {
                notes.Add(id + " '" + call.Name + "' is another tool: " + near);
            }
        }

        if (Order == ToolCallOrder.Exact && e < calls.Count && !string.Equals(calls[e].Name, expectation.ToolName, StringComparison.Ordinal))
        {
            notes.Insert(0, "call " + (e + 1).ToString(CultureInfo.InvariantCulture) + " is " + calls[e]);
        }

        text.Append(notes.Count == 0 ? "no call of '" + expectation.ToolName + "' was made" : "not matched (" + string.Join("; ", notes) + ")");
        return text.ToString();
    }

    private static string? NearMiss(string actual, string expected)
    {
        if (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            return "its name differs from '" + expected + "' only in letter case";
        }

        if (actual.Length == expected.Length)
        {
            var differing = new List<string>();
            for (int i = 0; i < actual.Length; i++)
            {
                if (actual[i] != expected[i])
                {
                    if (actual[i] < 128)
                    {
                        return null;
                    }

                    differing.Add("U+" + ((int)actual[i]).ToString("X4", CultureInfo.InvariantCulture));
                }
            }

            return "its name differs from '" + expected + "' by non-ASCII character(s) " + string.Join(", ", differing) + " (a look-alike is another tool)";
        }

        return null;
    }

    private static string DescribeCalls(IReadOnlyList<AgentToolCall> calls)
    {
        if (calls.Count == 0)
        {
            return "none";
        }

        IEnumerable<string> listed = calls.Take(ListLimit).Select(c => Shorten(c.ToString()) + (c.Error is { } error ? " -> ERROR: " + Shorten(error) : string.Empty));
        string text = string.Join("; ", listed);
        return calls.Count > ListLimit ? text + string.Create(CultureInfo.InvariantCulture, $"; ... ({calls.Count - ListLimit} more)") : text;
    }

    private static string Shorten(string text)
    {
        const int Limit = 200;
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= Limit ? line : line[..Limit] + "... (" + line.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
    }

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
