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
    // With dates (the history's years, a date chosen on the page) a few dozen models and their radii are kept; each
    // model is 8 bytes per cell (27,571 cells), a result about 100 KB.
    private const int MaxCachedRadii = 512;
    private const int MaxCachedDates = 64;
    private const int MaxCachedAnswers = 1024;

    private readonly ServedList servedList;
    private readonly Lazy<IReadOnlyList<CoverageManager>> countedManagers;
    private readonly ConcurrentDictionary<Type, Lazy<object>> derived = new();
    private readonly LeastRecentlyUsedCache<DateOnly, CoverageModel> modelByDate = new(MaxCachedDates);
    private readonly Lazy<CoverageModel> currentModel;
    private readonly LeastRecentlyUsedCache<(int RadiusKm, DateOnly? Date), CoverageResult> coverageByRadius = new(MaxCachedRadii);
    private readonly LeastRecentlyUsedCache<string, byte[]> answers = new(MaxCachedAnswers, StringComparer.Ordinal);

    /// <summary>Puts a snapshot together.</summary>
    /// <param name="geography">The geography and what is built from it.</param>
    /// <param name="listVersion">The list's change counter this snapshot was read at.</param>
    /// <param name="list">The list: the public view, and the active entries, published or not (an entry without
    /// consent is never shown, but it still covers its area).</param>
    public ServedSnapshot(ServedGeography geography, long listVersion, ServedList list)
    {
        // An entry without consent counts only at its area's label point: nothing public reveals where it is. Placed
        // on first use, off the start's path.
        countedManagers = new(() => CoverageManager.AtPublicPositions(list.CoverageManagers, key => geography.Geography.Find(key)?.LabelPoint.Coordinate));
        currentModel = new Lazy<CoverageModel>(() => new CoverageModel(geography.CoverageGrid, countedManagers.Value));
        FirstCertification = list.CoverageManagers.Min(m => m.CertifiedOn);
        UndatedManagers = list.CoverageManagers.Count(m => m.CertifiedOn is null);
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

    /// <summary>The earliest certification date of an active entry (published or not), or null.</summary>
    public DateOnly? FirstCertification { get; }

    /// <summary>Active entries without a certification date: they count today, but for no earlier date.</summary>
    public int UndatedManagers { get; }

    /// <summary>
    /// The coverage model of the active managers certified on or before <paramref name="date"/> (all of them without
    /// one), at the positions at which they count; built once per date and snapshot.
    /// </summary>
    public CoverageModel CoverageModel(DateOnly? date = null) => date is { } day
        ? modelByDate.GetOrAdd(day, d => new CoverageModel(Served.CoverageGrid, CoverageManager.CertifiedBy(countedManagers.Value, d)))
        : currentModel.Value;

    /// <summary>
    /// Coverage at a radius (whole kilometres) and date, computed once per (radius, date) and snapshot: the snapshot
    /// is per data version, so the cache is per data version too, and every level comes from the same computation.
    /// </summary>
    public CoverageResult Coverage(int radiusKm, DateOnly? date = null) =>
        coverageByRadius.GetOrAdd((radiusKm, date), key => CoverageModel(key.Date).Compute(key.RadiusKm * 1000.0));

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
