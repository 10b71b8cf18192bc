using System;
using System.Collections;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace EvalSpec.Execution;

/// <summary>
/// Reads the run's configuration, <c>evalspec.json</c> and <c>EVALSPEC_</c> environment variables, and refuses what
/// EvalSpec would otherwise ignore in silence: a misspelt option (<c>"Recordng": "replay"</c> would leave the run
/// recording live calls), a value that is not one of the option's values, a section where a value belongs.
/// </summary>
/// <remarks>
/// <para>The rule, documented in docs/configuration.md:</para>
/// <list type="bullet">
/// <item>every <c>EVALSPEC_</c> variable is an EvalSpec option (the prefix is EvalSpec's);</item>
/// <item>
/// every top-level key of <c>evalspec.json</c> is an EvalSpec option, except <c>$schema</c> and the <c>App</c> section,
/// which holds your own settings (<c>setup.Configuration["App:BotModel"]</c>; from the environment,
/// <c>EVALSPEC_APP__BOTMODEL</c>);
/// </item>
/// <item>inside an option that is an object, list or dictionary, the same holds for its keys.</item>
/// </list>
/// <para>
/// Options are the public properties of <see cref="EvalOptions"/>, found by reflection, so an option added there is
/// known here without a second list; an option object (a nested options class) is checked key by key as well.
/// </para>
/// </remarks>
internal static class EvalConfiguration
{
    /// <summary>The configuration file: in the test project's folder (see <see cref="FindFile"/>), or the test output folder.</summary>
    public const string FileName = "evalspec.json";

    /// <summary>
    /// The <c>evalspec.json</c> a run reads: the one in the test project's folder, where it is written and next to the
    /// baseline and recordings (also when the project does not copy it to its output, and also when the test assembly is
    /// run without a build, whose copy could be stale); else the one in the test output folder (a run from a build
    /// artifact, without the sources). The path of a file that does not exist when neither does.
    /// </summary>
    /// <param name="projectDirectory">The test project's folder.</param>
    /// <param name="outputDirectory">The test output folder (<see cref="AppContext.BaseDirectory"/>).</param>
    public static string FindFile(string projectDirectory, string outputDirectory)
    {
        string inProject = Path.Combine(projectDirectory, FileName);
        return File.Exists(inProject) ? inProject : Path.Combine(outputDirectory, FileName);
    }

    /// <summary>The prefix of the environment variables that set options.</summary>
    public const string EnvironmentPrefix = "EVALSPEC_";

    /// <summary>The section of <c>evalspec.json</c> (and <c>EVALSPEC_APP__</c> variables) for the user's own settings.</summary>
    public const string UserSection = "App";

    private const string SchemaKey = "$schema";

    /// <summary>
    /// Reads <paramref name="jsonPath"/> (when it exists) and the <c>EVALSPEC_</c> variables of
    /// <paramref name="environment"/> (later wins), after checking both.
    /// </summary>
    /// <exception cref="EvalConfigurationException">The file is not valid JSON, or a key or value is not one EvalSpec knows: the message names each, where it came from, and the nearest option or the valid values.</exception>
    public static IConfigurationRoot Load(string jsonPath, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        ArgumentNullException.ThrowIfNull(environment);

        IConfigurationRoot? file = File.Exists(jsonPath) ? LoadFile(jsonPath) : null;
        (Dictionary<string, string?> variables, Dictionary<string, string> names) = Variables(environment);
        IConfigurationRoot fromEnvironment = new ConfigurationBuilder().AddInMemoryCollection(variables).Build();

        var problems = new List<string>();
        if (file is not null)
        {
            Check(file, new Origin(jsonPath, null), problems);
        }

        Check(fromEnvironment, new Origin(null, names), problems);
        if (problems.Count == 1)
        {
            throw new EvalConfigurationException(problems[0]);
        }

        if (problems.Count > 1)
        {
            throw new EvalConfigurationException("EvalSpec's configuration has " + problems.Count.ToString(CultureInfo.InvariantCulture) + " problems:\n- " + string.Join("\n- ", problems));
        }

        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            builder.AddJsonFile(jsonPath, optional: true, reloadOnChange: false);
        }

