using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using EvalSpec.Metamorphic;
using EvalSpec.Prompts;

namespace EvalSpec.Execution;

/// <summary>
/// The generator's description of one eval method as data: a JSON text in the generated code instead of the code that
/// would build the descriptor, which keeps the build of a large suite close to that of the same project without rows
/// (docs/build.md). <see cref="EvalMethodDescriptor.FromGenerated"/> turns it into the descriptor.
/// </summary>
/// <remarks>
/// Case arguments are written as a type tag and an invariant text, already converted to their parameter's type by the
/// generator (the tag of the value itself for an <c>object</c> parameter); the method and the relation types are found by
/// reflection and typeof.
/// </remarks>
internal sealed record GeneratedEvalMethod
{
    /// <summary>The data format; the runtime refuses others (rebuild the test project).</summary>
    public const int CurrentFormat = 1;

    [JsonPropertyName("format")] public int Format { get; init; }
    [JsonPropertyName("method")] public string Method { get; init; } = "";
    [JsonPropertyName("displayType")] public string DisplayType { get; init; } = "";
    [JsonPropertyName("static")] public bool IsStatic { get; init; }
    [JsonPropertyName("implicitVariant")] public bool ImplicitVariant { get; init; }
    [JsonPropertyName("rubric")] public string? Rubric { get; init; }
    [JsonPropertyName("threshold")] public double Threshold { get; init; }
    [JsonPropertyName("timeoutMs")] public int TimeoutMilliseconds { get; init; }
    [JsonPropertyName("parameters")] public string[] Parameters { get; init; } = [];
    [JsonPropertyName("variants")] public GeneratedVariant[] Variants { get; init; } = [];
    [JsonPropertyName("cases")] public GeneratedCase[] Cases { get; init; } = [];
    [JsonPropertyName("relations")] public GeneratedRelation[] Relations { get; init; } = [];
    [JsonPropertyName("trials")] public int Trials { get; init; } = 1;
    [JsonPropertyName("trialRule")] public int TrialRule { get; init; }
    [JsonPropertyName("passRate")] public double PassRate { get; init; } = 0.8;
    [JsonPropertyName("maxTokens")] public int? MaxTokens { get; init; }
    [JsonPropertyName("maxLatencyMs")] public int? MaxLatencyMs { get; init; }
    [JsonPropertyName("maxCostUsd")] public double? MaxCostUsd { get; init; }
    [JsonPropertyName("snapshot")] public int? Snapshot { get; init; }
    [JsonPropertyName("snapshotDirectory")] public string? SnapshotDirectory { get; init; }
    [JsonPropertyName("judgeEachTurn")] public bool JudgeEachTurn { get; init; }
}

/// <summary>A prompt variant in <see cref="GeneratedEvalMethod"/>.</summary>
internal sealed record GeneratedVariant([property: JsonPropertyName("key")] string Key, [property: JsonPropertyName("template")] string Template);

/// <summary>A case in <see cref="GeneratedEvalMethod"/>: arguments as [tag, text] pairs.</summary>
internal sealed record GeneratedCase
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("args")] public string[][] Arguments { get; init; } = [];
    [JsonPropertyName("expected")] public string? Expected { get; init; }
    [JsonPropertyName("turns")] public string[]? Turns { get; init; }
    [JsonPropertyName("tags")] public string[]? Tags { get; init; }
}

/// <summary>A relation in <see cref="GeneratedEvalMethod"/>; <see cref="Type"/> indexes the generated type list.</summary>
internal sealed record GeneratedRelation
{
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("directional")] public bool Directional { get; init; }
    [JsonPropertyName("type")] public int Type { get; init; }
    [JsonPropertyName("parameter")] public string? Parameter { get; init; }
    [JsonPropertyName("threshold")] public double Threshold { get; init; }
    [JsonPropertyName("expect")] public int Expect { get; init; }
}

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(GeneratedEvalMethod))]
internal sealed partial class GeneratedEvalJsonContext : JsonSerializerContext;

