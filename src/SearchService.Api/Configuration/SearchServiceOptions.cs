using System.ComponentModel.DataAnnotations;

namespace SearchService.Api.Configuration;

/// <summary>
/// The service's settings, section <c>SearchService</c> of appsettings.json or environment
/// variables <c>SearchService__Name</c>; checked when the service starts, so a bad value stops it
/// with a message instead of failing on the first request.
/// </summary>
public sealed class SearchServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "SearchService";

    /// <summary>The index folder (created when missing). Relative paths are from the working directory.</summary>
    [Required]
    public string IndexPath { get; set; } = "index-data";

    /// <summary>
    /// When the newest commit is damaged, go back to the newest one that verifies (its files moved
    /// into a <c>damaged-…</c> folder in the index) instead of refusing to start. Off by default;
    /// the command-line switch <c>--rollback-to-last-good</c> sets it for one start.
    /// </summary>
    public bool RollbackToLastGood { get; set; }

    /// <summary>Documents indexed on first start, when the index is empty; empty to start with nothing.</summary>
    public string? SamplesPath { get; set; } = "samples";

    /// <summary>The key writes must present in <c>X-Api-Key</c>; with none, writes are refused. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>When true, reads need the key too.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>Longest query text accepted, in characters.</summary>
    [Range(16, 100_000)]
    public int MaxQueryLength { get; set; } = 1_000;

    /// <summary>Largest page of hits.</summary>
    [Range(1, 1_000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>Deepest hit reachable by page × page size; deeper results go through the <c>after</c> cursor.</summary>
    [Range(10, 1_000_000)]
    public int MaxResultWindow { get; set; } = 10_000;

    /// <summary>Largest request body (JSON, NDJSON bulk), bytes.</summary>
    [Range(1_024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Largest uploaded document file, bytes.</summary>
    [Range(1_024, 1L << 30)]
    public long MaxUploadBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Longest text analyzed by <c>/api/analyze</c>, characters.</summary>
    [Range(1, 10_000_000)]
    public int MaxAnalyzeTextLength { get; set; } = 100_000;

    /// <summary>Requests a client (by IP address) may make per minute; 0 turns rate limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 1_200;

    /// <summary>A search running longer than this is stopped with 503, seconds.</summary>
    [Range(0.1, 600)]
    public double QueryTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Costly searches (many postings to walk) run at most this many at a time, on the threads of
    /// their lane; 0 means as many as the processors where the lane runs at a lower OS priority
    /// (Linux: cheap searches still come first), else one fewer (at least 1), so cheap ones keep a core.
    /// </summary>
    [Range(0, 1_024)]
    public int HeavySearchConcurrency { get; set; }

    /// <summary>
    /// Milliseconds a cheap search waits for its turn in the lane behind the searches already
    /// there before it runs at once; 0 runs cheap searches at once, never in turn.
    /// </summary>
    [Range(0, 10_000)]
    public int CheapSearchWaitMs { get; set; } = 25;

    /// <summary>Costly searches that may wait for their lane; beyond it they are refused with 503 and Retry-After.</summary>
    [Range(0, 100_000)]
    public int HeavySearchQueue { get; set; } = 64;

    /// <summary>
    /// Finished facet lists kept per index snapshot (least recently used out; dropped with the
    /// snapshot at the next write): a next page or a repeated search ranks without counting
    /// again. 0 counts facets in every search.
    /// </summary>
    [Range(0, 100_000)]
    public int FacetCacheEntries { get; set; } = 256;

    /// <summary>
    /// Whole search answers (hits, snippets, facets) kept per index snapshot for requests asked
    /// again with the same parameters (least recently used out; dropped with the snapshot at the
    /// next write). 0 answers every request afresh.
    /// </summary>
    [Range(0, 100_000)]
    public int AnswerCacheEntries { get; set; } = 256;

    /// <summary>
    /// Seconds of searches made from the index's own documents, run on every core before the
    /// service listens, so the first requests meet compiled code (see SearchWarmUp); a small index
    /// is done sooner. 0 listens at once.
    /// </summary>
    [Range(0, 600)]
    public double WarmUpSeconds { get; set; } = 10;

    /// <summary>Origins allowed to call the API from a browser (CORS); none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