        return builder.AddInMemoryCollection(variables).Build();
    }

    private static IConfigurationRoot LoadFile(string jsonPath)
    {
        try
        {
            return new ConfigurationBuilder().AddJsonFile(jsonPath, optional: true, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            // The inner exception says what is wrong (a JSON syntax error, a duplicate key such as two judges whose names
            // differ only in letter case); the outer one only that the file failed to load.
            string reason = ex.InnerException is { } inner ? inner.Message : ex.Message;
            throw new EvalConfigurationException($"{jsonPath} cannot be read: {reason} Fix the JSON (or delete the file to use the defaults).", ex);
        }
    }

    /// <summary>The <c>EVALSPEC_</c> variables as configuration keys (<c>__</c> separates sections, as in Microsoft.Extensions.Configuration), and each key's variable name.</summary>
    private static (Dictionary<string, string?> Values, Dictionary<string, string> Names) Variables(IDictionary environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry variable in environment)
        {
            if (variable.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && name.Length > EnvironmentPrefix.Length)
            {
                string key = name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                values[key] = variable.Value as string;
                names[key] = name;
            }
        }

        return (values, names);
    }

    private static void Check(IConfiguration configuration, Origin origin, List<string> problems)
    {
        foreach (IConfigurationSection section in configuration.GetChildren())
        {
            if ((origin.IsFile && string.Equals(section.Key, SchemaKey, StringComparison.Ordinal))
                || string.Equals(section.Key, UserSection, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (OptionsOf(typeof(EvalOptions)).FirstOrDefault(p => string.Equals(p.Name, section.Key, StringComparison.OrdinalIgnoreCase)) is { } option)
            {
                CheckValue(section, option.PropertyType, origin, problems);
                continue;
            }

            problems.Add(UnknownTopLevel(section, origin));
        }
    }

    private static string UnknownTopLevel(IConfigurationSection section, Origin origin)
    {
        string? suggestion = Closest(section.Key, OptionsOf(typeof(EvalOptions)).Select(p => p.Name).Append(UserSection));
        if (origin.IsFile)
        {
            string didYouMean = suggestion is null ? string.Empty : $" Did you mean \"{suggestion}\"?";
            return $"\"{section.Key}\" in {origin.File} is not an EvalSpec option.{didYouMean} "
                + $"If it is a setting of your own, move it into the \"{UserSection}\" section ({{ \"{UserSection}\": {{ \"{section.Key}\": ... }} }}) "
                + $"and read it in your startup as setup.Configuration[\"{UserSection}:{section.Key}\"]. The options are listed in docs/configuration.md.";
        }

        string variable = origin.Describe(section.Path);
        string didYouMeanVariable = suggestion is null ? string.Empty : $" Did you mean {EnvironmentPrefix}{suggestion.ToUpperInvariant()}?";
        return $"{variable} is not an EvalSpec option.{didYouMeanVariable} Every {EnvironmentPrefix} variable must be one of the options in docs/configuration.md; "
            + $"a setting of your own can be {EnvironmentPrefix}{UserSection.ToUpperInvariant()}__{variable[EnvironmentPrefix.Length..]} "
            + $"(setup.Configuration[\"{UserSection}:{section.Path}\"]) or use a prefix of its own.";
    }

    /// <summary>Checks <paramref name="section"/> as a value of <paramref name="type"/>: a scalar, a list, a dictionary or an options object.</summary>
    private static void CheckValue(IConfigurationSection section, Type type, Origin origin, List<string> problems)
    {
        Type valueType = Nullable.GetUnderlyingType(type) ?? type;
        IConfigurationSection[] children = section.GetChildren().ToArray();
        string where = origin.Describe(section.Path);

        if (IsScalar(valueType))
        {
            if (children.Length > 0)
            {
                problems.Add($"{where} is a section, but the option is a single value ({Expected(valueType)}): give it as \"{section.Key}\": <value>.");
            }
            else if (!IsValid(section.Value, type) && !IsNamedValue(section))
            {
                string named = NamedValues.TryGetValue(section.Path, out string? name) ? $", or \"{name}\"" : string.Empty;
                problems.Add($"{origin.DescribeValue(section.Path, section.Value)} is not a valid value: {Expected(valueType)}{named}.");
            }

            return;
        }

        if (DictionaryValueType(valueType) is { } dictionaryValue)
        {
            foreach (IConfigurationSection child in children)
            {
                CheckValue(child, dictionaryValue, origin, problems);
            }

            return;
        }

        if (ElementType(valueType) is { } element)
        {
            if (children.Length == 0 && !string.IsNullOrEmpty(section.Value))
            {
                problems.Add($"{origin.DescribeValue(section.Path, section.Value)} is a single value, but the option is a list: {ListExample(section, origin)}.");
                return;
            }

            foreach (IConfigurationSection child in children)
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{origin.Describe(child.Path)} is not a list item: the option is a list, {ListExample(section, origin)}.");
                    continue;
                }

                CheckValue(child, element, origin, problems);
            }

            return;
        }

        // An options object: its keys are its properties.
        if (children.Length == 0 && !string.IsNullOrEmpty(section.Value))
        {
            problems.Add($"{origin.DescribeValue(section.Path, section.Value)} is a single value, but the option is a section with the keys {string.Join(", ", OptionsOf(valueType).Select(p => p.Name))}.");
            return;
        }

        foreach (IConfigurationSection child in children)
        {
            if (OptionsOf(valueType).FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase)) is { } property)
            {
                if (valueType == typeof(JudgeModelOptions) && property.Name == nameof(JudgeModelOptions.ApiKeyVariable)
                    && Judging.ConfiguredJudges.KeyVariableProblem(child.Value) is { } keyProblem)
                {
                    // Never the value in the message: it may be the key itself.
                    problems.Add($"{origin.Describe(child.Path)} {keyProblem}");
                    continue;
                }

                CheckValue(child, property.PropertyType, origin, problems);
                continue;
            }

            if (valueType == typeof(JudgeModelOptions) && Judging.ConfiguredJudges.LooksLikeKeySetting(child.Key))
            {
                problems.Add($"{origin.Describe(child.Path)} is refused: EvalSpec never reads a key from its configuration, which is committed and copied into build output. "
                    + $"Remove it, put the key in an environment variable, and give that variable's name as \"{nameof(JudgeModelOptions.ApiKeyVariable)}\".");
                continue;
            }

            string? suggestion = Closest(child.Key, OptionsOf(valueType).Select(p => p.Name));
            string didYouMean = suggestion is null ? string.Empty : origin.IsFile ? $" Did you mean \"{suggestion}\"?" : $" Did you mean {origin.Describe(section.Path + ConfigurationPath.KeyDelimiter + suggestion).ToUpperInvariant()}?";
            problems.Add($"{origin.Describe(child.Path)} is not an option of {section.Path}.{didYouMean} Its options are {string.Join(", ", OptionsOf(valueType).Select(p => p.Name))}.");
        }
    }

    /// <summary>Options that also take a word besides a value of their type: <c>"Quorum": "majority"</c> asks for the default by name.</summary>
    private static readonly FrozenDictionary<string, string> NamedValues = new Dictionary<string, string>
    {
        [nameof(EvalOptions.Quorum)] = EvalOptions.MajorityQuorumValue,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static bool IsNamedValue(IConfigurationSection section) =>
        NamedValues.TryGetValue(section.Path, out string? name) && string.Equals(section.Value?.Trim(), name, StringComparison.OrdinalIgnoreCase);

    private static string ListExample(IConfigurationSection section, Origin origin) =>
        origin.IsFile
            ? $"write \"{section.Key}\": [ \"...\" ]"
            : $"set {EnvironmentPrefix}{section.Path.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal).ToUpperInvariant()}__0, __1, ...";

    /// <summary>The properties the configuration binder sets: public, instance, readable, and settable or a bindable object.</summary>
    private static IEnumerable<PropertyInfo> OptionsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && (p.SetMethod is { IsPublic: true } || !IsScalar(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)));

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    private static Type? DictionaryValueType(Type type) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
        is { } dictionary && dictionary.GetGenericArguments()[0] == typeof(string)
            ? dictionary.GetGenericArguments()[1]
            : null;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
            ?.GetGenericArguments()[0];

    /// <summary>Whether the binder can turn <paramref name="value"/> into a <paramref name="type"/> that EvalSpec accepts (enums: a defined value only).</summary>
    private static bool IsValid(string? value, Type type)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        if (value is null || type == typeof(string) || (underlying is not null && value.Length == 0))
        {
            // No value (a JSON null, an empty variable for an optional setting): the option keeps its default.
            return true;
        }

        Type valueType = underlying ?? type;
        if (valueType.IsEnum)
        {
            return value.Trim().Length > 0 && !value.Contains(',', StringComparison.Ordinal)
                && Enum.TryParse(valueType, value, ignoreCase: true, out object? parsed) && Enum.IsDefined(valueType, parsed!);
        }

        if (valueType == typeof(int))
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
        }

        if (valueType == typeof(bool))
        {
            return bool.TryParse(value, out _);
        }

        if (valueType == typeof(TimeSpan))
        {
            // A bare number ("30") parses as that many days: nobody means a 30-day row timeout, so ask for the colons.
            return value.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _);
        }

        try
        {
            TypeDescriptor.GetConverter(valueType).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(Type type) =>
        type.IsEnum ? "use one of " + string.Join(", ", Enum.GetNames(type)) + " (in any letter case)"
        : type == typeof(int) ? "use a whole number"
        : type == typeof(bool) ? "use true or false"
        : type == typeof(TimeSpan) ? "use a duration such as \"00:02:00\" (hours:minutes:seconds; a bare number would be read as days)"
        : "use a " + type.Name;

    /// <summary>
    /// The candidate nearest to <paramref name="key"/> by edit distance (ignoring letter case, <c>_</c> and <c>-</c>, so
    /// <c>MAX_CONCURRENCY</c> finds <c>MaxConcurrency</c>), when it is near enough to be a typo; otherwise null.
    /// </summary>
    internal static string? Closest(string key, IEnumerable<string> candidates)
    {
        string typed = Normalize(key);
        string? best = null;
        int bestDistance = int.MaxValue;
        int bestPrefix = -1;
        foreach (string candidate in candidates)
        {
            string normal = Normalize(candidate);
            int distance = EvalSpec.Spelling.EditDistance.Between(typed, normal);

            // At equal distance the name that starts like the key wins: "Budges" is "Budgets" with a letter dropped, not "Judges".
            int prefix = CommonPrefix(typed, normal);
            if (distance < bestDistance || (distance == bestDistance && prefix > bestPrefix))
            {
                (best, bestDistance, bestPrefix) = (candidate, distance, prefix);
            }
        }

        // A third of the name (at least one edit, at most three): "Recordng" -> "Recording", not "Foo" -> "Quorum".
        return best is not null && bestDistance <= Math.Clamp(typed.Length / 3, 1, 3) ? best : null;
    }

    private static int CommonPrefix(string a, string b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static string Normalize(string key) =>
        new(key.Where(c => c is not '_' and not '-').Select(char.ToLowerInvariant).ToArray());


    /// <summary>Where a key came from: the file, or the environment (with each key's variable name).</summary>
    private sealed class Origin
    {
        private readonly IReadOnlyDictionary<string, string>? _variables;

        public Origin(string? file, IReadOnlyDictionary<string, string>? variables)
        {
            File = file;
            _variables = variables;
        }

        public string? File { get; }

        public bool IsFile => File is not null;

        /// <summary>The key as the user wrote it: <c>"Key:Child" in path</c>, or the variable name.</summary>
        public string Describe(string path) =>
            IsFile
                ? $"\"{path}\" in {File}"
                : _variables is not null && _variables.TryGetValue(path, out string? name)
                    ? name
                    : EnvironmentPrefix + path.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal).ToUpperInvariant();

        /// <summary>A key with its value as the user wrote it: <c>"Key": "value" in path</c>, or <c>VARIABLE=value</c>.</summary>
        public string DescribeValue(string path, string? value) =>
            IsFile ? $"\"{path}\": \"{value}\" in {File}" : $"{Describe(path)}={value}";
    }
}
