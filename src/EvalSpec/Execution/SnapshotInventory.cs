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
    /// <summary>The generated descriptors of the assembly's eval methods (static <see cref="EvalMethodDescriptor"/> fields).</summary>
    public static IEnumerable<EvalMethodDescriptor> Descriptors(Assembly testAssembly)
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

        return types
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(EvalMethodDescriptor))
            .Select(f => f.GetValue(null) as EvalMethodDescriptor)
            .Where(d => d is not null)
            .Select(d => d!);
    }

    /// <summary>Verified row snapshots in the folders of the assembly's [Snapshot] evals that match no row: full paths, sorted.</summary>
    public static IReadOnlyList<string> FindDangling(Assembly testAssembly, string projectDirectory)
    {
        var byDirectory = new Dictionary<string, (HashSet<string> Classes, HashSet<string> Names)>(StringComparer.Ordinal);
        foreach (EvalMethodDescriptor method in Descriptors(testAssembly).Where(d => d.SnapshotOutput is not null))
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

        return byDirectory
            .SelectMany(p => SnapshotFiles.FindDangling(p.Key, p.Value.Classes, p.Value.Names))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }
}
