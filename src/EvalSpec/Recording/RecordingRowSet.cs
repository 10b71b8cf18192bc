using System;
using System.Collections.Generic;

namespace EvalSpec.Recording;

/// <summary>The rows of the test assembly, as the run that ends knows them (from the generated descriptors).</summary>
/// <param name="Assembly">The test assembly's name.</param>
/// <param name="TargetFramework">Its target framework (<c>net10.0</c>).</param>
/// <param name="AssemblyPath">Its file.</param>
/// <param name="Suites">The full names of its eval classes.</param>
/// <param name="Rows">The ids of all its rows.</param>
/// <param name="ProjectDirectory">The test project's folder (its sources: a checkout that changes them makes the list old).</param>
/// <param name="Full">Whether the run ran every one of them, unsampled and not cancelled: then a Record run removes the entries of rows that no longer exist.</param>
/// <param name="ListsEveryRow">
/// Whether <paramref name="Rows"/> are every row of the assembly. False when an eval class's static initializer threw (its
/// rows cannot be read): then no inventory is written, since <c>evalspec clean --recordings</c> would take that class's
/// recorded rows for deleted ones and remove them.
/// </param>
internal sealed record RecordingRowSet(string Assembly, string TargetFramework, string AssemblyPath, IReadOnlySet<string> Suites, IReadOnlySet<string> Rows, bool Full, string? ProjectDirectory = null, bool ListsEveryRow = true)
{
    /// <summary>The inventory of these rows, written now.</summary>
    public RecordingInventory ToInventory() => new(Assembly, TargetFramework, AssemblyPath, DateTimeOffset.UtcNow, Suites, Rows, ProjectDirectory);
}
