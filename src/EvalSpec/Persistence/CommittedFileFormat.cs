using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace EvalSpec.Persistence;

/// <summary>
/// The format versions of one kind of committed file, and the EvalSpec version that first wrote each: the one table
/// (<see cref="CommittedFileFormats"/>) every reader consults, so that a file from a newer EvalSpec is refused with a
/// message saying so instead of being misread or rewritten in an older format.
/// </summary>
internal sealed class CommittedFileFormat
{
    private readonly KeyValuePair<int, string>[] _firstWrittenBy;

    /// <param name="description">What the file is, for messages ("baseline", "recordings file").</param>
    /// <param name="schema">The file name of its JSON Schema in <c>docs/schemas/</c>.</param>
    /// <param name="firstWrittenBy">Each format, oldest first, with the first EvalSpec version that writes it; the last is the one written now.</param>
    public CommittedFileFormat(string description, string schema, params (int Format, string EvalSpecVersion)[] firstWrittenBy)
    {
        Description = description;
        Schema = schema;
        _firstWrittenBy = firstWrittenBy.Select(f => new KeyValuePair<int, string>(f.Format, f.EvalSpecVersion)).ToArray();
    }

    /// <summary>What the file is, for messages.</summary>
    public string Description { get; }

    /// <summary>The file name of the format's JSON Schema in <c>docs/schemas/</c>.</summary>
    public string Schema { get; }

    /// <summary>The format every write produces.</summary>
    public int Current => _firstWrittenBy[^1].Key;

    /// <summary>The formats this EvalSpec reads, oldest first.</summary>
    public IReadOnlyList<int> Readable => _firstWrittenBy.Select(f => f.Key).ToArray();

    /// <summary>Each format with the first EvalSpec version that writes it.</summary>
    public IReadOnlyList<KeyValuePair<int, string>> FirstWrittenBy => _firstWrittenBy;

    /// <summary>This EvalSpec's version (without build metadata).</summary>
    public static string EvalSpecVersion { get; } = ReadVersion();

    /// <summary>
    /// Why a file that says <c>"format": <paramref name="format"/></c> cannot be read, or null when it can: a newer
    /// format names the EvalSpec that can read it and what to do; an unknown one (zero, negative) says it is not ours.
    /// </summary>
    public string? Problem(int format)
    {
        if (_firstWrittenBy.Any(f => f.Key == format))
        {
            return null;
        }

        if (format > Current)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"it is format {format}, written by an EvalSpec newer than this one ({EvalSpecVersion} writes format {Current}, first written by EvalSpec {_firstWrittenBy[^1].Value}, and reads formats {string.Join(", ", Readable)}). "
                + $"Update the EvalSpec package (and the evalspec tool) to the version that wrote it; docs/schemas/README.md lists which EvalSpec version writes each format");
        }

        return string.Create(CultureInfo.InvariantCulture, $"\"format\": {format} is not a format EvalSpec writes (this version reads formats {string.Join(", ", Readable)})");
    }

    private static string ReadVersion()
    {
        string? informational = typeof(CommittedFileFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        string version = informational ?? typeof(CommittedFileFormat).Assembly.GetName().Version?.ToString(3) ?? "unknown";
        int metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }
}
