using Directory.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage.Configurations;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable(GeoPackageLayers.Districts);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("fid");
        builder.Property(d => d.Key).HasColumnName("kreis_ags").HasMaxLength(5);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.Property(d => d.Name).HasColumnName("name");
        builder.Property(d => d.OfficialName).HasColumnName("name_official");
        builder.Property(d => d.Type).HasColumnName("type");
        builder.Property(d => d.Seat).HasColumnName("seat");
        builder.Property(d => d.GovernmentRegionKey).HasColumnName("regbez_ags").HasMaxLength(3);
        builder.Property(d => d.Population).HasColumnName("population");
        builder.Property(d => d.AreaKm2).HasColumnName("area_km2");
        builder.Property(d => d.MunicipalityCount).HasColumnName("municipality_count");
        builder.Property(d => d.Boundary).HasColumnName(GeoPackageLayers.GeometryColumn)
            .HasColumnType("MULTIPOLYGON")
            .HasConversion(new GeoPackageGeometryConverter<MultiPolygon>(), GeoPackageGeometryConverter<MultiPolygon>.Comparer);
    }
}
