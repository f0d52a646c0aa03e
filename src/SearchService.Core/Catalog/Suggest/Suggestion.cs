namespace SearchService.Core.Catalog.Suggest;

/// <summary>One completion of a typed prefix.</summary>
/// <param name="Text">The completion as documents write it, accents included ("Từ Sơn", "18-NQ/TU", "giải pháp").</param>
/// <param name="Source">What kind of thing it is.</param>
/// <param name="DocFreq">How many documents have it (the ranking key).</param>
public sealed record Suggestion(string Text, SuggestionSource Source, int DocFreq);
