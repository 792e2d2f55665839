using Directory.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage.Configurations;

internal sealed class GovernmentRegionConfiguration : IEntityTypeConfiguration<GovernmentRegion>
{
    public void Configure(EntityTypeBuilder<GovernmentRegion> builder)
    {
        builder.ToTable(GeoPackageLayers.GovernmentRegions);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("fid");
        builder.Property(r => r.Key).HasColumnName("regbez_ags").HasMaxLength(3);
        builder.HasIndex(r => r.Key).IsUnique();
        builder.Property(r => r.Name).HasColumnName("name");
        builder.Property(r => r.OfficialName).HasColumnName("name_official");
        builder.Property(r => r.Seat).HasColumnName("seat");
        builder.Property(r => r.Population).HasColumnName("population");
        builder.Property(r => r.AreaKm2).HasColumnName("area_km2");
        builder.Property(r => r.MunicipalityCount).HasColumnName("municipality_count");
        builder.Property(r => r.Boundary).HasColumnName(GeoPackageLayers.GeometryColumn)
            .HasColumnType("MULTIPOLYGON")
            .HasConversion(new GeoPackageGeometryConverter<MultiPolygon>(), GeoPackageGeometryConverter<MultiPolygon>.Comparer);
    }
}
