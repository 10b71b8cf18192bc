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
/// reflection and typeof. Settable properties: System.Text.Json's generated code sets an absent init-only property to its
/// default, not to the initializer's value (a method without "trials" would read 0 trials).
/// </remarks>
internal sealed record GeneratedEvalMethod
{
    /// <summary>The data format; the runtime refuses others (rebuild the test project).</summary>
    public const int CurrentFormat = 1;

    [JsonPropertyName("format")] public int Format { get; set; }
    [JsonPropertyName("method")] public string Method { get; set; } = "";
    [JsonPropertyName("displayType")] public string DisplayType { get; set; } = "";
    [JsonPropertyName("static")] public bool IsStatic { get; set; }
    [JsonPropertyName("implicitVariant")] public bool ImplicitVariant { get; set; }
    [JsonPropertyName("rubric")] public string? Rubric { get; set; }
    [JsonPropertyName("threshold")] public double Threshold { get; set; }
    [JsonPropertyName("timeoutMs")] public int TimeoutMilliseconds { get; set; }
    [JsonPropertyName("parameters")] public string[] Parameters { get; set; } = [];
    [JsonPropertyName("parameterTypes")] public int[] ParameterTypes { get; set; } = [];
    [JsonPropertyName("variants")] public GeneratedVariant[] Variants { get; set; } = [];
    [JsonPropertyName("cases")] public GeneratedCase[] Cases { get; set; } = [];
    [JsonPropertyName("relations")] public GeneratedRelation[] Relations { get; set; } = [];
    [JsonPropertyName("trials")] public int Trials { get; set; } = 1;
    [JsonPropertyName("trialRule")] public int TrialRule { get; set; }
    [JsonPropertyName("passRate")] public double PassRate { get; set; } = 0.8;
    [JsonPropertyName("maxTokens")] public int? MaxTokens { get; set; }
    [JsonPropertyName("maxLatencyMs")] public int? MaxLatencyMs { get; set; }
    [JsonPropertyName("maxCostUsd")] public double? MaxCostUsd { get; set; }
    [JsonPropertyName("snapshot")] public int? Snapshot { get; set; }
    [JsonPropertyName("snapshotDirectory")] public string? SnapshotDirectory { get; set; }
    [JsonPropertyName("judgeEachTurn")] public bool JudgeEachTurn { get; set; }
}

/// <summary>A prompt variant in <see cref="GeneratedEvalMethod"/>.</summary>
internal sealed record GeneratedVariant
{
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("template")] public string Template { get; set; } = "";
}

/// <summary>A case in <see cref="GeneratedEvalMethod"/>: arguments as [tag, text] pairs.</summary>
internal sealed record GeneratedCase
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("args")] public string[][] Arguments { get; set; } = [];
    [JsonPropertyName("expected")] public string? Expected { get; set; }
    [JsonPropertyName("turns")] public string[]? Turns { get; set; }
    [JsonPropertyName("tags")] public string[]? Tags { get; set; }
}

/// <summary>A relation in <see cref="GeneratedEvalMethod"/>; <see cref="Type"/> indexes the generated type list.</summary>
internal sealed record GeneratedRelation
{
    [JsonPropertyName("key")] public string Key { get; set; } = "";
    [JsonPropertyName("directional")] public bool Directional { get; set; }
    [JsonPropertyName("type")] public int Type { get; set; }
    [JsonPropertyName("parameter")] public string? Parameter { get; set; }
    [JsonPropertyName("threshold")] public double Threshold { get; set; }
    [JsonPropertyName("expect")] public int Expect { get; set; }
}

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(GeneratedEvalMethod))]
internal sealed partial class GeneratedEvalJsonContext : JsonSerializerContext;

/// <summary>
/// Generated data that does not fit the compiled code or this EvalSpec. It is thrown from the class's static initializer
/// (the descriptor field), which fails the class's rows as one test per method that says to rebuild.
/// </summary>
internal sealed class GeneratedDataException(string message, Exception? inner = null) : InvalidOperationException(message, inner);

