namespace SearchService.Core.Tests;

/// <summary>
/// A fact on the legal-dev relevance collection in ../shared/relevance/legal-dev, skipped with a
/// message where that folder is absent (a fresh clone without ../shared).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LegalDevFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the collection cannot be found.</summary>
    public LegalDevFactAttribute()
    {
        if (TestCorpus.LegalDevDirectory is null)
        {
            Skip = $"legal-dev collection not found: ../shared/relevance/legal-dev is absent beside every ancestor of {AppContext.BaseDirectory}";
        }
    }
}
