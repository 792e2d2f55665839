using System.Globalization;
using Directory.Api.Texts;

namespace Directory.Api.Common;

/// <summary>
/// Parses query values that minimal API binding would reject with a bare 400: each failure is added to
/// <c>errors</c> under the parameter's name, in German, so that the problem document says what is wrong where.
/// </summary>
public static class QueryValues
{
    /// <summary>A WGS84 coordinate in degrees (invariant culture, decimal point) within ±<paramref name="limit"/>.</summary>
    public static double? Degrees(string? value, string name, double limit, string example, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = [string.Format(ApiTexts.ParameterMissing, name)];
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            errors[name] = [string.Format(ApiTexts.ParameterNotNumber, value, example)];
            return null;
        }

        if (Math.Abs(number) > limit)
        {
            var text = limit == 90 ? ApiTexts.LatitudeOutOfRange : ApiTexts.LongitudeOutOfRange;
            errors[name] = [string.Format(text, value)];
            return null;
        }

        return number;
    }

    /// <summary>A number above 0 and at most <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static double? PositiveNumber(string? value, string name, double fallback, double max, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number > 0 && number <= max)
        {
            return number;
        }

        errors[name] = [string.Format(ApiTexts.RadiusInvalid, max, value)];
        return null;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static int? WholeNumber(string? value, string name, int fallback, int max, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors[name] = [string.Format(ApiTexts.LimitInvalid, max, value)];
        return null;
    }

    /// <summary>Today on this server's calendar: the latest date a question may ask about.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>The earliest date a coverage question may ask about: the programme and its lists begin later.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>A day as <c>YYYY-MM-DD</c> from 2000-01-01 to <paramref name="today"/>; null when absent or wrong.</summary>
    public static DateOnly? Date(string? value, string name, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[name] = [string.Format(ApiTexts.DateInvalid, value)];
            return null;
        }

        if (date < EarliestDate || date > today)
        {
            errors[name] = [string.Format(ApiTexts.DateOutOfRange, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value)];
            return null;
        }

        return date;
    }
}
