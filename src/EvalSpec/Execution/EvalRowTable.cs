using System;
using System.Collections.Generic;
using System.Reflection;

namespace EvalSpec.Execution;

/// <summary>
/// The rows of a generated eval method as both xUnit adapters' discoverers list them: read from the method's generated
/// descriptor (a static <see cref="EvalMethodDescriptor"/> field of the class) and expanded into case x variant x
/// (identity + relations), each with its keys, display name and tags.
/// </summary>
internal static class EvalRowTable
{
    /// <summary>
    /// Reads the descriptor field <paramref name="name"/> of <paramref name="type"/> or a base class and lists its rows.
    /// Reading it runs the class's static initializer, the user's own static fields included (no eval method is called).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// There is no such field, or it is not a descriptor (the message says to rebuild), or the class's static initializer
    /// threw (the message names the class and what it threw, secrets redacted, and says what to do). A test framework
    /// reports it as one failing test of the method, so that the class's rows are not silently dropped.
    /// </exception>
    public static IReadOnlyList<EvalRowTableEntry> Read(Type type, string name)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            if (t.GetField(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly) is { } field)
            {
                object? descriptor;
                try
                {
                    descriptor = field.GetValue(null);
                }
                catch (Exception ex) when (SnapshotInventory.InitializerFailure(ex) is GeneratedDataException stale)
                {
                    // EvalSpec's own descriptor does not fit (built by another EvalSpec, or text it cannot hold): its message says what to do.
                    throw new InvalidOperationException(stale.Message, stale);
                }
                catch (Exception ex) when (SnapshotInventory.InitializerFailure(ex) is { } cause)
                {
                    throw new InvalidOperationException(
                        $"The static initializer of {type.FullName} threw {new UnreadableSuite(type.FullName ?? type.Name, cause).ErrorSentence} EvalSpec reads the class's rows from a static field, which runs it: fix the static field that throws (or make it lazy), then run again.",
                        cause);
                }

                return (descriptor as EvalMethodDescriptor)?.RowEntries()
                    ?? throw new InvalidOperationException($"The field {type.FullName}.{name} is not an eval method's descriptor: rebuild the test project.");
            }
        }

        throw new InvalidOperationException($"{type.FullName} has no eval method descriptor '{name}': rebuild the test project (the EvalSpec generator writes it).");
    }

    /// <summary>
    /// The rows of an eval method in a stable order (cases, then variants, then identity and the relations as declared),
    /// each with its keys, display name (<c>Class.Method [case · variant · relation]</c>, the variant left out when the
    /// method declares no prompt) and its case's tags.
    /// </summary>
    public static IReadOnlyList<EvalRowTableEntry> Expand(
        string displayType, string method, bool implicitVariant, IReadOnlyList<(string Id, string[] Tags)> cases, IReadOnlyList<string> variantKeys, IReadOnlyList<string> relationKeys)
    {
        string prefix = displayType + "." + method + " [";
        var rows = new List<EvalRowTableEntry>(cases.Count * variantKeys.Count * (relationKeys.Count + 1));
        foreach ((string caseId, string[] tags) in cases)
        {
            foreach (string variantKey in variantKeys)
            {
                string row = prefix + caseId + (implicitVariant ? string.Empty : EvalDefaults.RowNameSeparator + variantKey);
                rows.Add(new EvalRowTableEntry(caseId, variantKey, EvalDefaults.IdentityRelationKey, row + "]", tags));
                foreach (string relationKey in relationKeys)
                {
                    rows.Add(new EvalRowTableEntry(caseId, variantKey, relationKey, row + EvalDefaults.RowNameSeparator + relationKey + "]", tags));
                }
            }
        }

        return rows;
    }
}

/// <summary>One row of an <see cref="EvalRowTable"/>.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="VariantKey">The prompt variant's key.</param>
/// <param name="RelationKey">The relation's key (<c>identity</c> for the source row).</param>
/// <param name="DisplayName">The row's display name.</param>
/// <param name="Tags">The tags of a case read from a data file; empty otherwise.</param>
internal sealed record EvalRowTableEntry(string CaseId, string VariantKey, string RelationKey, string DisplayName, string[] Tags);
