using Directory.Core.Geo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage;

/// <summary>
/// The directory on PostgreSQL + PostGIS (server mode, for several instances): the same entities and configurations
/// as the GeoPackage, with native PostGIS geometry columns instead of GeoPackage blobs. A type of its own because EF
/// Core keys migrations and the compiled model by context type: the PostGIS migrations live in
/// <c>Storage/PostgisMigrations</c>, and the model is built at run time (the compiled one is the GeoPackage's).
/// </summary>
public sealed class PostgisDirectoryDbContext(DbContextOptions<PostgisDirectoryDbContext> options) : DirectoryDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).ToList())
        {
            if (typeof(Geometry).IsAssignableFrom(property.ClrType))
            {
                // A spatial index, as GIS clients (QGIS, ogr2ogr) expect of a PostGIS layer.
                property.DeclaringType.ContainingEntityType.AddIndex(property).SetMethod("gist");
                // The GeoPackage blob converter is for SQLite; Npgsql's NetTopologySuite plugin maps geometries natively.
                property.SetValueConverter((ValueConverter)Activator.CreateInstance(typeof(PostgisGeometryConverter<>).MakeGenericType(property.ClrType))!);
                property.SetValueComparer((Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer?)null);
                property.SetColumnType($"geometry({property.ClrType.Name}, {Crs.Etrs89Utm32N})");
            }
            else if (property.GetColumnType() == "DATETIME")
            {
                // SQLite's affinity name; the values are UTC.
                property.SetColumnType("timestamp with time zone");
            }
        }
    }
}
