using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.PostgisMigrations
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
            migrationBuilder.RenameColumn(
                name: "einwohner_2011",
                table: "bevoelkerung_1km",
                newName: "einwohner");

            migrationBuilder.AddColumn<int>(
                name: "unter_15",
                table: "bevoelkerung_1km",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM bevoelkerung_1km");
            migrationBuilder.DropColumn(
                name: "unter_15",
                table: "bevoelkerung_1km");

            migrationBuilder.RenameColumn(
                name: "einwohner",
                table: "bevoelkerung_1km",
                newName: "einwohner_2011");
        }
    }
}