/// <summary>Builds an <see cref="EvalMethodDescriptor"/> from <see cref="GeneratedEvalMethod"/> data.</summary>
internal static class GeneratedEvalMethods
{
    public static EvalMethodDescriptor Read(Type suiteType, string methodName, string data, Type[] types)
    {
        ArgumentNullException.ThrowIfNull(suiteType);
        ArgumentNullException.ThrowIfNull(methodName);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(types);
        GeneratedEvalMethod method = Parse(suiteType, methodName, data);
        MethodInfo target = FindMethod(suiteType, method, types);
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
                arguments[a] = Argument(@case.Arguments[a], parameters[a + 1].ParameterType, types, () => $"case '{@case.Id}' argument {a + 1} ({method.Parameters[a]})", suiteType, method.Method);
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
                // The relation's own exception if its constructor throws, as `new T()` gives it.
                () => (IMetamorphicRelation)Activator.CreateInstance(type, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DoNotWrapExceptions, null, null, null)!,
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

    /// <summary>The data the generator wrote for the method <paramref name="methodName"/> of <paramref name="suiteType"/>.</summary>
    /// <exception cref="GeneratedDataException">It cannot be read, has another format or names another method (the message says to rebuild).</exception>
    internal static GeneratedEvalMethod Parse(Type suiteType, string methodName, string data)
    {
        GeneratedEvalMethod method;
        try
        {
            method = JsonSerializer.Deserialize(data, GeneratedEvalJsonContext.Default.GeneratedEvalMethod)
                ?? throw new JsonException("the data is null");
        }
        catch (JsonException ex)
        {
            throw Stale(suiteType, methodName, "its generated data cannot be read (" + ex.Message + ")");
        }
        catch (ArgumentException ex)
        {
            // System.Text.Json refuses text that is not valid UTF-16: a lone surrogate in a prompt, id, expected answer or rubric.
            throw new GeneratedDataException(
                $"The generated description of the eval method {Describe(suiteType, methodName)} holds text that is not valid UTF-16 (a lone surrogate in a prompt, case id, expected answer, rubric, turn or tag): {ex.Message} Remove the lone surrogate from the eval's attributes or data files and rebuild.",
                ex);
        }

        if (method.Format != GeneratedEvalMethod.CurrentFormat)
        {
            throw Stale(suiteType, methodName, $"its generated data has format {method.Format}, this EvalSpec reads format {GeneratedEvalMethod.CurrentFormat}");
        }

        if (method.Parameters is null || method.ParameterTypes is null || method.Variants is null || method.Cases is null || method.Relations is null
            || method.Cases.Any(c => c?.Arguments is null || c.Arguments.Any(a => a is null)) || method.Variants.Any(v => v is null) || method.Relations.Any(r => r is null))
        {
            throw Stale(suiteType, methodName, "its generated data has a null where a list belongs");
        }

        return method.Method == methodName
            ? method
            : throw Stale(suiteType, methodName, $"its generated data describes the method '{method.Method}'");
    }

    /// <summary>The eval method: the one of that name, static or not as generated, taking an EvalInput and the case parameters' types.</summary>
    private static MethodInfo FindMethod(Type suiteType, GeneratedEvalMethod method, Type[] types)
    {
        if (method.ParameterTypes.Length != method.Parameters.Length || method.ParameterTypes.Any(t => t < 0 || t >= types.Length))
        {
            throw Stale(suiteType, method.Method, "its parameter types are not listed");
        }

        Type[] parameterTypes = [typeof(EvalInput), .. method.ParameterTypes.Select(t => types[t])];
        BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly | (method.IsStatic ? BindingFlags.Static : BindingFlags.Instance);
        return suiteType.GetMethod(method.Method, genericParameterCount: 0, flags, binder: null, parameterTypes, modifiers: null) is { } found
            ? found
            : throw Stale(
                suiteType,
                method.Method,
                $"no {(method.IsStatic ? "static" : "instance")} method {method.Method}({string.Join(", ", parameterTypes.Select(t => t.Name))}) is declared there");
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

    private static async ValueTask<object?> AdaptTask<T>(object? task) => await ((Task<T>)task!).ConfigureAwait(false);

    private static async ValueTask<object?> AdaptValueTask<T>(object? task) => await ((ValueTask<T>)task!).ConfigureAwait(false);

    /// <summary>A case argument from its [tag, text] pair, for a parameter of <paramref name="parameterType"/>.</summary>
    internal static object? Argument(string[] pair, Type parameterType, Type[] types, Func<string> where, Type suiteType, string methodName)
    {
        if (pair is not [string tag, string text])
        {
            throw Stale(suiteType, methodName, where() + " is not a [type, value] pair");
        }

        object? value = Value(tag, text, parameterType, types, () => where() + $" ('{text}' as {tag})", suiteType, methodName);
        return Fit(value, parameterType)
            ? value
            : (value is null ? null : ConvertedByOperator(value, parameterType))
            ?? throw Stale(suiteType, methodName, $"{where()}, {(value is null ? "null" : "a " + value.GetType().Name)}, does not convert to the parameter's type {parameterType.Name}");
    }

    /// <summary>Whether the method can take <paramref name="value"/> for a parameter of <paramref name="parameterType"/> as it is.</summary>
    private static bool Fit(object? value, Type parameterType) =>
        value is null
            ? !parameterType.IsValueType || Nullable.GetUnderlyingType(parameterType) is not null
            : parameterType.IsInstanceOfType(value) || Nullable.GetUnderlyingType(parameterType)?.IsInstanceOfType(value) == true;

    /// <summary>
    /// The value through the conversions C# applies that a boxed value does not: nint and nuint from an integer, and a
    /// user-defined implicit conversion of the parameter's type or the value's. Null when there is none.
    /// </summary>
    private static object? ConvertedByOperator(object value, Type parameterType)
    {
        Type target = Nullable.GetUnderlyingType(parameterType) ?? parameterType;
        if (value is IConvertible integral and not (string or bool or float or double or decimal) && (target == typeof(nint) || target == typeof(nuint)))
        {
            return target == typeof(nint) ? (object)(nint)integral.ToInt64(CultureInfo.InvariantCulture) : (nuint)integral.ToUInt64(CultureInfo.InvariantCulture);
        }

        // The generator wrote the value as the operator's parameter type, so the operator that takes exactly that type is the
        // one C# chose; one taking a base type or interface of the value only when there is none.
        Type source = value.GetType();
        MethodInfo[] conversions = target.GetMethods(BindingFlags.Public | BindingFlags.Static).Concat(source.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name == "op_Implicit" && (m.ReturnType == target || m.ReturnType == parameterType) && m.GetParameters() is [{ } p] && p.ParameterType.IsAssignableFrom(source))
            .ToArray();
        MethodInfo? conversion = conversions.FirstOrDefault(m => m.GetParameters()[0].ParameterType == source) ?? conversions.FirstOrDefault();
        return conversion?.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [value], culture: null);
    }

    private static object? Value(string tag, string text, Type parameterType, Type[] types, Func<string> where, Type suiteType, string methodName)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        try
        {
            return tag switch
            {
                "null" => null,
                "string" => text,
                "bool" => bool.Parse(text),
                "char" => text.Length == 1 ? text[0] : throw new FormatException("a char is one character"),
                "utf16" => Utf16(text),
                "utf16char" => Utf16(text) is [char c] ? c : throw new FormatException("a char is one UTF-16 code unit"),
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
            throw Stale(suiteType, methodName, $"{where()} cannot be read: {ex.Message}");
        }
    }

    /// <summary>Text written as UTF-16 code units in hex (4 digits each): how the generator writes a value with a lone surrogate, which JSON text cannot hold.</summary>
    private static string Utf16(string hex)
    {
        if (hex.Length % 4 != 0)
        {
            throw new FormatException("UTF-16 code units are 4 hex digits each");
        }

        var text = new char[hex.Length / 4];
        for (int i = 0; i < text.Length; i++)
        {
            text[i] = (char)ushort.Parse(hex.AsSpan(4 * i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        return new string(text);
    }

    private static string Describe(Type suiteType, string method) => (suiteType.FullName ?? suiteType.Name) + "." + method;

    private static GeneratedDataException Stale(Type suiteType, string method, string why) =>
        new($"The generated description of the eval method {Describe(suiteType, method)} does not fit the compiled code: {why}. Rebuild the test project (the EvalSpec generator writes it).");
}
