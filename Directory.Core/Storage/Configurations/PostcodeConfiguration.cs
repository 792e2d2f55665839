using Directory.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Directory.Core.Storage.Configurations;

internal sealed class PostcodeConfiguration : IEntityTypeConfiguration<Postcode>
{
    public void Configure(EntityTypeBuilder<Postcode> builder)
    {
        builder.ToTable(GeoPackageLayers.Postcodes);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("fid");
        builder.Property(p => p.Code).HasColumnName("plz").HasMaxLength(5);
        builder.HasIndex(p => p.Code);
        builder.Property(p => p.Place).HasColumnName("place");
        builder.Property(p => p.Ags).HasColumnName("ags").HasMaxLength(8);
        builder.Property(p => p.Location).HasColumnName(GeoPackageLayers.GeometryColumn)
            .HasColumnType("POINT")
            .HasConversion(new GeoPackageGeometryConverter<Point>(), GeoPackageGeometryConverter<Point>.Comparer);
    }
}
