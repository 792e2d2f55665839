using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Directory.Core.Storage.Migrations
{
    /// <summary>The change history stores codes instead of German words (<see cref="ImportHistory"/>).</summary>
    public partial class HistoryCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => ImportHistory.StoreCodes(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => ImportHistory.StoreWords(migrationBuilder);
    }
}
