using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <summary>
    /// The GeoPackage R-tree spatial index extension on every geometry layer (GeoPackage 1.3.1, annex F.3), as GDAL
    /// writes it: so that QGIS, GDAL and MapServer read only the rows of a map view or bbox request. The triggers keep
    /// each index current on every write; they call the functions of <see cref="GeoPackageFunctions"/>, which every
    /// connection of the directory registers.
    /// </summary>
    public partial class SpatialIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => GeoPackageLayers.CreateSpatialIndexes(migrationBuilder, Layers);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => GeoPackageLayers.DropSpatialIndexes(migrationBuilder, Layers);

        // The layers there were then; later layers add their own index in their own migration.
        private static readonly string[] Layers = ["gemeinden", "kreise", "regierungsbezirke", "postleitzahlen", "bevoelkerung_1km", "familienmanager"];
    }
}
