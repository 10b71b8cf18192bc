using System;
using System.Reflection;

namespace EvalSpec.Execution;

/// <summary>
/// The row table the generator writes per eval method (a static <c>string[][]</c> field of the class), as both xUnit
/// adapters' discoverers read it: each row is case id, variant key, relation key, display name, then the case's tags.
/// </summary>
internal static class EvalRowTable
{
    /// <summary>The columns every row has before its tags.</summary>
    public const int KeyColumns = 4;

    /// <summary>
    /// Reads the table <paramref name="name"/> of <paramref name="type"/> or a base class. Reading it runs the class's static
    /// initializer, the user's own static fields included.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// There is no such table, or it is not a <c>string[][]</c> (the message says to rebuild), or the class's static
    /// initializer threw (the message names the class and what it threw, secrets redacted, and says what to do). A test
    /// framework reports it as one failing test of the method, so that the class's rows are not silently dropped.
    /// </exception>
    public static string[][] Read(Type type, string name)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
        {
            if (t.GetField(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly) is { } field)
            {
                object? table;
                try
                {
                    table = field.GetValue(null);
                }
                catch (Exception ex) when (SnapshotInventory.InitializerFailure(ex) is { } cause)
                {
                    throw new InvalidOperationException(
                        $"The static initializer of {type.FullName} threw {new UnreadableSuite(type.FullName ?? type.Name, cause).Error} EvalSpec reads the class's rows from a static field, which runs it: fix the static field that throws (or make it lazy), then run again.",
                        cause);
                }

                return table as string[][]
                    ?? throw new InvalidOperationException($"The row table {type.FullName}.{name} is not a string[][]: rebuild the test project.");
            }
        }

        throw new InvalidOperationException($"{type.FullName} has no row table '{name}': rebuild the test project (the EvalSpec generator writes it).");
    }

    /// <summary>The row's keys, display name and tags, or null (with <paramref name="problem"/>) when it has too few columns.</summary>
    /// <param name="row">A row of the table.</param>
    /// <param name="table">The table, for the message (<c>Class.Table</c>).</param>
    /// <param name="problem">What is wrong with the row, or null.</param>
    public static EvalRowTableEntry? Entry(string[]? row, string table, out string? problem)
    {
        if (row is null || row.Length < KeyColumns)
        {
            problem = $"A row of {table} has {row?.Length ?? 0} columns instead of at least {KeyColumns}: rebuild the test project.";
            return null;
        }

        problem = null;
        return new EvalRowTableEntry(row[0], row[1], row[2], row[3], row.Length == KeyColumns ? [] : row[KeyColumns..]);
    }
}

/// <summary>One row of an <see cref="EvalRowTable"/>.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="VariantKey">The prompt variant's key.</param>
/// <param name="RelationKey">The relation's key (<c>identity</c> for the source row).</param>
/// <param name="DisplayName">The row's display name.</param>
/// <param name="Tags">The tags of a case read from a data file; empty otherwise.</param>
internal sealed record EvalRowTableEntry(string CaseId, string VariantKey, string RelationKey, string DisplayName, string[] Tags);
