namespace Directory.Api.Problems;

/// <summary>
/// The stable <c>type</c> URIs of the Api's problem documents (RFC 9457). Clients and tests rely on these, not on
/// the German titles. Relative references, resolved against the service's own address.
/// </summary>
public static class ProblemTypes
{
    /// <summary>A query or route parameter is missing or invalid; <c>errors</c> names it.</summary>
    public const string InvalidParameter = "/problems/invalid-parameter";

    /// <summary>No region has the requested key.</summary>
    public const string RegionNotFound = "/problems/region-not-found";

    /// <summary>The requested point lies in no NRW municipality.</summary>
    public const string OutsideNrw = "/problems/outside-nrw";

    /// <summary>The postcode is not in the postcode list.</summary>
    public const string PostcodeNotFound = "/problems/postcode-not-found";

    /// <summary>No place matches the search text.</summary>
    public const string PlaceNotFound = "/problems/place-not-found";

    /// <summary>No public family manager has the id.</summary>
    public const string ManagerNotFound = "/problems/manager-not-found";

    /// <summary>No OGC API collection has the id.</summary>
    public const string CollectionNotFound = "/problems/collection-not-found";

    /// <summary>No feature of the collection has the id.</summary>
    public const string FeatureNotFound = "/problems/feature-not-found";

    /// <summary>No history entry with a stored report has the id (staff area).</summary>
    public const string ReportNotFound = "/problems/report-not-found";

    /// <summary>No HSDS service or organization has the id.</summary>
    public const string HsdsNotFound = "/problems/hsds-not-found";
}
