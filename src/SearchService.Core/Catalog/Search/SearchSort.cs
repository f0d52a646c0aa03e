namespace SearchService.Core.Catalog.Search;

/// <summary>The order of hits.</summary>
public enum SearchSort
{
    /// <summary>Best score first; equal scores in index order.</summary>
    Relevance,

    /// <summary>Newest document date first (documents without a date last); equal dates in index order.</summary>
    Date,
}
