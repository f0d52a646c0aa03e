namespace SearchService.Core.Tests;

/// <summary>A fact on the real documents in ../shared/corpus/seeds, skipped with a message where that folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SeedFactAttribute() : SharedFolderFactAttribute(TestCorpus.SeedDirectory, "seed documents", "corpus/seeds");
