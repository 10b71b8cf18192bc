using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using EvalSpec.Execution;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// The runtime keeps no process-wide mutable state on the path of a row: what a run shares lives in its
/// <see cref="EvalRunHost"/>, which the test framework creates per test assembly run and hands to each row. This test
/// looks at every static field of the namespaces rows run through and fails, naming the field, when one can change:
/// a static field that is not readonly (or const), or a static readonly field whose type can be changed through it (a
/// collection, an array, a class with a settable field). The few exceptions are on <see cref="Allowed"/>, each with why.
/// </summary>
public sealed class RuntimeStaticStateTests
{
    /// <summary>The run host, the runners and the row pipeline: every type of this namespace.</summary>
    private const string ExecutionNamespace = "EvalSpec.Execution";

    /// <summary>
    /// The types outside <see cref="ExecutionNamespace"/> a row runs through: its recordings, judge panels and their
    /// statistics, snapshots, results, review queue, baseline and summary. (Lexicons of relations and the generated JSON
    /// contexts hold constant tables; they are not run state and are left out.)
    /// </summary>
    private static readonly Type[] RowPathTypes =
    [
        typeof(EvalSpec.Recording.RecordingSession),
        typeof(EvalSpec.Recording.RecordedAnswerScope),
        Type.GetType("EvalSpec.Recording.RecordingChatClient, EvalSpec", throwOnError: true)!,
        Type.GetType("EvalSpec.Recording.RecordingEmbeddingGenerator, EvalSpec", throwOnError: true)!,
        typeof(EvalSpec.Judging.JudgePanel),
        typeof(EvalSpec.Judging.JudgeCascade),
        typeof(EvalSpec.Reporting.JudgeStatistics),
        typeof(EvalSpec.Reporting.ResultsWriter),
        typeof(EvalSpec.Reporting.ReviewQueueWriter),
        typeof(EvalSpec.Reporting.RunSummaryWriter),
        typeof(EvalSpec.Reporting.Baseline),
        typeof(EvalSpec.Snapshots.Snapshot),
        typeof(EvalSpec.Snapshots.SnapshotStore),
        typeof(EvalSpec.Snapshots.SnapshotDocument),
        typeof(EvalSpec.Metamorphic.InputSimilarity),
    ];

    /// <summary>Static fields that may hold state, by <c>Type.Field</c>, and why each is not run state.</summary>
    private static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Per-flow values: an AsyncLocal holds one value per async flow (a row, a test), set in a scope and restored after it.
        ["EvalSpec.Execution.EvalFlow.s_current"] = "the run's flow: one immutable value per async flow, entered and left in scopes",

