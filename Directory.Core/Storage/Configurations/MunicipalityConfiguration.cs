using Directory.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.ToTable(GeoPackageLayers.Municipalities);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("fid");
        builder.Property(m => m.Ags).HasColumnName("ags").HasMaxLength(8);
        builder.HasIndex(m => m.Ags).IsUnique();
        builder.Property(m => m.Name).HasColumnName("name");
        builder.Property(m => m.OfficialName).HasColumnName("name_official");
        builder.Property(m => m.Type).HasColumnName("type");
        builder.Property(m => m.DistrictKey).HasColumnName("kreis_ags").HasMaxLength(5);
        builder.Property(m => m.GovernmentRegionKey).HasColumnName("regbez_ags").HasMaxLength(3);
        builder.Property(m => m.Population).HasColumnName("population");
        builder.Property(m => m.PopulationDate).HasColumnName("population_date").HasColumnType("DATE");
        builder.Property(m => m.AreaKm2).HasColumnName("area_km2");
        builder.Property(m => m.InteriorEasting).HasColumnName("point_x");
        builder.Property(m => m.InteriorNorthing).HasColumnName("point_y");
        builder.Property(m => m.Boundary).HasColumnName(GeoPackageLayers.GeometryColumn)
            .HasColumnType("MULTIPOLYGON")
            .HasConversion(new GeoPackageGeometryConverter<MultiPolygon>(), GeoPackageGeometryConverter<MultiPolygon>.Comparer);
    }
}
