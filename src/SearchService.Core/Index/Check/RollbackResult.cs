namespace SearchService.Core.Index.Check;

/// <summary>What <see cref="IndexRecovery.RollbackToLastGood"/> did.</summary>
/// <param name="NewestGeneration">The newest commit found (0 for an empty index).</param>
/// <param name="RestoredGeneration">The commit the index is at now.</param>
/// <param name="DamagedFolder">Where the files the restored commit does not need were moved; null when nothing was damaged.</param>
/// <param name="MovedFiles">The files moved there.</param>
public sealed record RollbackResult(long NewestGeneration, long RestoredGeneration, string? DamagedFolder, IReadOnlyList<string> MovedFiles)
{
    /// <summary>True when the index was rolled back.</summary>
    public bool RolledBack => DamagedFolder is not null;
}
