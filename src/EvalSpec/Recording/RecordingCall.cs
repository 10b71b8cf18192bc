using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using EvalSpec.Execution;

namespace EvalSpec.Recording;

/// <summary>One model call as the recordings see it: where it was made (suite, row, phase, trial), by which client, and its request hash.</summary>
internal sealed class RecordingCall
{
    /// <summary>The context path of calls made outside eval rows.</summary>
    public const string NoRowContext = RecordingContext.NoRow;

    /// <summary>The recordings file (without extension) of calls made outside eval rows.</summary>
    public const string SharedSuite = RecordingContext.SharedSuite;

    private readonly Lazy<JsonObject> _summary;

    public RecordingCall(EvalCallContext? context, string client, string kind, string hash, Func<JsonObject> summary, string? legacyHash = null)
    {
        LegacyHash = legacyHash;
        Suite = context?.Suite ?? SharedSuite;
        Context = context?.ToString() ?? NoRowContext;
        RowId = context?.RowId;
        Phase = context?.Phase;
        Client = client;
        Kind = kind;
        Hash = hash;
        _summary = new Lazy<JsonObject>(summary);
    }

    /// <summary>The eval class whose recordings file holds the call.</summary>
    public string Suite { get; }

    /// <summary>Row, phase and trial (<see cref="EvalCallContext.ToString"/>), or <see cref="NoRowContext"/>.</summary>
    public string Context { get; }

    /// <summary>The row the call was made for; null outside eval rows.</summary>
    public string? RowId { get; }

    /// <summary>The phase of the row the call was made in (<see cref="EvalCallContext.SourcePhase"/>...); null outside eval rows.</summary>
    public string? Phase { get; }

    /// <summary>The name the client was given in <c>WithEvalSpecRecording(name)</c>.</summary>
    public string Client { get; }

    /// <summary><see cref="RequestFingerprint.ChatKind"/> or <see cref="RequestFingerprint.EmbeddingsKind"/>.</summary>
    public string Kind { get; }

    /// <summary>The full request hash (64 hex digits).</summary>
    public string Hash { get; }

    /// <summary>
    /// The hash the request had before tool call ids were numbered (<see cref="RequestFingerprint.LegacyChat"/>), when it
    /// differs: a recording made then is still found by it, and never rewritten for it.
    /// </summary>
    public string? LegacyHash { get; }

    /// <summary>The short form of <see cref="Hash"/> shown to people: its first 16 hex digits.</summary>
    public string Key => ShortKey(Hash);

    /// <summary>A readable summary of the request, computed when first needed (recording or a miss).</summary>
    public JsonObject Summary => _summary.Value;

    public static string ShortKey(string hash) => hash.Length > 16 ? hash[..16] : hash;

    /// <inheritdoc cref="RecordingContext.TrySplit"/>
    public static bool TrySplitContext(string context, [NotNullWhen(true)] out string? rowId, [NotNullWhen(true)] out string? phase) =>
        RecordingContext.TrySplit(context, out rowId, out phase);
}
