using System.Collections.Concurrent;
using Directory.Core.Coverage;
using Directory.Core.Managers;
using Directory.Core.Roads;
using Directory.Core.Roads.Hierarchy;

namespace Directory.Core.Snapshot;

/// <summary>
/// Everything the Api serves from, built once per data version and never changed: the geography and what is built
/// from it (<see cref="ServedGeography"/>, kept while only the list changes), the public view of the family managers
/// with its spatial index, and which areas are covered.
/// </summary>
public sealed class ServedSnapshot
{
    private readonly ServedList servedList;
    private readonly Lazy<IReadOnlyList<CoverageManager>> countedManagers;
    private readonly ConcurrentDictionary<Type, Lazy<object>> derived = new();
    private readonly Lazy<CoverageModel> currentModel;
    // Every computed model, result and rendered answer of this snapshot, under one byte budget: a few large answers
    // (GeoJSON with boundaries) and many small ones (a radius per request) compete for the same memory.
    private readonly LeastRecentlyUsedCache<object> computed;
    // The distinct certification dates of the entries that count, in order: a dated question is answered for the
    // latest of them on or before its date, so at most one model per date here (and one for none) can ever be built,
    // whatever dates clients send.
    private readonly Lazy<DateOnly[]> certificationDates;

    /// <summary>Puts a snapshot together.</summary>
    /// <param name="geography">The geography and what is built from it.</param>
    /// <param name="listVersion">The list's change counter this snapshot was read at.</param>
    /// <param name="list">The list: the public view, and the active entries, published or not (an entry without
    /// consent is never shown, but it still covers its area).</param>
    /// <param name="cacheBytes">The byte budget of the computed models, results and answers kept with it.</param>
    public ServedSnapshot(ServedGeography geography, long listVersion, ServedList list, long cacheBytes = DefaultCacheBytes)
    {
        computed = new LeastRecentlyUsedCache<object>(cacheBytes);
        // An entry without consent counts only at its area's label point: nothing public reveals where it is. Placed
        // on first use, off the start's path.
        countedManagers = new(() => CoverageManager.AtPublicPositions(list.CoverageManagers, key => geography.Geography.Find(key)?.LabelPoint.Coordinate));
        currentModel = new Lazy<CoverageModel>(() => new CoverageModel(geography.CoverageGrid, countedManagers.Value));
        certificationDates = new(() => [.. countedManagers.Value.Select(m => m.CertifiedOn).OfType<DateOnly>().Distinct().Order()]);
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

    /// <summary>The byte budget of the computations kept per snapshot unless configured (<c>Directory:CacheMegabytes</c>).</summary>
    public const long DefaultCacheBytes = 256L << 20;

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
    /// The date that stands for <paramref name="date"/>: the latest certification date on or before it of an entry
    /// that counts (<see cref="DateOnly.MinValue"/> before the first), so that every date with the same entries
    /// certified by then shares one model. Null stays null (today: all entries, dated or not).
    /// </summary>
    public DateOnly? CertifiedSet(DateOnly? date)
    {
        if (date is not { } day)
        {
            return null;
        }

        var dates = certificationDates.Value;
        var index = Array.BinarySearch(dates, day);
        return index >= 0 ? day : ~index == 0 ? DateOnly.MinValue : dates[~index - 1];
    }

    /// <summary>
    /// The coverage model of the active managers certified on or before <paramref name="date"/> (all of them without
    /// one), at the positions at which they count; built once per set of entries and snapshot.
    /// </summary>
    public CoverageModel CoverageModel(DateOnly? date = null) => CertifiedSet(date) is { } set
        ? computed.GetOrAdd(new ModelKey(set), () => new CoverageModel(Served.CoverageGrid, CoverageManager.CertifiedBy(countedManagers.Value, set)), SizeOf)
        : currentModel.Value;

    /// <summary>
    /// Coverage at a radius (whole kilometres) and date, computed once per (radius, set of entries) and snapshot: the
    /// snapshot is per data version, so the cache is per data version too, and every level comes from the same computation.
    /// </summary>
    public CoverageResult Coverage(int radiusKm, DateOnly? date = null)
    {
        var set = CertifiedSet(date);
        return computed.GetOrAdd(new CoverageKey(radiusKm, null, set), () => CoverageModel(set).Compute(radiusKm * 1000.0), SizeOf);
    }

    /// <summary>
    /// Reach in minutes over the road network in <paramref name="mode"/> (<see cref="TravelCoverage"/>), for the
    /// managers certified by <paramref name="date"/>: one multi-source search per mode, set of entries and snapshot.
    /// Null when no road network is loaded: a caller that must have it awaits <see cref="ServedGeography.Roads"/>
    /// first (nothing here blocks a thread). The search stops with <paramref name="cancellationToken"/>; nothing is
    /// kept then.
    /// </summary>
    public TravelCoverage? Travel(TravelMode mode, DateOnly? date = null, CancellationToken cancellationToken = default)
    {
        if (Served.RoadsIfLoaded is not { } network)
        {
            return null;
        }

        var set = CertifiedSet(date);
        return computed.GetOrAdd(new TravelKey(mode, set), () =>
        {
            var managers = set is { } day ? CoverageManager.CertifiedBy(countedManagers.Value, day).ToList() : countedManagers.Value;
            var times = TravelTimeCoverage.Compute(Served.CoverageGrid, managers, network, mode, cancellationToken);
            // The search's arrays (tens of MB over NRW's network) go back to the system, off the request's path.
            _ = Task.Run(SnapshotProvider.ReturnFreedMemory, CancellationToken.None);
            return new TravelCoverage(new CoverageModel(Served.CoverageGrid, managers, times.Minutes), times);
        }, SizeOf);
    }

    /// <summary>Coverage within <paramref name="minutes"/> in <paramref name="mode"/>; null without a loaded road network.</summary>
    public CoverageResult? Coverage(int minutes, TravelMode mode, DateOnly? date = null, CancellationToken cancellationToken = default) =>
        Travel(mode, date, cancellationToken) is { } travel
            ? computed.GetOrAdd(new CoverageKey(minutes, mode, CertifiedSet(date)), () => travel.Model.Compute(minutes), SizeOf)
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
    /// A public manager's upward space in the hierarchy of <paramref name="mode"/> (<see cref="TravelTimes.DestinationSpace"/>),
    /// computed on first use and kept under the cache's byte budget: a search from a place then needs one upward search
    /// of its own instead of one per result.
    /// </summary>
    public UpwardSpace TargetSpace(RoadNetwork network, TravelMode mode, RoadPlace place) =>
        computed.GetOrAdd(new SpaceKey(mode, place.Node), () => TravelTimes.DestinationSpace(network, mode, place), space => space.Bytes);

    /// <summary>
    /// An answer rendered once per snapshot and then sent as bytes: for answers that depend only on the data and a
    /// few parameters (<paramref name="key"/>), such as coverage, whose JSON took longer to write than to look up.
    /// </summary>
    public byte[] RenderedAnswer(string key, Func<byte[]> render) => computed.GetOrAdd(new AnswerKey(key), render, bytes => bytes.Length);

    /// <summary>
    /// What a host builds from this snapshot (the OGC API's collections, say), built once on first use and kept as
    /// long as the snapshot: one value per type, so each host feature names its own type.
    /// </summary>
    public T Derived<T>(Func<ServedSnapshot, T> build)
        where T : class =>
        (T)derived.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(this))).Value;

    // What each kind of value takes, roughly: arrays by their elements, a result by its regions (455 with NRW's levels).
    private static long SizeOf(CoverageModel model) => (model.Grid.Count * 16L) + 4096;

    private static long SizeOf(CoverageResult result) =>
        (result.Municipalities.Count + result.Districts.Count + result.GovernmentRegions.Count + 1) * 256L;

    private static long SizeOf(TravelCoverage travel) => SizeOf(travel.Model) + (travel.Times.Minutes.Length * 8L);

    private sealed record ModelKey(DateOnly Set);

    private sealed record CoverageKey(int Reach, TravelMode? Mode, DateOnly? Set);

    private sealed record TravelKey(TravelMode Mode, DateOnly? Set);

    private sealed record AnswerKey(string Key);

    private sealed record SpaceKey(TravelMode Mode, int Node);
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
