namespace SearchService.Core.Tests;

/// <summary>A fact on the legal-dev relevance collection in ../shared/relevance/legal-dev, skipped with a message where that folder is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LegalDevFactAttribute() : SharedFolderFactAttribute(TestCorpus.LegalDevDirectory, "legal-dev collection", "relevance/legal-dev");
