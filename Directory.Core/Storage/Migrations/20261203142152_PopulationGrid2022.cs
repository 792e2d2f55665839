using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <summary>
    /// The population layer becomes the Zensus 2022 grid with residents under 15 (issue 21). The 2011 cells are
    /// deleted: a database without cells gets the geography again on its next start (DirectoryInitializer), from the
    /// same files that a geography import reads, so no 2011 count is ever mixed with 2022 children.
    /// </summary>
    public partial class PopulationGrid2022 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM bevoelkerung_1km");
            migrationBuilder.Sql("UPDATE gpkg_contents SET identifier = 'Bevölkerung 1 km (Zensus 2022)', description = 'Bewohnte 1-km-Zellen des Zensus 2022 mit Mittelpunkt in NRW: Einwohner und Einwohner unter 15 Jahren, 15.05.2022' WHERE table_name = 'bevoelkerung_1km'");
            migrationBuilder.RenameColumn(
                name: "einwohner_2011",
                table: "bevoelkerung_1km",
                newName: "einwohner");

            migrationBuilder.AddColumn<int>(
                name: "unter_15",
                table: "bevoelkerung_1km",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM bevoelkerung_1km");
            // SQL of its own: EF Core would rebuild the table to drop a column, through SpatiaLite's AddGeometryColumn,
            // which a GeoPackage does not have; SQLite drops a plain column itself.
            migrationBuilder.Sql("ALTER TABLE bevoelkerung_1km DROP COLUMN unter_15");

            migrationBuilder.RenameColumn(
                name: "einwohner",
                table: "bevoelkerung_1km",
                newName: "einwohner_2011");
        }
    }
}
