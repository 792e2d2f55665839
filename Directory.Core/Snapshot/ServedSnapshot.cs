using System.Collections.Concurrent;
using Directory.Core.Coverage;
using Directory.Core.Managers;

namespace Directory.Core.Snapshot;

/// <summary>
/// Everything the Api serves from, built once per data version and never changed: the geography and what is built
/// from it (<see cref="ServedGeography"/>, kept while only the list changes), the public view of the family managers
/// with its spatial index, and which areas are covered.
/// </summary>
public sealed class ServedSnapshot
{
    // Radii are whole kilometres from 0 to QueryLimits.CoverageRadiusKm (200 unless configured), so with the default
    // every radius fits; a larger configured limit only means evictions. Answers vary by level, region and format too.
    private const int MaxCachedRadii = 201;
    private const int MaxCachedAnswers = 1024;

    private readonly ServedList servedList;
    private readonly Lazy<CoverageModel> coverageModel;
    private readonly ConcurrentDictionary<Type, Lazy<object>> derived = new();
    private readonly LeastRecentlyUsedCache<int, CoverageResult> coverageByRadius = new(MaxCachedRadii);
    private readonly LeastRecentlyUsedCache<string, byte[]> answers = new(MaxCachedAnswers, StringComparer.Ordinal);

    /// <summary>Puts a snapshot together.</summary>
    /// <param name="geography">The geography and what is built from it.</param>
    /// <param name="listVersion">The list's change counter this snapshot was read at.</param>
    /// <param name="list">The list: the public view, and the active entries, published or not (an entry without
    /// consent is never shown, but it still covers its area).</param>
    /// <param name="coverage">Builds the coverage model from the population cells, on first use.</param>
    public ServedSnapshot(ServedGeography geography, long listVersion, ServedList list,
        Func<IReadOnlyList<CoverageCell>, CoverageModel> coverage)
    {
        // The first coverage request waits for the cells if they are still loading (a fraction of a second after start).
        coverageModel = new Lazy<CoverageModel>(() => coverage(geography.Cells.GetAwaiter().GetResult()));
        Served = geography;
        ListVersion = listVersion;
        list.CheckOrderedById();
        servedList = list;
        CoveredAreaKeys = list.CoveredAreaKeys();
        Managers = new ManagerIndex(list.PublicManagers);
        LoadedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The geography and what is built from it.</summary>
    public ServedGeography Served { get; }

    /// <summary>The geography.</summary>
    public GeographySnapshot Geography => Served.Geography;

    /// <summary>The list's change counter this snapshot was read at.</summary>
    public long ListVersion { get; }

    /// <summary>The family managers the public may see (consent given, status active), by id.</summary>
    public IReadOnlyList<PublicFamilyManager> PublicManagers => servedList.PublicManagers;

    /// <summary>The public manager with this id, or null (also for an entry that is not public).</summary>
    public PublicFamilyManager? FindPublicManager(int id) => servedList.FindPublic(id);

    /// <summary>Area keys with an active family manager (published or not).</summary>
    public IReadOnlySet<string> CoveredAreaKeys { get; }

    /// <summary>Spatial index over the public managers.</summary>
    public ManagerIndex Managers { get; }

    /// <summary>Autocomplete over places and postcodes.</summary>
    public PlaceIndex Places => Served.Places;

    /// <summary>Names and keys of areas, with suggestions for unknown names.</summary>
    public AreaResolver Areas => Served.Areas;

    /// <summary>When this snapshot was built.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>
    /// Coverage at a radius (whole kilometres), computed once per radius and snapshot: the snapshot is per data
    /// version, so the cache is per (radius, data version), and every level comes from the same computation.
    /// </summary>
    public CoverageResult Coverage(int radiusKm) =>
        coverageByRadius.GetOrAdd(radiusKm, r => coverageModel.Value.Compute(r * 1000.0));

    /// <summary>
    /// An answer rendered once per snapshot and then sent as bytes: for answers that depend only on the data and a
    /// few parameters (<paramref name="key"/>), such as coverage, whose JSON took longer to write than to look up.
    /// </summary>
    public byte[] RenderedAnswer(string key, Func<byte[]> render) => answers.GetOrAdd(key, _ => render());

    /// <summary>
    /// What a host builds from this snapshot (the OGC API's collections, say), built once on first use and kept as
    /// long as the snapshot: one value per type, so each host feature names its own type.
    /// </summary>
    public T Derived<T>(Func<ServedSnapshot, T> build)
        where T : class =>
        (T)derived.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(this))).Value;
}
