using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.PostgisMigrations
{
    /// <summary>
    /// Drops the stored copy of the served list (issue 20): the service reads the list's rows at every start, one path
    /// instead of two. The table was never part of the EF Core model, so the model is unchanged.
    /// </summary>
    [DbContext(typeof(PostgisDirectoryDbContext))]
    [Migration("20261203120010_DropServedListCache")]
    public partial class DropServedListCache : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "served_list_cache");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "served_list_cache",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    list_version = table.Column<long>(type: "bigint", nullable: false),
                    format = table.Column<string>(type: "text", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false),
                },
                constraints: table => table.PrimaryKey("PK_served_list_cache", x => x.id));
        }
    }
}
