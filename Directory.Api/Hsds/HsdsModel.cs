using System.Globalization;
using System.Text.Json.Nodes;
using Directory.Api.Texts;
using Directory.Core.Geography;
using Directory.Core.Managers;
using Directory.Core.Snapshot;

namespace Directory.Api.Hsds;

/// <summary>
/// The public view as Open Referral HSDS 3.0 objects (docs/hsds.md): an organization per municipality or Kreis that
/// public family managers work for (its key as an organization_identifier), one service "Kommunales
/// Familienmanagement" there, its service_area that region, a service_at_location with the entry's point and address
/// and a contact (with phone) per person. Built from the public snapshot only: a hidden entry is in no answer. Fields
/// without a value are left out, as the schemas require (a string field may not be null).
/// </summary>
public sealed class HsdsModel
{
    private readonly ServedSnapshot snapshot;

    /// <summary>The model of <paramref name="snapshot"/>; <paramref name="lastImportUtc"/> dates the metadata.</summary>
    public HsdsModel(ServedSnapshot snapshot, DateTime? lastImportUtc)
    {
        this.snapshot = snapshot;
        LastImportUtc = lastImportUtc;
        Areas = snapshot.PublicManagers
            .GroupBy(m => m.AreaKey)
            .Select(g => new HsdsArea(snapshot.Geography.Find(g.Key), g.Key, [.. g.OrderBy(m => m.Surname, StringComparer.Ordinal).ThenBy(m => m.Id)]))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>When the directory last changed (the import history's newest row).</summary>
    public DateTime? LastImportUtc { get; }

    /// <summary>Every area with public entries, by key: one organization and one service each.</summary>
    public IReadOnlyList<HsdsArea> Areas { get; }

    /// <summary>The area whose service has <paramref name="id"/>.</summary>
    public HsdsArea? ByServiceId(string id) => Areas.FirstOrDefault(a => a.ServiceId == id);

    /// <summary>The area whose organization has <paramref name="id"/>.</summary>
    public HsdsArea? ByOrganizationId(string id) => Areas.FirstOrDefault(a => a.OrganizationId == id);

    /// <summary>The service as a list item (one-to-one fields and its organization).</summary>
    public JsonObject ServiceListItem(HsdsArea area)
    {
        var service = ServiceCore(area);
        service["organization"] = OrganizationCore(area);
        return service;
    }

    /// <summary>The service with everything related, as <c>/services/{id}</c> answers.</summary>
    public JsonObject Service(HsdsArea area)
    {
        var service = ServiceCore(area);
        service["organization"] = OrganizationCore(area);
        service["service_areas"] = new JsonArray(ServiceArea(area));
        service["service_at_locations"] = new JsonArray([.. area.Managers.Select(m => ServiceAtLocation(area, m))]);
        service["contacts"] = new JsonArray([.. area.Managers.Select(m => Contact(m, area.ServiceId))]);
        service["phones"] = new JsonArray([.. area.Managers.Where(m => m.Phone is not null).Select(m => Phone(m, ("service_id", area.ServiceId)))]);
        service["metadata"] = Metadata(area.ServiceId, "service");
        return service;
    }

    /// <summary>The organization as a list item.</summary>
    public JsonObject OrganizationListItem(HsdsArea area) => OrganizationCore(area);

    /// <summary>The organization with its identifiers and services, as <c>/organizations/{id}</c> answers.</summary>
    public JsonObject Organization(HsdsArea area)
    {
        var organization = OrganizationCore(area);
        organization["organization_identifiers"] = new JsonArray(new JsonObject
        {
            ["id"] = HsdsIds.For("organization_identifier", area.Key),
            ["organization_id"] = area.OrganizationId,
            ["identifier_scheme"] = "DE-AGS",
            ["identifier_type"] = RegionKey.IsGemeinde(area.Key) ? HsdsTexts.IdentifierTypeAgs : HsdsTexts.IdentifierTypeKreis,
            ["identifier"] = area.Key,
        });
        organization["services"] = new JsonArray(ServiceCore(area));
        organization["metadata"] = Metadata(area.OrganizationId, "organization");
        return organization;
    }

    private static JsonObject ServiceCore(HsdsArea area)
    {
        var service = new JsonObject
        {
            ["id"] = area.ServiceId,
            ["organization_id"] = area.OrganizationId,
            ["name"] = string.Format(CultureInfo.InvariantCulture, HsdsTexts.ServiceName, area.OrganizationName),
            ["description"] = string.Format(CultureInfo.InvariantCulture, HsdsTexts.ServiceDescription, area.OrganizationName),
            ["status"] = "active",
        };
        if (area.Managers.Max(m => m.LastChecked) is { } checkedOn)
        {
            service["last_modified"] = Timestamp(checkedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        }

        return service;
    }

    private static JsonObject OrganizationCore(HsdsArea area) => new()
    {
        ["id"] = area.OrganizationId,
        ["name"] = area.OrganizationName,
        ["description"] = area.Region is { Level: RegionLevel.Kreis }
            ? string.Format(CultureInfo.InvariantCulture, HsdsTexts.OrganizationKreis, area.OrganizationName, area.Key)
            : string.Format(CultureInfo.InvariantCulture, HsdsTexts.OrganizationGemeinde, area.OrganizationName, area.Key),
    };

    private static JsonObject ServiceArea(HsdsArea area) => new()
    {
        ["id"] = HsdsIds.For("service_area", area.Key),
        ["service_id"] = area.ServiceId,
        ["name"] = area.OrganizationName,
        ["description"] = string.Format(CultureInfo.InvariantCulture, RegionKey.IsGemeinde(area.Key) ? HsdsTexts.ServiceAreaGemeinde : HsdsTexts.ServiceAreaKreis, area.Key),
        ["extent"] = area.Key,
        ["extent_type"] = "text",
    };

    private static JsonObject ServiceAtLocation(HsdsArea area, PublicFamilyManager m)
    {
        var id = HsdsIds.For("service_at_location", Id(m));
        var locationId = HsdsIds.For("location", Id(m));
        var location = new JsonObject
        {
            ["id"] = locationId,
            ["location_type"] = "physical",
            ["name"] = m.Organisation ?? m.DisplayName,
            ["latitude"] = m.Latitude,
            ["longitude"] = m.Longitude,
        };
        if (m.IsApproximate)
        {
            location["description"] = HsdsTexts.LocationApproximate;
        }

        // An address only where it is whole: the schema requires street, town and postcode together.
        if (m.Street is not null && m.Town is not null && m.Postcode is not null)
        {
            location["addresses"] = new JsonArray(new JsonObject
            {
                ["id"] = HsdsIds.For("address", Id(m)),
                ["location_id"] = locationId,
                ["address_1"] = m.Street,
                ["city"] = m.Town,
                ["state_province"] = HsdsTexts.State,
                ["postal_code"] = m.Postcode,
                ["country"] = "DE",
                ["address_type"] = "physical",
            });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["service_id"] = area.ServiceId,
            ["location_id"] = locationId,
            ["location"] = location,
            ["contacts"] = new JsonArray(Contact(m, area.ServiceId)),
        };
    }

    private static JsonObject Contact(PublicFamilyManager m, string serviceId)
    {
        var contact = new JsonObject
        {
            ["id"] = HsdsIds.For("contact", Id(m)),
            ["service_id"] = serviceId,
            ["name"] = m.DisplayName,
            ["title"] = m.FamilyContact switch
            {
                true => HsdsTexts.ContactForFamilies,
                false => HsdsTexts.ContactPlanning,
                null => HsdsTexts.Contact,
            },
        };
        if (m.Organisation is not null)
        {
            contact["department"] = m.Organisation;
        }

        if (m.Email is not null)
        {
            contact["email"] = m.Email;
        }

        if (m.Phone is not null)
        {
            contact["phones"] = new JsonArray(Phone(m, ("contact_id", HsdsIds.For("contact", Id(m)))));
        }

        return contact;
    }

    private static JsonObject Phone(PublicFamilyManager m, (string Key, string Id) owner) => new()
    {
        ["id"] = HsdsIds.For($"phone/{owner.Key}", Id(m)),
        [owner.Key] = owner.Id,
        ["number"] = m.Phone,
        ["type"] = "voice",
    };

    // The history says when the directory last changed and who keeps it; per-field changes are not published.
    private JsonArray Metadata(string resourceId, string resourceType) => LastImportUtc is not { } at
        ? []
        : new JsonArray(new JsonObject
        {
            ["id"] = HsdsIds.For("metadata", $"{resourceType}/{resourceId}"),
            ["resource_id"] = resourceId,
            ["resource_type"] = resourceType,
            ["last_action_date"] = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["last_action_type"] = "update",
            ["field_name"] = "",
            ["previous_value"] = "",
            ["replacement_value"] = "",
            ["updated_by"] = HsdsTexts.UpdatedBy,
        });

    private static string Id(PublicFamilyManager m) => m.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 with milliseconds, as HSDS asks.</summary>
    private static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>An area with public entries: the region (null if the geography lacks it) and its entries.</summary>
public sealed record HsdsArea(Region? Region, string Key, IReadOnlyList<PublicFamilyManager> Managers)
{
    /// <summary>The organization's UUID.</summary>
    public string OrganizationId { get; } = HsdsIds.For("organization", Key);

    /// <summary>The service's UUID.</summary>
    public string ServiceId { get; } = HsdsIds.For("service", Key);

    /// <summary>"Stadt Olpe", "Gemeinde Wenden", "Kreis Olpe", "Stadt Köln".</summary>
    public string OrganizationName { get; } = Region switch
    {
        null => Key,
        { Level: RegionLevel.Kreis } r when r.Name.StartsWith("Kreis", StringComparison.Ordinal) || r.Name.StartsWith("Städteregion", StringComparison.Ordinal) => r.Name,
        { Level: RegionLevel.Kreis } r => $"Stadt {r.Name}", // a kreisfreie Stadt
        { Type: "Gemeinde" } r => $"Gemeinde {r.Name}",
        var r => $"Stadt {r.Name}",
    };

    /// <summary>When its newest entry was last checked.</summary>
    public DateOnly? LastChecked => Managers.Max(m => m.LastChecked);
}
