using System;

namespace EvalSpec.Recording;

/// <summary>
/// Thrown in <see cref="RecordingMode.Replay"/> mode by a model call that has no recording. The message names the call's key,
/// row context and client, summarises the request, and says how to record it; the model is not called.
/// </summary>
public sealed class RecordingMissException : Exception
{
    internal RecordingMissException(string message, string key, string context, string clientName, string recordingsFile)
        : base(message)
    {
        Key = key;
        Context = context;
        ClientName = clientName;
        RecordingsFile = recordingsFile;
    }

    /// <summary>The request key: the first 16 hex digits of the request hash, as written in the recordings file.</summary>
    public string Key { get; }

    /// <summary>The row, phase and trial of the call (<c>Namespace.Class.Method/case/variant/relation/source/0</c>), or <c>no-row</c>.</summary>
    public string Context { get; }

    /// <summary>The name the client was given in <c>WithEvalSpecRecording(name)</c>.</summary>
    public string ClientName { get; }

    /// <summary>The recordings file that was searched.</summary>
    public string RecordingsFile { get; }
}
