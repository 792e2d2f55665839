using Directory.Core.Csv;

namespace Directory.Core.Tests.Csv;

public sealed class CsvParserTests
{
    private static List<CsvRecord> Parse(string text, char delimiter = ',') =>
        CsvParser.Parse(new StringReader(text), delimiter, maxFields: 500).ToList();

    [Fact]
    public void SplitsRecordsAndFieldsWithTheirLineNumbers()
    {
        var records = Parse("plz,ort\n57462,Olpe\r\n48143,Münster\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["57462", "Olpe"], records[1].Fields);
        Assert.Equal(3, records[2].LineNumber);
    }

    [Fact]
    public void QuotedFieldsKeepDelimitersQuotesAndLineBreaks()
    {
        var records = Parse("name;bemerkung\n\"Stadt Olpe; Jugendamt\";\"sagt \"\"hallo\"\"\nzweite Zeile\"\nnächster;x\n", ';');

        Assert.Equal(["Stadt Olpe; Jugendamt", "sagt \"hallo\"\nzweite Zeile"], records[1].Fields);
        Assert.Equal(4, records[2].LineNumber);
    }

    [Fact]
    public void EmptyLinesAreSkippedAndEmptyFieldsKept()
    {
        var records = Parse("a,b,c\n\n1,,3\n,,\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "", "3"], records[1].Fields);
        Assert.Equal(["", "", ""], records[2].Fields);
    }

    [Fact]
    public void RowNumbersCountBlankLinesAndMultiLineFieldsAsASpreadsheetDoes()
    {
        var records = Parse("a;b\n\n\"x\ny\";1\nc;2\n", ';');

        Assert.Equal([1, 3, 4], records.Select(r => r.RowNumber));
        Assert.Equal([1, 3, 5], records.Select(r => r.LineNumber));
    }

    [Fact]
    public void TooManyFieldsAreRefusedBeforeTheRecordIsComplete()
    {
        var text = "a;b\n" + string.Join(";", Enumerable.Repeat("x", 100_000)) + "\n";

        var error = Assert.Throws<CsvFormatException>(() => Parse(text, ';').Count());
        Assert.Equal((CsvFormatError.TooManyFields, 2), (error.Error, error.RowNumber));
    }

    [Fact]
    public void AnOverlongFieldIsRefused()
    {
        var text = "a;b\n\"" + new string('x', 20_000) + "\";1\n";

        var error = Assert.Throws<CsvFormatException>(() => CsvParser.Parse(new StringReader(text), ';', 100, 10_000).Count());
        Assert.Equal(CsvFormatError.FieldTooLong, error.Error);
    }

    [Fact]
    public void AnUnclosedQuoteNamesTheLineWhereItStarts()
    {
        var error = Assert.Throws<CsvFormatException>(() => Parse("a,b\n1,2\n3,\"offen\n4,5\n"));
        Assert.Equal(3, error.LineNumber);
    }
}
