namespace Directory.Api.Security;

/// <summary>Which addresses belong to the staff area: its pages and its JSON/download endpoints.</summary>
public static class StaffPaths
{
    /// <summary>The staff area's pages.</summary>
    public const string Pages = "/verwaltung";

    /// <summary>The staff area's endpoints for downloads and scripts.</summary>
    public const string Api = "/api/admin";

    /// <summary>The sign-in page, the one staff page open to everyone.</summary>
    public const string SignIn = "/verwaltung/anmelden";

    /// <summary>The page where a one-time password is replaced.</summary>
    public const string ChangePassword = "/verwaltung/passwort";

    /// <summary>The upload form's target.</summary>
    public const string Upload = "/verwaltung/hochladen";

    /// <summary>True for the staff area's pages and endpoints.</summary>
    public static bool IsStaff(PathString path) =>
        path.StartsWithSegments(Pages, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the public, rate-limited API: <c>/api</c> (except the staff endpoints), <c>/ogc</c> and <c>/hsds</c>.</summary>
    public static bool IsPublicApi(PathString path) =>
        (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase))
        || path.StartsWithSegments("/ogc", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/hsds", StringComparison.OrdinalIgnoreCase);
}
