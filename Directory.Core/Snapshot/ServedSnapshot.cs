using System.Collections.Concurrent;
using Directory.Core.Coverage;
using Directory.Core.Managers;
using Directory.Core.Roads;

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
    private readonly LeastRecentlyUsedCache<(int Reach, TravelMode? Mode, DateOnly? Date), CoverageResult> coverageByRadius = new(MaxCachedRadii);
    private readonly LeastRecentlyUsedCache<(TravelMode Mode, DateOnly? Date), TravelCoverage> travelByMode = new(MaxCachedDates);
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
        coverageByRadius.GetOrAdd((radiusKm, null, date), key => CoverageModel(key.Date).Compute(key.Reach * 1000.0));

    /// <summary>
    /// Reach in minutes over the road network in <paramref name="mode"/> (<see cref="TravelCoverage"/>), for the
    /// managers certified by <paramref name="date"/>: one multi-source search per mode, date and snapshot. Null when no
    /// road network is imported; waits for one that is still loading.
    /// </summary>
    public TravelCoverage? Travel(TravelMode mode, DateOnly? date = null)
    {
        if (Served.Roads.GetAwaiter().GetResult() is not { } network)
        {
            return null;
        }

        return travelByMode.GetOrAdd((mode, date), key =>
        {
            var managers = key.Date is { } day ? CoverageManager.CertifiedBy(countedManagers.Value, day).ToList() : countedManagers.Value;
            var times = TravelTimeCoverage.Compute(Served.CoverageGrid, managers, network, key.Mode);
            // The search's arrays (tens of MB over NRW's network) go back to the system, off the request's path.
            _ = Task.Run(SnapshotProvider.ReturnFreedMemory);
            return new TravelCoverage(new CoverageModel(Served.CoverageGrid, managers, times.Minutes), times);
        });
    }

    /// <summary>Coverage within <paramref name="minutes"/> in <paramref name="mode"/>; null without a road network.</summary>
    public CoverageResult? Coverage(int minutes, TravelMode mode, DateOnly? date = null) =>
        Travel(mode, date) is { } travel
            ? coverageByRadius.GetOrAdd((minutes, mode, date), key => travel.Model.Compute(key.Reach))
            : null;

    /// <summary>The road network if it has loaded (searches do not wait for it), else null.</summary>
    public RoadNetwork? Roads => Served.RoadsIfLoaded;

    /// <summary>
    /// The public managers joined to <paramref name="network"/> in <paramref name="mode"/>, by id: done once per
    /// snapshot, so that a search joins only its origin to the network, not each of its results again.
    /// </summary>
    public IReadOnlyDictionary<int, RoadPlace> ManagerPlaces(RoadNetwork network, TravelMode mode) =>
        Derived(_ => new ManagerPlacesByMode(this, network)).Of(mode);

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

/// <summary>Coverage in minutes: the model over the cells' travel times, and the times with their estimates.</summary>
public sealed record TravelCoverage(CoverageModel Model, CellTravelTimes Times);

/// <summary>The public managers joined to the road network, per mode, built on first use.</summary>
internal sealed class ManagerPlacesByMode(ServedSnapshot snapshot, RoadNetwork network)
{
    private readonly Lazy<Dictionary<int, RoadPlace>> car = new(() => Join(snapshot, network, TravelMode.Car));
    private readonly Lazy<Dictionary<int, RoadPlace>> foot = new(() => Join(snapshot, network, TravelMode.Foot));

    public IReadOnlyDictionary<int, RoadPlace> Of(TravelMode mode) => mode == TravelMode.Car ? car.Value : foot.Value;

    private static Dictionary<int, RoadPlace> Join(ServedSnapshot snapshot, RoadNetwork network, TravelMode mode) =>
        snapshot.PublicManagers.ToDictionary(m => m.Id, m => TravelTimes.Place(network, mode, m.X, m.Y));
}
