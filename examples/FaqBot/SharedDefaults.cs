using System.Threading;
using System.Threading.Tasks;

namespace FaqBot;

/// <summary>
/// The process-wide MiniLM model and built-in knowledge base behind <see cref="SupportBot.CreateDefault"/>,
/// created once on first use and shared by every default bot.
/// </summary>
internal static class SharedDefaults
{
    private static readonly Lock Sync = new();

    // Lives for the whole process and is intentionally never disposed: default bots can be created at any time.
    // Constructing it is cheap; the model itself loads on the first embedding call.
    private static readonly MiniLmEmbeddingGenerator EmbeddingGenerator = new();

    private static Task<FaqKnowledgeBase>? _knowledgeBase;

    /// <summary>Gets the shared knowledge base, building it on the first call.</summary>
    /// <param name="cancellationToken">Stops this caller's wait; the shared build itself carries on for others.</param>
    public static Task<FaqKnowledgeBase> GetKnowledgeBaseAsync(CancellationToken cancellationToken)
    {
        Task<FaqKnowledgeBase> knowledgeBase;
        lock (Sync)
        {
            // A failed build is retried by the next caller instead of being cached forever.
            if (_knowledgeBase is null || _knowledgeBase.IsFaulted || _knowledgeBase.IsCanceled)
            {
                _knowledgeBase = Task.Run(() => FaqKnowledgeBase.CreateAsync(FaqKnowledgeBase.LoadDefaultEntries(), EmbeddingGenerator));
            }

            knowledgeBase = _knowledgeBase;
        }

        return knowledgeBase.WaitAsync(cancellationToken);
    }
}
