namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// A fact that reads the seed documents: skipped, with the reason shown, where
/// <c>../shared/corpus/seeds</c> is absent (xunit 2 has no skipping from inside a test).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SeedsFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the seeds cannot be found.</summary>
    public SeedsFactAttribute()
    {
        if (SeedCorpus.Folder is null)
        {
            Skip = $"../shared/corpus/seeds not found: looked beside every ancestor of {AppContext.BaseDirectory}";
        }
    }
}
