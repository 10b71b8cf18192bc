using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace EvalSpec.Execution;

/// <summary>
/// The invoke stage of a row: calls the eval method, for the source run (the row's own input, shared by the case x prompt
/// variant pair's rows, one per trial) and for a relation row's follow-up run. Each call is bounded by the run's
/// concurrency limit and the row's timeout, and ends as a <see cref="MethodRun"/>: an output, an exception or a timeout.
/// It throws only when the run is cancelled.
/// </summary>
internal static class RowInvocation
{
    /// <summary>
    /// The row's source run for <paramref name="trial"/>: called once per case x prompt variant (and trial) however many of
    /// that pair's rows ask for it. The source run has its own timeout; a row waiting for it only stops when the run is cancelled.
    /// </summary>
    /// <param name="run">The run the row belongs to.</param>
    /// <param name="instance">The test class instance (ignored for static eval methods).</param>
    /// <param name="row">The row.</param>
    /// <param name="input">The row's own input (<see cref="RowInput.Of"/>).</param>
    /// <param name="trial">The trial, or null for a row that runs once.</param>
    /// <param name="timeout">The row's timeout.</param>
    public static Task<MethodRun> InvokeSourceAsync(EvalRunHost run, object? instance, PreparedRow row, RowInput input, int? trial, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(input);
        object?[] arguments = row.Case.Arguments;
        string sourceRowId = row.SourceRowId;
        string prompt = input.Prompt;
        IReadOnlyDictionary<string, object?> named = input.Arguments;
        RowConversation? conversation = input.Conversation;

        // Each trial has its own source run (the system under test is called afresh), shared by that trial's rows.
        Task<MethodRun> sourceTask = run.Sources.GetOrRun(
            RowIds.Source(row.Method, row.Case.Id, row.Variant.Key) + (trial is int t ? "/trial-" + t.ToString(CultureInfo.InvariantCulture) : string.Empty),
            () => CallAsync(
                run,
                instance,
                row.Method,
                token => Converse(conversation, new EvalInput(prompt, row.Variant.Template, row.Variant.Key, row.Case.Id, null, sourceRowId, row.Case.Expected, named, token) { Trial = trial ?? 0 }),
                arguments,
                timeout));
        return sourceTask.WaitAsync(run.Cancellation);
    }

    /// <summary>A relation row's follow-up run: the eval method called with the relation's follow-up input.</summary>
    /// <param name="run">The run the row belongs to.</param>
    /// <param name="instance">The test class instance (ignored for static eval methods).</param>
    /// <param name="row">The relation row.</param>
    /// <param name="input">The follow-up input (<see cref="RowPreparation.PrepareRelationAsync"/>).</param>
    /// <param name="trial">The trial (0 for a row that runs once).</param>
    /// <param name="timeout">The row's timeout.</param>
    public static Task<MethodRun> InvokeFollowUpAsync(EvalRunHost run, object? instance, PreparedRow row, RelationInput input, int trial, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(input);
        RelationDescriptor relation = row.Relation ?? throw new ArgumentException($"Row '{row.Id}' has no relation.", nameof(row));
        object?[] followUpArguments = input.FollowUpArguments;
        string followUpPrompt = input.FollowUpPrompt;
        IReadOnlyDictionary<string, object?> followUpNamed = RowInput.Name(row.Method, followUpArguments);
        return CallAsync(
            run,
            instance,
            row.Method,
            token => Converse(input.FollowUpConversation, new EvalInput(followUpPrompt, row.Variant.Template, row.Variant.Key, row.Case.Id, relation.Key, row.Id, row.Case.Expected, followUpNamed, token) { Trial = trial }),
            followUpArguments,
            timeout);
    }

    /// <summary>The input with the row's conversation attached, for a conversation case.</summary>
    private static EvalInput Converse(RowConversation? conversation, EvalInput input) => conversation is null ? input : conversation.Attach(input);

    /// <summary>
    /// Calls the eval method once. The timeout starts when a concurrency slot is free (waiting for one does
    /// not count) and ends the call as a <see cref="MethodRun.TimedOut"/> result even if the method ignores
    /// its cancellation token.
    /// </summary>
    private static async Task<MethodRun> CallAsync(EvalRunHost run, object? instance, EvalMethodDescriptor method, Func<CancellationToken, EvalInput> createInput, object?[] arguments, TimeSpan timeout)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        EvalInput input = createInput(cancellation.Token);
        using IDisposable scope = EvalFlow.Enter(run.Flow with
        {
            Call = new EvalCallContext(
                method.SuiteType.FullName ?? method.SuiteType.Name,
                input.RowId,
                input.Trial,
                input.Relation is null ? EvalCallContext.SourcePhase : EvalCallContext.FollowUpPhase),
        });
        await run.SystemUnderTestLimiter.WaitAsync(run.Cancellation).ConfigureAwait(false);
        long started = Stopwatch.GetTimestamp();
        Task<object?>? call = null;
        try
        {
            cancellation.CancelAfter(timeout);
            run.Statistics.SystemUnderTestCalled();

            // On the thread pool, so that a method that blocks synchronously is also bounded by the timeout.
            object?[] callArguments = (object?[])arguments.Clone();
            call = Task.Run(() => method.Invoke(instance, input, callArguments).AsTask(), CancellationToken.None);
            object? output = await call.WaitAsync(cancellation.Token).ConfigureAwait(false);
            return MethodRun.Completed(input, output, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !run.Cancellation.IsCancellationRequested)
        {
            return MethodRun.Failed(input, new TimeoutException(TimeoutMessage(timeout)), Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return MethodRun.Failed(input, ex, Stopwatch.GetElapsedTime(started));
        }
        finally
        {
            // A call abandoned at its timeout keeps its concurrency slot until it really ends, so that
            // MaxConcurrency bounds the calls actually running — but at most one more timeout, so that a
            // method that never returns cannot stall the rest of the run.
            if (call is null || call.IsCompleted)
            {
                run.SystemUnderTestLimiter.Release();
            }
            else
            {
                _ = ReleaseAfterAbandonedCallAsync(call, run.SystemUnderTestLimiter, timeout);
            }
        }
    }

    private static async Task ReleaseAfterAbandonedCallAsync(Task call, SemaphoreSlim limiter, TimeSpan grace)
    {
        try
        {
            await call.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The row has already reported its timeout; what the abandoned call does later is not its result.
            _ = call.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        try
        {
            limiter.Release();
        }
        catch (ObjectDisposedException)
        {
            // The run ended first.
        }
    }

    private static string TimeoutMessage(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0.###} s (set [Eval(Timeout = ...)] in milliseconds, or RowTimeout in evalspec.json)");
}