/// <summary>Builds an <see cref="EvalMethodDescriptor"/> from <see cref="GeneratedEvalMethod"/> data.</summary>
internal static class GeneratedEvalMethods
{
    public static EvalMethodDescriptor Read(Type suiteType, string data, Type[] types)
    {
        ArgumentNullException.ThrowIfNull(suiteType);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(types);
        GeneratedEvalMethod method = Parse(suiteType, data);
        MethodInfo target = FindMethod(suiteType, method);
        ParameterInfo[] parameters = target.GetParameters();
        var cases = new EvalCaseDescriptor[method.Cases.Length];
        for (int c = 0; c < cases.Length; c++)
        {
            GeneratedCase @case = method.Cases[c];
            if (@case.Arguments.Length != method.Parameters.Length)
            {
                throw Stale(suiteType, method.Method, $"case '{@case.Id}' has {@case.Arguments.Length} arguments for {method.Parameters.Length} parameters");
            }

            var arguments = new object?[@case.Arguments.Length];
            for (int a = 0; a < arguments.Length; a++)
            {
                arguments[a] = Argument(@case.Arguments[a], parameters[a + 1].ParameterType, types, () => $"{Describe(suiteType, method.Method)} case '{@case.Id}' argument {a + 1}");
            }

            cases[c] = new EvalCaseDescriptor(@case.Id, arguments, @case.Expected) { Turns = @case.Turns, Tags = @case.Tags ?? [] };
        }

        var relations = new RelationDescriptor[method.Relations.Length];
        for (int r = 0; r < relations.Length; r++)
        {
            GeneratedRelation relation = method.Relations[r];
            Type type = relation.Type >= 0 && relation.Type < types.Length && types[relation.Type] is { } t && typeof(IMetamorphicRelation).IsAssignableFrom(t)
                ? t
                : throw Stale(suiteType, method.Method, $"relation '{relation.Key}' names no relation type");
            relations[r] = new RelationDescriptor(
                relation.Key,
                relation.Directional ? RelationKind.Directional : RelationKind.Invariant,
                () => (IMetamorphicRelation)Activator.CreateInstance(type)!,
                relation.Parameter,
                relation.Threshold,
                (Change)relation.Expect);
        }

        return new EvalMethodDescriptor(
            suiteType,
            method.Method,
            method.Rubric,
            method.Threshold,
            method.TimeoutMilliseconds,
            method.Parameters,
            method.Variants.Select(v => new PromptVariant(v.Key, v.Template)).ToArray(),
            cases,
            relations,
            Invoker(target))
        {
            DisplayTypeName = method.DisplayType.Length == 0 ? null : method.DisplayType,
            HasImplicitVariant = method.ImplicitVariant,
            Trials = method.Trials,
            TrialRule = (TrialRule)method.TrialRule,
            PassRate = method.PassRate,
            MaxTokens = method.MaxTokens,
            MaxLatencyMs = method.MaxLatencyMs,
            MaxCostUsd = method.MaxCostUsd,
            SnapshotOutput = method.Snapshot is int snapshot ? (SnapshotOutput)snapshot : null,
            SnapshotDirectory = method.SnapshotDirectory,
            JudgeEachTurn = method.JudgeEachTurn,
        };
    }

    /// <summary>The data the generator wrote for a method of <paramref name="suiteType"/> (named in messages).</summary>
    /// <exception cref="InvalidOperationException">It cannot be read, or has another format (the message says to rebuild).</exception>
    internal static GeneratedEvalMethod Parse(Type suiteType, string data)
    {
        GeneratedEvalMethod method;
        try
        {
            method = JsonSerializer.Deserialize(data, GeneratedEvalJsonContext.Default.GeneratedEvalMethod)
                ?? throw new JsonException("the data is null");
        }
        catch (JsonException ex)
        {
            throw Stale(suiteType, "?", "its generated data cannot be read (" + ex.Message + ")");
        }

        return method.Format == GeneratedEvalMethod.CurrentFormat
            ? method
            : throw Stale(suiteType, method.Method, $"its generated data has format {method.Format}, this EvalSpec reads format {GeneratedEvalMethod.CurrentFormat}");
    }

