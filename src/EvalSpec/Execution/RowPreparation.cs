using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Conversations;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;

namespace EvalSpec.Execution;

/// <summary>
/// The prepare stage of a row: the row from its keys (a row outside the run's shard or sample is skipped here) and, for a
/// relation row, its follow-up input. Nothing here calls the system under test.
/// </summary>
internal static class RowPreparation
{
    /// <summary>The row from its keys; a row outside the shard or the sample of the run is skipped here.</summary>
    /// <exception cref="EvalRowSkippedException">The row is not in this shard, or not in the sample.</exception>
    public static PreparedRow Prepare(EvalRunHost run, EvalMethodDescriptor method, string caseId, string variantKey, string relationKey)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(method);
        var row = new PreparedRow(
            method,
            method.FindCase(caseId),
            method.FindVariant(variantKey),
            method.FindRelation(relationKey),
            RowIds.Row(method, caseId, variantKey, relationKey));
        if (run.Shard is { } shard && !shard.Includes(row.Id))
        {
            // Reported as skipped (not left out): the test list of every shard is the same, and the skip says where the row runs.
            run.SkippedOutsideShard();
            throw new EvalRowSkippedException(string.Create(
                CultureInfo.InvariantCulture,
                $"Not in this shard: EVALSPEC_SHARD={shard.Name} runs {shard.Rows} of the suite's {shard.Population.Rows.Count} rows; this row runs in another shard (merge the shards' run folders with `evalspec merge`)."));
        }

        if (run.Options.Sample > 0)
        {
            RowSample sample = run.Sample ?? throw new EvalConfigurationException(
                "EVALSPEC_SAMPLE (EvalOptions.Sample) is set but no sample was drawn: EvalSpec's xUnit test framework draws it from the rows of the run before they start. Either this test assembly declares another [assembly: TestFramework], or the framework recognised none of the generated row tests (rebuild the test project). Remove the Sample setting to run every row.");
            if (!sample.Knows(row.Id))
            {
                run.JudgedRowOutsidePopulation();
            }
            else if (!sample.Includes(row.Id))
            {
                run.SkippedOutsideSample();
                throw new EvalRowSkippedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Not in the sample: EVALSPEC_SAMPLE={sample.Budget} judges {sample.Selected} of {sample.Population} rows, stratified by method, prompt variant and relation."));
            }
        }

        return row;
    }

    /// <summary>
    /// Transforms a relation row's input by its relation. A relation's transformation depends only on the row (it is seeded
    /// by the row id), so it runs once, before any call of the system under test: a relation that does not apply costs
    /// nothing. Returns the follow-up input, or the row's outcome when the relation threw (inconclusive), did not change the
    /// input (not applicable) or its input similarity was not recorded in a replay (fail).
    /// </summary>
    public static async Task<(RelationInput? Input, RowOutcome? Decided)> PrepareRelationAsync(EvalRunHost run, PreparedRow row, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(row);
        RelationDescriptor relation = row.Relation ?? throw new ArgumentException($"Row '{row.Id}' has no relation.", nameof(row));
        object?[] arguments = row.Case.Arguments;
        RowInput own = RowInput.Of(row);
        IReadOnlyDictionary<string, object?> named = own.Arguments;
        RowConversation? conversation = own.Conversation;
        string prompt = own.Prompt;
        RowOutcome Decided(RowDecision decision) => new(decision, [], []) { Arguments = named, Prompt = prompt };
        object?[] followUpArguments = arguments;
        RowConversation? followUpConversation = conversation;
        string followUpPrompt;
        string sourceInput;
        string followUpInput;
        IMetamorphicRelation transform;
        MetamorphicContext context;
        try
        {
            transform = relation.Create();
            if (relation.Parameter is null && conversation is not null)
            {
                // A conversation: the relation changes user turns only (which ones, its ConversationScope says).
                context = new MetamorphicContext(row.Id);
                ConversationRelation.Result changed = ConversationRelation.Apply(transform, conversation.Turns, row.Id, context.Notes);
                if (changed.NotApplicable is { } why)
                {
                    return (null, Decided(RowDecision.NotApplicableBecause($"relation '{relation.Key}' does not apply to a conversation: {why}")));
                }

                sourceInput = changed.SourceText;
                followUpInput = changed.FollowUpText;
                followUpConversation = RowConversation.From(changed.Turns);
                followUpPrompt = followUpConversation.Transcript;
            }
            else if (relation.Parameter is null)
            {
                context = new MetamorphicContext(row.Id, OtherPrompts(row, named));
                sourceInput = prompt;
                followUpPrompt = transform.Transform(sourceInput, context);
                followUpInput = followUpPrompt;
            }
            else
            {
                context = new MetamorphicContext(row.Id);
                int index = Array.IndexOf(row.Method.ParameterNames, relation.Parameter);
                sourceInput = PromptTemplate.FormatValue(arguments[index]);
                followUpInput = transform.Transform(sourceInput, context);
                followUpArguments = (object?[])arguments.Clone();
                followUpArguments[index] = followUpInput;
                followUpPrompt = PromptTemplate.Render(row.Variant.Template, RowInput.Name(row.Method, followUpArguments));
                if (conversation is not null)
                {
                    followUpConversation = RowConversation.Of(row.Case, row.Variant.Template, RowInput.Name(row.Method, followUpArguments));
                    followUpPrompt = followUpConversation!.Transcript;
                }
            }
        }
        catch (Exception ex)
        {
            return (null, Decided(RowDecision.Of(VerdictOutcome.Inconclusive, $"relation '{relation.Key}' threw {ex.GetType().Name} while transforming the input: {ex.Message}", ex)));
        }

        var notes = new Dictionary<string, string>(context.Notes, StringComparer.Ordinal);
        if (followUpInput == sourceInput && notes.Count == 0)
        {
            string what = relation.Parameter is not null ? $"the parameter '{relation.Parameter}'" : conversation is not null ? "any user turn" : "the prompt";
            return (null, Decided(RowDecision.NotApplicableBecause($"relation '{relation.Key}' did not change {what}, so there is nothing to check for this case")));
        }

        // Directional relations change the meaning on purpose: only invariant rows are weighted by what they kept.
        double? similarity;
        try
        {
            // In the row's own context, so recorded embeddings are filed (and replayed, and pruned) with the row.
            using IDisposable scope = EvalFlow.Enter(run.Flow with
            {
                Call = new EvalCallContext(row.Method.SuiteType.FullName ?? row.Method.SuiteType.Name, row.Id, 0, EvalCallContext.SimilarityPhase),
            });
            similarity = relation.Kind == RelationKind.Invariant
                ? await run.InputSimilarity.ComputeAsync(sourceInput, followUpInput, timeout, run.Cancellation).ConfigureAwait(false)
                : null;
        }
        catch (Recording.RecordingMissException miss)
        {
            // Replay is strict: the embeddings that weigh this row were not recorded, so the row fails rather than being
            // weighed by token F1 unseen.
            return (null, Decided(RowDecision.Of(VerdictOutcome.Fail, Recording.RecordingSession.DescribeMisses([miss]), miss)));
        }

        return (new RelationInput(transform, sourceInput, followUpInput, followUpPrompt, followUpArguments, notes, similarity) { FollowUpConversation = followUpConversation }, null);
    }

    /// <summary>The other prompt variants rendered with the row's arguments (for instruction paraphrases).</summary>
    private static string[] OtherPrompts(PreparedRow row, IReadOnlyDictionary<string, object?> arguments) =>
        row.Method.Variants.Where(v => v.Key != row.Variant.Key).Select(v => PromptTemplate.Render(v.Template, arguments)).ToArray();
}
