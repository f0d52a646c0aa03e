namespace SearchService.Core.Tests;

/// <summary>
/// A fact on data in ../shared beside the repository, skipped with a message where that folder is
/// absent (a fresh clone): xunit 2 has no dynamic skip, so the attribute decides.
/// </summary>
public abstract class SharedFolderFactAttribute : FactAttribute
{
    /// <summary>Skips, naming <paramref name="what"/> and <paramref name="relative"/>, when <paramref name="folder"/> is null.</summary>
    protected SharedFolderFactAttribute(string? folder, string what, string relative)
    {
        if (folder is null)
        {
            Skip = $"{what} not found: ../shared/{relative} is absent beside every ancestor of {AppContext.BaseDirectory}";
        }
    }
}
