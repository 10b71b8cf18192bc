namespace EvalSpec.Testing.OpenAI;

/// <summary>What <see cref="FakeOpenAIServer"/> does on the wire for a <see cref="ScriptedResponse"/>.</summary>
internal enum ScriptedResponseKind
{
    /// <summary>HTTP 200 with a <c>chat.completion</c> object.</summary>
    Completion,

    /// <summary>An HTTP error status with OpenAI's error object.</summary>
    Error,

    /// <summary>A status code and a body given verbatim.</summary>
    Raw,

    /// <summary>No response until the client gives up (or the server stops).</summary>
    Hang,

    /// <summary>The connection is reset before any response byte is sent.</summary>
    Disconnect,

    /// <summary>Status and headers of a completion are sent, then the connection is reset halfway through the body.</summary>
    TruncatedBody,
}