    /// <summary>The eval method: the one of that name whose first parameter is an <see cref="EvalInput"/> and that takes the case parameters.</summary>
    private static MethodInfo FindMethod(Type suiteType, GeneratedEvalMethod method)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Instance;
        MethodInfo[] found = suiteType.GetMethods(Flags)
            .Where(m => m.Name == method.Method && m.IsStatic == method.IsStatic && !m.IsGenericMethodDefinition)
            .Where(m => m.GetParameters() is { } p && p.Length == method.Parameters.Length + 1 && p[0].ParameterType == typeof(EvalInput)
                && p.Skip(1).Select(x => x.Name).SequenceEqual(method.Parameters))
            .ToArray();
        return found.Length == 1
            ? found[0]
            : throw Stale(suiteType, method.Method, found.Length == 0 ? "no such method takes an EvalInput and the parameters " + string.Join(", ", method.Parameters) : "several methods match");
    }

    /// <summary>Calls the method and adapts its Task&lt;T&gt; or ValueTask&lt;T&gt; as the generated lambda used to.</summary>
    private static Func<object?, EvalInput, object?[], ValueTask<object?>> Invoker(MethodInfo method)
    {
        Type returned = method.ReturnType;
        string? adapterName = returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>) ? nameof(AdaptTask)
            : returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(ValueTask<>) ? nameof(AdaptValueTask)
            : null;
        if (adapterName is null)
        {
            throw Stale(method.DeclaringType!, method.Name, $"it returns {returned.Name}, not Task<T> or ValueTask<T>");
        }

        var adapt = typeof(GeneratedEvalMethods).GetMethod(adapterName, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(returned.GetGenericArguments()[0])
            .CreateDelegate<Func<object?, ValueTask<object?>>>();
        bool isStatic = method.IsStatic;
        return (instance, input, args) =>
        {
            var all = new object?[args.Length + 1];
            all[0] = input;
            Array.Copy(args, 0, all, 1, args.Length);

            // Exceptions as the method throws them (not wrapped), synchronously or in its task, as a direct call gives them.
            return adapt(method.Invoke(isStatic ? null : instance, BindingFlags.DoNotWrapExceptions, binder: null, all, culture: null));
        };
    }

    private static ValueTask<object?> AdaptTask<T>(object? task) => EvalInvoker.FromTask((Task<T>)task!);

    private static ValueTask<object?> AdaptValueTask<T>(object? task) => EvalInvoker.FromValueTask((ValueTask<T>)task!);

    /// <summary>A case argument from its [tag, text] pair, for a parameter of <paramref name="parameterType"/>.</summary>
    internal static object? Argument(string[] pair, Type parameterType, Type[] types, Func<string> where)
    {
        if (pair is not [string tag, string text])
        {
            throw new InvalidOperationException($"{where()} is not a [type, value] pair: rebuild the test project.");
        }

        CultureInfo invariant = CultureInfo.InvariantCulture;
        try
        {
            return tag switch
            {
                "null" => null,
                "string" => text,
                "bool" => bool.Parse(text),
                "char" => text.Length == 1 ? text[0] : throw new FormatException("a char is one character"),
                "byte" => byte.Parse(text, invariant),
                "sbyte" => sbyte.Parse(text, invariant),
                "short" => short.Parse(text, invariant),
                "ushort" => ushort.Parse(text, invariant),
                "int" => int.Parse(text, invariant),
                "uint" => uint.Parse(text, invariant),
                "long" => long.Parse(text, invariant),
                "ulong" => ulong.Parse(text, invariant),
                "float" => float.Parse(text, NumberStyles.Float, invariant),
                "double" => double.Parse(text, NumberStyles.Float, invariant),
                "decimal" => decimal.Parse(text, NumberStyles.Float, invariant),
                "enum" => Enum.Parse(Nullable.GetUnderlyingType(parameterType) ?? parameterType, text),
                _ when tag.StartsWith("enum:", StringComparison.Ordinal)
                    && int.TryParse(tag.AsSpan(5), NumberStyles.None, invariant, out int index) && index < types.Length && types[index].IsEnum
                    => Enum.Parse(types[index], text),
                _ => throw new FormatException($"unknown type '{tag}'"),
            };
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException($"{where()} ('{text}' as {tag}) cannot be read: {ex.Message} Rebuild the test project.", ex);
        }
    }

    private static string Describe(Type suiteType, string method) => (suiteType.FullName ?? suiteType.Name) + "." + method;

    private static InvalidOperationException Stale(Type suiteType, string method, string why) =>
        new($"The generated description of the eval method {Describe(suiteType, method)} does not fit the compiled code: {why}. Rebuild the test project (the EvalSpec generator writes it).");
}