        // Only for assemblies that declare their own xUnit test framework: nobody hands their rows a host.
        ["EvalSpec.Execution.UnattendedRuns.Hosts"] = "the host of an assembly run without EvalSpec's test framework, created by its first row",
    };

    [Fact]
    public void No_static_field_on_the_rows_path_can_change()
    {
        string[] offending = RowPathFields()
            .Where(f => !Allowed.ContainsKey(Name(f)))
            .Select(f => Problem(f) is { } problem ? $"{Name(f)} ({f.FieldType.Name}): {problem}" : null)
            .OfType<string>()
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

        string.Join("\n", offending).Should().BeEmpty(
            "a run's state belongs in EvalRunHost (handed to each row), not in static fields; "
            + "if a field must stay, add it to RuntimeStaticStateTests.Allowed with the reason");
    }

    [Fact]
    public void Every_allowed_field_still_exists_so_the_list_cannot_hide_a_rename()
    {
        HashSet<string> fields = RowPathFields().Select(Name).ToHashSet(StringComparer.Ordinal);

        Allowed.Keys.Where(name => !fields.Contains(name)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(nameof(Samples.Counter), true)]
    [InlineData(nameof(Samples.AutoProperty) + "Backing", true)]
    [InlineData(nameof(Samples.Names), true)]
    [InlineData(nameof(Samples.Words), true)]
    [InlineData(nameof(Samples.Settable), true)]
    [InlineData(nameof(Samples.Limit), false)]
    [InlineData(nameof(Samples.Name), false)]
    [InlineData(nameof(Samples.Pattern), false)]
    [InlineData(nameof(Samples.Frozen), false)]
    [InlineData(nameof(Samples.Record), false)]
    [InlineData(nameof(Samples.Callback), false)]
    public void The_rule_tells_changeable_fields_from_fixed_ones(string field, bool changeable)
    {
        FieldInfo info = field.EndsWith("Backing", StringComparison.Ordinal)
            ? typeof(Samples).GetFields(BindingFlags.Static | BindingFlags.NonPublic).Single(f => f.Name.Contains(field[..^"Backing".Length], StringComparison.Ordinal))
            : typeof(Samples).GetField(field, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!;

        (Problem(info) is not null).Should().Be(changeable);
    }

    private static IEnumerable<FieldInfo> RowPathFields() =>
        typeof(EvalRunHost).Assembly.GetTypes()
            .Where(t => t.Namespace == ExecutionNamespace || RowPathTypes.Contains(Outermost(t)))
            .Where(t => !IsCompilerGenerated(t))

            // System.Text.Json's generated contexts (constant property names and metadata), as outside this namespace.
            .Where(t => !typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(t))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    /// <summary>Closures, lambda caches and state machines the compiler emits (not auto-property backing fields, which count).</summary>
    private static bool IsCompilerGenerated(Type type)
    {
        for (Type? t = type; t is not null; t = t.DeclaringType)
        {
            if (t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            {
                return true;
            }
        }

        return false;
    }

    private static string Name(FieldInfo field) => field.DeclaringType!.FullName!.Replace('+', '.') + "." + field.Name;

    /// <summary>Why the static field can change, or null when it cannot.</summary>
    private static string? Problem(FieldInfo field)
    {
        if (field.IsLiteral)
        {
            return null;
        }

        if (!field.IsInitOnly)
        {
            return "a static field that is not readonly";
        }

        return IsImmutable(field.FieldType, field.DeclaringType!.Assembly, new HashSet<Type>()) ? null : "a static readonly field of a type that can be changed through it";
    }

    private static readonly Type[] ImmutableTypes =
    [
        typeof(string), typeof(decimal), typeof(TimeSpan), typeof(DateTime), typeof(DateTimeOffset), typeof(Guid), typeof(Type),
        typeof(Regex), typeof(StringComparer), typeof(System.Globalization.CultureInfo), typeof(object),
    ];

    /// <summary>
    /// Whether nothing can be changed through a value of <paramref name="type"/>: primitives, strings, enums, delegates,
    /// immutable and frozen collections, and sealed types (or structs) whose instance fields are all readonly and immutable.
    /// </summary>
    private static bool IsImmutable(Type type, Assembly own, HashSet<Type> seen)
    {
        // Encodings count as fixed: nothing in EvalSpec sets their fallbacks, the one thing that could change on one.
        if (type.IsPrimitive || type.IsEnum || ImmutableTypes.Contains(type) || typeof(Delegate).IsAssignableFrom(type) || typeof(System.Text.Encoding).IsAssignableFrom(type))
        {
            return true;
        }

        if (type.IsArray || type.IsInterface || type.IsPointer)
        {
            return false;
        }

        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            string ns = definition.Namespace ?? string.Empty;
            if (ns is "System.Collections.Immutable" or "System.Collections.Frozen" || definition == typeof(Nullable<>))
            {
                return type.GetGenericArguments().All(a => IsImmutable(a, own, seen));
            }
        }

        if (type.Assembly != own)
        {
            // Framework and package types not listed above (collections, locks, AsyncLocal...) are taken as changeable.
            return false;
        }

        if (!type.IsValueType && !type.IsSealed)
        {
            return false;
        }

        if (!seen.Add(type))
        {
            return true;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.IsInitOnly || !IsImmutable(field.FieldType, own, seen))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Fields the rule is checked on.</summary>
    private static class Samples
    {
#pragma warning disable CS0649, CS0169, CA2211, IDE0044 // the fields only exist to be inspected
        public static int Counter;
        public static readonly List<string> Names = new();
        public static readonly string[] Words = ["a"];
        public static readonly Settings Settable = new();
        public static readonly int Limit = 3;
        public static readonly string Name = "n";
        public static readonly Regex Pattern = new("a");
        public static readonly ImmutableArray<string> Frozen = ["a"];
        public static readonly Point Record = new(1, 2);
        public static readonly Func<int, int> Callback = x => x;
#pragma warning restore CS0649, CS0169, CA2211, IDE0044

        public static int AutoProperty { get; set; }
    }

    private sealed class Settings
    {
        public int Value { get; set; }
    }

    private sealed record Point(int X, int Y);
}
