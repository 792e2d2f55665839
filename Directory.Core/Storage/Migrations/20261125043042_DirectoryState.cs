using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directory_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    geography_version = table.Column<long>(type: "INTEGER", nullable: false),
                    list_version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_state", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "directory_state",
                columns: new[] { "Id", "geography_version", "list_version" },
                values: new object[] { 1, 0L, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directory_state");
        }
    }
}
