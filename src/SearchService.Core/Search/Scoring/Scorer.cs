using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Iterates the documents of one segment that match a query, in increasing order, and scores the
/// current one. Besides Lucene's iterator contract (<see cref="NextDoc"/>, <see cref="Advance"/>)
/// a scorer gives upper bounds of its scores (<see cref="AdvanceShallow"/>,
/// <see cref="MaxScore"/>) so that top-k collection can skip documents that cannot make it, and
/// accepts the score a document must beat (<see cref="SetMinCompetitiveScore"/>).
/// </summary>
public abstract class Scorer
{
    /// <summary>Returned at the end.</summary>
    public const int NoMoreDocs = PostingsEnum.NoMoreDocs;

    /// <summary>The current document; -1 before the first move, <see cref="NoMoreDocs"/> at the end.</summary>
    public abstract int DocId { get; }

    /// <summary>An estimate of how many documents this scorer visits (to lead conjunctions with the rarest).</summary>
    public abstract long Cost { get; }

    /// <summary>Moves to the next matching document.</summary>
    public abstract int NextDoc();

    /// <summary>Moves to the first matching document at or after <paramref name="target"/> (which is beyond the current one).</summary>
    public abstract int Advance(int target);

    /// <summary>The current document's score.</summary>
    public abstract float Score();

    /// <summary>
    /// Prepares bounds for documents from <paramref name="target"/> on without moving, and returns
    /// the last document the next <see cref="MaxScore"/> bound covers as tightly as the scorer can
    /// (<see cref="NoMoreDocs"/> when it only has a global bound).
    /// </summary>
    public virtual int AdvanceShallow(int target) => NoMoreDocs;

    /// <summary>An upper bound of the score of every document from the current one up to <paramref name="upTo"/>.</summary>
    public abstract float MaxScore(int upTo);

    /// <summary>
    /// True when the scorer can stop on candidates — documents that may match — before confirming
    /// them (a phrase: every word present, positions not yet read), so a caller can bound a
    /// candidate's score and skip the expensive check when it cannot compete (Lucene's two-phase iteration).
    /// </summary>
    public virtual bool IsTwoPhase => false;

    /// <summary>Moves to the first candidate at or after <paramref name="target"/> without confirming it (same as <see cref="Advance"/> unless <see cref="IsTwoPhase"/>).</summary>
    public virtual int AdvanceCandidate(int target) => Advance(target);

    /// <summary>Confirms the current candidate; true when it matches (<see cref="Score"/> is then valid).</summary>
    public virtual bool ConfirmCandidate() => true;

    /// <summary>An upper bound of the current candidate's score, known before it is confirmed.</summary>
    public virtual float CandidateMaxScore() => MaxScore(DocId);

    /// <summary>Tells the scorer that documents scoring below <paramref name="minScore"/> are no longer wanted; it may skip them.</summary>
    public virtual void SetMinCompetitiveScore(float minScore)
    {
    }
}
