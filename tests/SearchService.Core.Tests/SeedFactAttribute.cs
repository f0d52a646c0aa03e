namespace SearchService.Core.Tests;

/// <summary>
/// A fact on the real documents in ../shared/corpus/seeds, skipped with a message where that
/// folder is absent (a fresh clone): xunit 2 has no dynamic skip, so the attribute decides.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SeedFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the seeds cannot be found.</summary>
    public SeedFactAttribute()
    {
        if (TestCorpus.SeedDirectory is null)
        {
            Skip = $"seed documents not found: ../shared/corpus/seeds is absent beside every ancestor of {AppContext.BaseDirectory}";
        }
    }
}
