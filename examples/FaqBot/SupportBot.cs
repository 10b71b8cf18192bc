using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FaqBot;

/// <summary>
/// A customer-support bot for Northwind Electronics that answers questions from an FAQ knowledge base by
/// semantic retrieval: the closest FAQ entry's answer is returned when it is similar enough, otherwise the
/// customer is referred to a person.
/// </summary>
/// <remarks>Instances are immutable and safe to use from several threads at once.</remarks>
public sealed class SupportBot
{
    /// <summary>The default minimum cosine similarity for answering from the FAQ.</summary>
    public const double DefaultConfidenceThreshold = 0.45;

    /// <summary>The answer given when no FAQ entry matches the question well enough.</summary>
    public const string FallbackAnswer = "I'm not sure about that. Please contact support@northwind.example and a person will help you.";

    private readonly Func<CancellationToken, Task<FaqKnowledgeBase>> _getKnowledgeBase;

    /// <summary>Creates a bot that answers from <paramref name="knowledgeBase"/>.</summary>
    /// <param name="knowledgeBase">The knowledge base to answer from.</param>
    /// <param name="confidenceThreshold">
    /// The minimum cosine similarity, from -1 to 1, between the question and the closest FAQ entry for the bot
    /// to answer from the FAQ; below it the bot gives <see cref="FallbackAnswer"/>.
    /// </param>
    public SupportBot(FaqKnowledgeBase knowledgeBase, double confidenceThreshold = DefaultConfidenceThreshold)
        : this(FromInstance(knowledgeBase), confidenceThreshold)
    {
    }

    private SupportBot(Func<CancellationToken, Task<FaqKnowledgeBase>> getKnowledgeBase, double confidenceThreshold)
    {
        if (double.IsNaN(confidenceThreshold) || confidenceThreshold < -1 || confidenceThreshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceThreshold), confidenceThreshold, "The confidence threshold must be between -1 and 1.");
        }

        _getKnowledgeBase = getKnowledgeBase;
        ConfidenceThreshold = confidenceThreshold;
    }

    /// <summary>Gets the minimum cosine similarity for answering from the FAQ.</summary>
    public double ConfidenceThreshold { get; }

    /// <summary>
    /// Creates a bot over the built-in Northwind Electronics FAQ and the local all-MiniLM-L6-v2 model.
    /// </summary>
    /// <remarks>
    /// Cheap to call any number of times: every default bot in the process shares one model and one embedded
    /// knowledge base, which are loaded once, on the first question any of them is asked.
    /// </remarks>
    /// <param name="confidenceThreshold">See <see cref="SupportBot(FaqKnowledgeBase, double)"/>.</param>
    /// <returns>The bot.</returns>
    public static SupportBot CreateDefault(double confidenceThreshold = DefaultConfidenceThreshold) =>
        new(SharedDefaults.GetKnowledgeBaseAsync, confidenceThreshold);

    /// <summary>Answers a customer question.</summary>
    /// <param name="question">The customer's question. Null, empty or whitespace gets the fallback answer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer text, the id of the FAQ entry it came from (if any) and the similarity.</returns>
    public async Task<BotAnswer> AskAsync(string question, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return new BotAnswer(FallbackAnswer, null, 0);
        }

        FaqKnowledgeBase knowledgeBase = await _getKnowledgeBase(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<FaqMatch> matches = await knowledgeBase
            .SearchAsync(question.Trim(), maxResults: 1, cancellationToken)
            .ConfigureAwait(false);
        if (matches.Count == 0)
        {
            return new BotAnswer(FallbackAnswer, null, 0);
        }

        FaqMatch best = matches[0];
        return best.Similarity >= ConfidenceThreshold
            ? new BotAnswer(best.Entry.Answer, best.Entry.Id, best.Similarity)
            : new BotAnswer(FallbackAnswer, null, best.Similarity);
    }

    /// <summary>Answers a customer question with text only.</summary>
    /// <param name="question">The customer's question. Null, empty or whitespace gets the fallback answer.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer text shown to the customer.</returns>
    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        BotAnswer answer = await AskAsync(question, cancellationToken).ConfigureAwait(false);
        return answer.Text;
    }

    private static Func<CancellationToken, Task<FaqKnowledgeBase>> FromInstance(FaqKnowledgeBase knowledgeBase)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        Task<FaqKnowledgeBase> ready = Task.FromResult(knowledgeBase);
        return _ => ready;
    }
}
