using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using EvalSpec.Snapshots;

namespace EvalSpec.Execution;

/// <summary>Every row snapshot the test assembly's [Snapshot] evals can write, for finding verified files that no row owns any more.</summary>
internal static class SnapshotInventory
{
    /// <summary>
    /// The generated descriptors of the assembly's eval methods (static <see cref="EvalMethodDescriptor"/> fields), without
    /// those of classes whose static initializer throws (<see cref="Scan"/> names them).
    /// </summary>
    public static IEnumerable<EvalMethodDescriptor> Descriptors(Assembly testAssembly) => Scan(testAssembly).Methods;

    /// <summary>
    /// The generated descriptors of the assembly's eval methods, and the classes whose descriptors cannot be read: reading a
    /// static field runs the class's static initializer, the user's static fields included, and one that throws (a client
    /// built from a missing key) must not stop the run's summary, reports and gate for every other class. Those classes'
    /// rows fail on their own (discovery reports the error as a failing test).
    /// </summary>
    public static DescriptorScan Scan(Assembly testAssembly)
    {
        Type[] types;
        try
        {
            types = testAssembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types.Where(t => t is not null).ToArray()!;
        }

        var methods = new List<EvalMethodDescriptor>();
        var unreadable = new List<UnreadableSuite>();
        foreach (Type type in types)
        {
            FieldInfo[] fields = type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(f => f.FieldType == typeof(EvalMethodDescriptor))
                .ToArray();
            try
            {
                methods.AddRange(fields.Select(f => f.GetValue(null)).OfType<EvalMethodDescriptor>());
            }
            catch (Exception ex) when (InitializerFailure(ex) is { } cause)
            {
                unreadable.Add(new UnreadableSuite(type.FullName ?? type.Name, cause));
            }
        }

        return new DescriptorScan(methods, unreadable);
    }

    /// <summary>What a class's static initializer threw, when <paramref name="ex"/> is that failure; else null.</summary>
    internal static Exception? InitializerFailure(Exception ex) => ex switch
    {
        TargetInvocationException { InnerException: TypeInitializationException { InnerException: { } cause } } => cause,
        TypeInitializationException { InnerException: { } cause } => cause,
        _ => null,
    };

    /// <summary>Verified row snapshots in the folders of the assembly's [Snapshot] evals that match no row: full paths, sorted.</summary>
    public static IReadOnlyList<string> FindDangling(IEnumerable<EvalMethodDescriptor> methods, string projectDirectory) =>
        Expected(methods, projectDirectory)
            .SelectMany(p => SnapshotFiles.FindDangling(p.Key, p.Value.Classes, p.Value.Names))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// For each snapshot (folder and base name) whose name differs from another's only in letter case, the names it
    /// collides with: on Windows and macOS the two are one file, and the rows would overwrite each other's snapshots.
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> FindCaseCollisions(IEnumerable<EvalMethodDescriptor> methods, string projectDirectory)
    {
        var collisions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach ((string directory, (HashSet<string> _, HashSet<string> names)) in Expected(methods, projectDirectory))
        {
            foreach (IReadOnlyList<string> group in SnapshotNames.FindCaseCollisions(names))
            {
                foreach (string name in group)
                {
                    collisions[Path.Combine(directory, name)] = group.Where(other => other != name).ToArray();
                }
            }
        }

        return collisions;
    }

    /// <summary>Per snapshot folder, the class segments of its evals and the base name of every row snapshot they can write.</summary>
    private static Dictionary<string, (HashSet<string> Classes, HashSet<string> Names)> Expected(IEnumerable<EvalMethodDescriptor> methods, string projectDirectory)
    {
        var byDirectory = new Dictionary<string, (HashSet<string> Classes, HashSet<string> Names)>(StringComparer.Ordinal);
        foreach (EvalMethodDescriptor method in methods.Where(d => d.SnapshotOutput is not null))
        {
            string directory = Path.GetFullPath(method.SnapshotDirectory ?? string.Empty, projectDirectory);
            if (!byDirectory.TryGetValue(directory, out (HashSet<string> Classes, HashSet<string> Names) expected))
            {
                expected = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                byDirectory[directory] = expected;
            }

            expected.Classes.Add(SnapshotNames.ClassSegment(method.SuiteType));
            IEnumerable<string> relations = method.Relations.Select(r => r.Key).Prepend(EvalDefaults.IdentityRelationKey);
            foreach (EvalCaseDescriptor @case in method.Cases)
            {
                foreach (Prompts.PromptVariant variant in method.Variants)
                {
                    foreach (string relation in relations)
                    {
                        expected.Names.Add(SnapshotNames.ForRow(method.SuiteType, method.MethodName, @case.Id, variant.Key, relation));
                    }
                }
            }
        }

        return byDirectory;
    }
}

/// <summary>The assembly's eval methods whose descriptors could be read, and the eval classes whose static initializer threw.</summary>
internal sealed record DescriptorScan(IReadOnlyList<EvalMethodDescriptor> Methods, IReadOnlyList<UnreadableSuite> Unreadable);

/// <summary>An eval class whose static initializer threw <paramref name="Cause"/>, so its generated descriptors cannot be read.</summary>
internal sealed record UnreadableSuite(string Suite, Exception Cause)
{
    /// <summary>What the initializer threw, for messages and summary.json: the exception's type and message, secrets redacted.</summary>
    public string Error => Cause.GetType().FullName + ": " + Secrets.SecretRedactor.Default.Redact(Cause.Message);

    /// <summary>
    /// <see cref="Error"/> as a sentence in a message, then what to do: EvalSpec's own unreadable descriptor data says it
    /// itself (rebuild, or the text it cannot hold); anything else is the user's static field.
    /// </summary>
    /// <param name="userFix">What to do about a user's static field that throws.</param>
    public string Explain(string userFix) => Cause is GeneratedDataException
        ? "its generated descriptors cannot be read: " + Cause.Message
        : "its static initializer threw " + ErrorSentence + " " + userFix;

    /// <summary><see cref="Error"/> ending with a full stop, to be followed by another sentence.</summary>
    public string ErrorSentence => Error.EndsWith('.') || Error.EndsWith('!') || Error.EndsWith('?') ? Error : Error + ".";
}
