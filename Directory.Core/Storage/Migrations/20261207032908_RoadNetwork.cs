using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <summary>
    /// The road network (issue 25): layer <c>strassennetz</c> (one row: source, size, extent, with its spatial index as
    /// every layer has) and the table of its stored parts, which is not a layer.
    /// </summary>
    public partial class RoadNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Explicit SQL for the geometry table: see InitialGeography for why CreateTable cannot be used.
            migrationBuilder.Sql("""
                CREATE TABLE "strassennetz" (
                    "fid" INTEGER NOT NULL CONSTRAINT "PK_strassennetz" PRIMARY KEY,
                    "quelle" TEXT NOT NULL,
                    "importiert_am" DATETIME NOT NULL,
                    "knoten" INTEGER NOT NULL,
                    "kanten" INTEGER NOT NULL,
                    "format" TEXT NOT NULL,
                    "geom" POLYGON NOT NULL
                );
                """);

            migrationBuilder.CreateTable(
                name: "strassennetz_teile",
                columns: table => new
                {
                    teil = table.Column<int>(type: "INTEGER", nullable: false),
                    daten = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_strassennetz_teile", x => x.teil);
                });
            GeoPackageLayers.RegisterLayer(migrationBuilder, "strassennetz", "POLYGON", 25832,
                "Straßennetz", "Importiertes Straßennetz (OpenStreetMap, ODbL): Quelle, Knoten, Kanten; Geometrie = Ausdehnung");
            GeoPackageLayers.CreateSpatialIndexes(migrationBuilder, ["strassennetz"]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            GeoPackageLayers.DropSpatialIndexes(migrationBuilder, ["strassennetz"]);
            migrationBuilder.Sql("DELETE FROM gpkg_geometry_columns WHERE table_name = 'strassennetz'");
            migrationBuilder.Sql("DELETE FROM gpkg_contents WHERE table_name = 'strassennetz'");
            migrationBuilder.DropTable(
                name: "strassennetz");

            migrationBuilder.DropTable(
                name: "strassennetz_teile");
        }
    }
}
